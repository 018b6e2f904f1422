import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { outbreakEpisodes } from "../../db/schema/index.ts";
import {
  type EpisodeDetail,
  type EpisodeRow,
  episodeDetail,
  episodeExtras,
  type FacilityFrame,
  userNames,
} from "./episode-store.ts";

/** An episode as the list shows it: subject, opening, closing and state, with who did them by name. */
export function presentSummary(detail: EpisodeDetail, names: Map<string, string>) {
  const { row } = detail;
  return {
    id: row.id,
    subject: detail.subject,
    openedDate: row.openedDate,
    alert: row.alertCode && row.alertDay ? { code: row.alertCode, day: row.alertDay } : null,
    note: row.note,
    openedBy: names.get(row.openedBy) ?? "",
    openedAt: row.openedAt.toISOString(),
    closedDate: row.closedDate,
    decision: row.decision,
    overrideReason: row.overrideReason,
    closedBy: row.closedBy ? (names.get(row.closedBy) ?? "") : null,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    state: detail.state,
  };
}

/** One episode with its cases, unlinked cases of its group, measures and timeline, as the episode page shows it. */
export async function presentDetail(db: Executor, frame: FacilityFrame, row: EpisodeRow) {
  const detail = await episodeDetail(db, frame, row);
  const { measureRows, eventRows } = await episodeExtras(db, row);
  const names = await userNames(db, [
    row.openedBy,
    row.closedBy,
    ...measureRows.map((m) => m.recordedBy),
    ...eventRows.map((e) => e.byUser),
    ...detail.links.map((l) => l.linkedBy),
  ]);
  const measures = measureRows.map((m) => ({
    id: m.id,
    catalogueId: m.catalogueId,
    text: m.text,
    doneDate: m.doneDate,
    doneBy: m.doneBy,
    note: m.note,
    recordedBy: names.get(m.recordedBy) ?? "",
    recordedAt: m.recordedAt.toISOString(),
  }));
  const timeline = [
    ...eventRows.map((e) => ({
      kind: e.kind,
      day: e.day,
      at: e.at.toISOString(),
      by: names.get(e.byUser) ?? "",
      text: e.text,
      ref: null,
    })),
    ...measureRows.map((m) => ({
      kind: "measure" as const,
      day: m.doneDate,
      at: m.recordedAt.toISOString(),
      by: m.doneBy ?? names.get(m.recordedBy) ?? "",
      text: m.text,
      ref: m.catalogueId,
    })),
    ...detail.links.map((l) => ({
      kind: "case" as const,
      day: detail.cases.find((c) => c.linkId === l.id)?.onsetDate ?? row.openedDate,
      at: l.linkedAt.toISOString(),
      by: names.get(l.linkedBy) ?? "",
      text: null,
      ref: l.personId,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.at.localeCompare(b.at));
  return {
    today: frame.today,
    episode: presentSummary(detail, names),
    cases: detail.cases,
    candidates: detail.candidates,
    measures,
    timeline,
  };
}

/** The facility's episodes (open, closed or all), newest opened first. */
export async function listEpisodes(db: Executor, frame: FacilityFrame, state: "open" | "closed" | "all") {
  const rows = await db
    .select()
    .from(outbreakEpisodes)
    .where(
      and(
        eq(outbreakEpisodes.facilityId, frame.id),
        state === "open" ? isNull(outbreakEpisodes.closedDate) : undefined,
      ),
    );
  const shown = rows
    .filter((row) => state !== "closed" || row.closedDate !== null)
    .sort((a, b) => b.openedDate.localeCompare(a.openedDate) || b.openedAt.getTime() - a.openedAt.getTime());
  const details = await Promise.all(shown.map((row) => episodeDetail(db, frame, row)));
  const names = await userNames(
    db,
    shown.flatMap((row) => [row.openedBy, row.closedBy]),
  );
  return { today: frame.today, episodes: details.map((detail) => presentSummary(detail, names)) };
}
