import { GROUP_TEXT } from "@mamori/domain/surveillance";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { diseaseLabel, shortDay } from "../../alerts/alert-labels.ts";
import type { NewCase } from "../../api/records-types.ts";
import type { LineListEntry, LineListResult } from "../../api/surveillance-types.ts";
import type { Facility } from "../../api/types.ts";
import { formatTime } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { canRecordCases } from "../../pages/records/records-roles.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import {
  type DayMark,
  dayMarks,
  groupLineList,
  type LineListSection,
} from "../../surveillance/line-list-view.ts";
import { Dialog } from "../Dialog.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { KindBadge } from "../KindBadge.tsx";
import { NotificationStatus } from "../notify/NotificationStatus.tsx";
import { LineListCaseForm } from "./LineListCaseForm.tsx";

interface Props {
  facility: Facility;
  today: string;
  result: LineListResult | null;
  error: unknown;
  reload: () => Promise<void>;
}

/**
 * Who is ill now: the current cases by kind of symptoms and floor, each with room, name, status, onset, the marks of
 * 付録4③ for the last 7 days, consultation or diagnosis day and remarks; a tap records what the nurse knows, and a case
 * without symptoms for 3 recorded days is offered for closing (never closed by itself).
 */
export function LineListPanel({ facility, today, result, error, reload }: Props) {
  const { t } = useTranslation("surveillance");
  const { t: tAlerts } = useTranslation("alerts");
  const api = useApi();
  const user = useUser();
  const mayRecord = canRecordCases(user);
  const [editing, setEditing] = useState<{ entry: LineListEntry; proposed?: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const sections = result
    ? groupLineList(
        result.entries,
        facility.units.map((u) => u.id),
      )
    : [];
  const save = async (change: { create?: NewCase; update?: { id: string; patch: Partial<NewCase> } }) => {
    if (change.create) await api.createCase(change.create);
    if (change.update) await api.updateCase(change.update.id, change.update.patch);
    setSaved(editing?.entry.person.name ?? null);
    setEditing(null);
    await reload();
  };

  return (
    <section className="line-list" aria-labelledby="line-list-title" data-testid="line-list">
      <div className="line-list-head">
        <h2 id="line-list-title">{t("lineList.title")}</h2>
        <div className="line-list-actions no-print">
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            {t("lineList.refresh")}
          </button>
          {result !== null && (
            <Link href="/line-list/print" className="btn btn-small" data-testid="line-list-print">
              {t("lineList.print")}
            </Link>
          )}
        </div>
      </div>
      <p className="muted small">{t("lineList.lead")}</p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {saved && (
        <p className="notice notice--ok" role="status" data-testid="line-list-saved">
          {t("lineList.saved", { name: saved })}
        </p>
      )}
      {result === null && !error && <p className="muted">…</p>}
      {result !== null && sections.length === 0 && (
        <p className="line-list-empty" data-testid="line-list-empty">
          {t("lineList.empty")}
        </p>
      )}
      {sections.map((section) => (
        <LineListSectionView
          key={section.key}
          section={section}
          days={result?.days ?? []}
          today={today}
          timeZone={facility.timeZone}
          mayRecord={mayRecord}
          onRecord={(entry, proposed) => {
            setSaved(null);
            setEditing(proposed ? { entry, proposed } : { entry });
          }}
        />
      ))}
      {result !== null && sections.length > 0 && (
        <p className="muted small line-list-legend">
          <span className="sr-only">{t("lineList.legendTitle")}</span>
          {t("lineList.legend")}
        </p>
      )}
      {editing && (
        <Dialog
          title={t("form.title", { name: editing.entry.person.name })}
          closeLabel={tAlerts("records.cancel")}
          onClose={() => setEditing(null)}
          testId="line-list-dialog"
        >
          <LineListCaseForm
            entry={editing.entry}
            today={today}
            {...(editing.proposed ? { proposedResolvedDate: editing.proposed } : {})}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
    </section>
  );
}

function LineListSectionView({
  section,
  days,
  today,
  timeZone,
  mayRecord: canRecord,
  onRecord,
}: {
  section: LineListSection;
  days: string[];
  today: string;
  timeZone: string;
  mayRecord: boolean;
  onRecord: (entry: LineListEntry, proposed?: string) => void;
}) {
  const { t, i18n } = useTranslation("surveillance");
  const { t: tAlerts } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const markName = (mark: DayMark): string => t(`lineList.mark.${MARK_NAMES[mark]}`);
  const title =
    "group" in section.subject
      ? GROUP_TEXT[section.subject.group].name[lang]
      : diseaseLabel(tAlerts, section.subject.disease, lang);
  return (
    <div className="line-list-section" data-testid={`line-section-${section.key}`}>
      <h3>
        {title} <span className="line-list-count">{t("lineList.count", { count: section.open })}</span>
      </h3>
      {section.floors.map((floor) => (
        <div key={floor.unitId ?? "none"} className="line-list-floor">
          <h4>{floor.unitName ?? t("lineList.noUnit")}</h4>
          <ul className="line-list-rows">
            {floor.entries.map((entry) => (
              <li
                key={entry.key}
                className={entry.resolvedDate ? "line-row is-resolved" : "line-row"}
                data-testid={`line-row-${entry.person.id}`}
                data-key={entry.key}
              >
                <div className="line-row-who">
                  <span className="line-row-room">
                    {entry.person.kind === "staff" ? t("lineList.staff") : (entry.room?.name ?? "")}
                  </span>
                  <span className="line-row-name">{entry.person.name}</span>
                  {entry.person.kind !== "resident" && entry.person.kind !== "staff" && (
                    <KindBadge kind={entry.person.kind} />
                  )}
                </div>
                <div className="line-row-status">
                  <span className={`status-badge status-badge--${entry.status}`} data-testid="line-status">
                    {t(`lineList.status_${entry.status}`)}
                  </span>
                  <span className="line-row-disease" data-testid="line-disease-label">
                    {entry.disease ? diseaseLabel(tAlerts, entry.disease, lang) : t("lineList.notNamed")}
                  </span>
                </div>
                <div className="line-row-dates muted small">
                  <span>
                    {entry.onsetAt
                      ? t("lineList.onsetAt", {
                          day: shortDay(entry.onsetDate, lang),
                          time: formatTime(entry.onsetAt, timeZone),
                        })
                      : t("lineList.onset", { day: shortDay(entry.onsetDate, lang) })}
                  </span>
                  {entry.diagnosedDate && (
                    <span data-testid="line-diagnosed-label">
                      {t("lineList.diagnosed", { day: shortDay(entry.diagnosedDate, lang) })}
                    </span>
                  )}
                  {entry.resolvedDate && (
                    <span data-testid="line-resolved-label">
                      {t("lineList.resolved", { day: shortDay(entry.resolvedDate, lang) })}
                    </span>
                  )}
                </div>
                <ol className="line-days" aria-label={t("lineList.days")}>
                  {entry.days.map((day, i) => {
                    const marks = dayMarks(day);
                    return (
                      <li
                        key={day.date}
                        className={day.caseSymptoms ? "line-day has-case" : "line-day"}
                        aria-label={t("lineList.dayLabel", {
                          day: shortDay(day.date, lang),
                          marks: marks.map(markName).join("・"),
                        })}
                      >
                        <span className="line-day-date" aria-hidden="true">
                          {days[i]?.slice(8).replace(/^0/, "")}
                        </span>
                        <span className="line-day-mark" aria-hidden="true">
                          {marks.join("")}
                        </span>
                      </li>
                    );
                  })}
                </ol>
                {entry.notification && <NotificationStatus notification={entry.notification} today={today} />}
                {entry.remarks && (
                  <p className="line-row-remarks small" data-testid="line-remarks-label">
                    {entry.remarks}
                  </p>
                )}
                {entry.closeOffer && canRecord && (
                  <div className="line-offer" data-testid="line-offer">
                    <span>{t("lineList.closeOffer", { days: entry.closeOffer.symptomFreeDays })}</span>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="line-offer-close"
                      onClick={() => onRecord(entry, entry.closeOffer?.resolvedDate)}
                    >
                      {t("lineList.closeYes", { day: shortDay(entry.closeOffer.resolvedDate, lang) })}
                    </button>
                  </div>
                )}
                {canRecord && (
                  <button
                    type="button"
                    className="btn line-row-record no-print"
                    data-testid="line-record"
                    onClick={() => onRecord(entry)}
                  >
                    {t("lineList.record")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

const MARK_NAMES = {
  "●": "fever",
  "□": "vomiting",
  "△": "diarrhea",
  "◎": "both",
  "○": "other",
  "・": "none",
  "－": "notRecorded",
} as const satisfies Record<DayMark, string>;
