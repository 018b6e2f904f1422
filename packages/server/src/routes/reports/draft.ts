import {
  type OfficeReportContent,
  officeReport,
  type ReportCaseInput,
  type ReportCriterion,
  type ReportGroup,
} from "@mamori/domain/reports";
import {
  addIsoDays,
  episodeQuietDays,
  evaluateFacility,
  findOutbreakMeasure,
  groupsOfDisease,
  implicitCasesOfGroup,
} from "@mamori/domain/surveillance";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { organisations, outbreakEpisodes, units } from "../../db/schema/index.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { facilityRuleInput } from "../alerts/facility-alerts.ts";
import { currentRunStart, episodeExtras } from "../episodes/episode-store.ts";

/** The alert code behind each criterion: ア and イ from the rules; ウ offered by the statistical signal (manual p.48). */
export const CRITERION_ALERT: Readonly<Record<ReportCriterion, string>> = {
  A: "REPORT_CRITERION_A",
  B: "REPORT_CRITERION_B",
  C: "ABOVE_USUAL",
};

/** Keys of an alert's evidence that name persons: the offices receive counts, thresholds and days, never who. */
const PERSON_KEYS = new Set(["personIds", "cases", "persons", "observations"]);

/** The criterion's evidence as stored with the report: whether it held, on which day, and its numbers. */
export type EvidenceSnapshot = {
  code: string;
  holds: boolean;
  day: string | null;
  profile: string;
  evidence: Record<string, unknown>;
};

/**
 * A draft of the report to the offices for a facility's group as of `now`, from its stored records: the numbers by
 * `officeReport`, the measures of the group's open episode (or the given one), and the criterion's evidence as a
 * snapshot taken now.
 */
export async function draftOfficeReport(
  db: Executor,
  facilityId: string,
  group: ReportGroup,
  criterion: ReportCriterion,
  now: Date,
  episodeId?: string | null,
): Promise<{ content: OfficeReportContent; evidence: EvidenceSnapshot; episodeId: string | null }> {
  const input = await facilityRuleInput(db, facilityId, now, 7);
  const timeZone = input.facility.timeZone ?? "Asia/Tokyo";
  const today = dayInZone(now, timeZone);
  const result = evaluateFacility(input);
  const code = CRITERION_ALERT[criterion];
  const inGroup = (subject: Record<string, string>) =>
    subject.group === group ||
    (subject.disease !== undefined && groupsOfDisease(subject.disease).includes(group));
  const alert = result.alerts
    .filter((a) => a.code === code && inGroup(a.subject as Record<string, string>))
    .sort((a, b) => (a.day < b.day ? 1 : -1))[0];
  const evidence: EvidenceSnapshot = {
    code,
    holds: alert !== undefined,
    day: alert?.day ?? null,
    profile: result.profile,
    evidence: alert
      ? Object.fromEntries(Object.entries(alert.evidence).filter(([key]) => !PERSON_KEYS.has(key)))
      : {},
  };

  const implicit = implicitCasesOfGroup(input, group);
  const recorded = (input.cases ?? []).filter((c) => groupsOfDisease(c.disease).includes(group));
  const cases: ReportCaseInput[] = [
    ...implicit.map((c) => ({
      personId: c.personId,
      onsetDate: c.onsetDate,
      resolvedDate: c.resolvedDate,
      disease: null,
      status: null,
      outcomes: [],
    })),
    ...recorded.map((c) => ({
      personId: c.personId,
      onsetDate: c.onsetDate,
      resolvedDate: c.resolvedDate ?? null,
      disease: c.disease,
      status: c.status ?? null,
      outcomes: (c.outcomes ?? []).map((o) => ({ kind: o.kind, date: o.date })),
    })),
  ];

  const [episode] = await db
    .select()
    .from(outbreakEpisodes)
    .where(
      episodeId
        ? and(eq(outbreakEpisodes.facilityId, facilityId), eq(outbreakEpisodes.id, episodeId))
        : and(
            eq(outbreakEpisodes.facilityId, facilityId),
            eq(outbreakEpisodes.subjectGroup, group),
            isNull(outbreakEpisodes.closedDate),
          ),
    )
    .orderBy(asc(outbreakEpisodes.openedDate));
  const quietDays = episodeQuietDays({ group }, input.profile!);
  const onsetDays = cases.map((c) => c.onsetDate).filter((d) => d <= today);
  const fromDay =
    currentRunStart(onsetDays, today, quietDays) ??
    (typeof evidence.evidence.window === "object" && evidence.evidence.window !== null
      ? String((evidence.evidence.window as { from: string }).from)
      : addIsoDays(today, -6));

  const measures = episode
    ? (await episodeExtras(db, episode)).measureRows.map((m) => ({
        day: m.doneDate,
        text:
          m.text ?? (m.catalogueId ? (findOutbreakMeasure(m.catalogueId)?.title.ja ?? m.catalogueId) : ""),
      }))
    : [];
  const firstDay = fromDay < today ? fromDay : today;
  const symptoms = new Map<string, Set<string>>();
  for (const o of input.observations) {
    const at = typeof o.at === "string" ? new Date(o.at) : o.at;
    if (dayInZone(at, timeZone) < firstDay || !o.symptoms?.length) continue;
    const set = symptoms.get(o.personId) ?? new Set<string>();
    for (const s of o.symptoms) set.add(s);
    symptoms.set(o.personId, set);
  }
  const unitRows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.facilityId, facilityId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  const users = input.people.filter((p) => p.kind !== "staff").length;
  const content = officeReport({
    facility: {
      name: org?.name ?? "",
      type: input.facility.type ?? "elderly_care",
      users,
      staff: input.people.length - users,
    },
    group,
    criterion,
    asOfDay: today,
    fromDay: firstDay,
    units: unitRows,
    people: input.people.map((p) => ({
      id: p.id,
      role: p.kind === "staff" ? "staff" : "user",
      unitId: p.unit ?? null,
    })),
    cases,
    symptoms: [...symptoms.entries()].map(([personId, set]) => ({
      personId,
      symptoms: [...set] as OfficeReportContent["symptoms"][number]["code"][],
    })),
    measures,
  });
  return { content, evidence, episodeId: episode?.id ?? null };
}
