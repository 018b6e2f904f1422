import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearch } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { Equipment, RoutineRecord, RoutineRecordType } from "../../api/routine.ts";
import type { Person } from "../../api/types.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { formatDay, isDay, todayIn } from "../../lib/dates.ts";
import { errorText } from "../../lib/error-text.ts";
import { canManageRoutine } from "../../lib/routine-roles.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { fiscalYearStart } from "./TrainingPage.tsx";

export const INSPECTION_TYPES: RoutineRecordType[] = [
  "committee_meeting",
  "guideline_version",
  "training",
  "staff_immunity",
  "staff_health_check",
  "vaccination",
  "occupational_exposure",
  "humidifier_log",
  "bath_check",
  "legionella_test",
  "kitchen_check",
  "cleaning_round",
  "waste_handover",
];

type T = ReturnType<typeof useTranslation<"routine">>["t"];

/** One line of what a record says, in the reader's language. */
function summary(record: RoutineRecord, t: T, lang: string): string {
  const d = record.data;
  const sep = lang === "en" ? ", " : "、";
  const yes = (v: unknown, label: string) => (v === true ? `${label} ○` : `${label} ×`);
  switch (record.type) {
    case "committee_meeting": {
      const minutes = ((d.minutes as { role: string; text: string }[] | undefined) ?? [])
        .map((m) => `【${t(`committee.roles.${m.role}` as "committee.roles.director")}】${m.text}`)
        .join("\n");
      const decisions = ((d.decisions as string[] | undefined) ?? []).map((x) => `・${x}`).join("\n");
      return [
        `${t(`committee.kinds.${d.kind === "ad_hoc" ? "ad_hoc" : "regular"}`)} ${String(d.agenda ?? "")}`,
        minutes,
        decisions,
        t("committee.readCount", { count: record.acknowledgements.length }),
      ]
        .filter(Boolean)
        .join("\n");
    }
    case "training":
      return `${t(`training.kinds.${d.kind as "regular"}`)}　${String(d.topic ?? "")}`;
    case "guideline_version":
      return `${t(d.document === "manual" ? "labels.manual" : "labels.guideline")} ${String(d.version ?? "")}　${String(d.summary ?? "")}`;
    case "humidifier_log":
      return t(`humidifierAction.${d.action as "drain"}`);
    case "bath_check":
      return [
        `${String(d.time ?? "")} ${typeof d.chlorineMgL === "number" ? `${d.chlorineMgL} mg/L` : ""}`,
        record.flagged ? t("hygiene.outOfRange") : "",
        d.waterChanged ? t("hygiene.waterChanged") : "",
        d.cleaned ? t("hygiene.cleaned") : "",
      ]
        .filter(Boolean)
        .join(sep);
    case "kitchen_check":
      return [
        yes(d.handWashing, t("hygiene.handWashing")),
        yes(d.utensils, t("hygiene.utensils")),
        yes(d.foodSamples, t("hygiene.foodSamples")),
        yes(d.staffHealth, t("hygiene.staffHealth")),
      ].join(sep);
    case "cleaning_round":
      return ((d.areas as string[] | undefined) ?? [])
        .map((a) => t(`hygiene.areas.${a as "floors"}`))
        .join(sep);
    case "waste_handover":
      return `${String(d.contractor ?? "")}${sep}${t("hygiene.manifestNo")} ${String(d.manifestNo ?? "")}${sep}${t("hygiene.containers")} ${String(d.containers ?? "")}`;
    case "staff_immunity":
      return `${t(`disease.${d.disease as "measles"}`)}${sep}${t(`labels.basis.${d.basis as "history"}`)}`;
    case "vaccination":
      return `${t(`labels.vaccine.${d.vaccine as "influenza"}`)}${d.declined ? t("labels.declined") : ""}`;
    case "occupational_exposure":
      return [
        `${t(`labels.exposure.${d.kind as "blood"}`)}${d.followUp ? `${sep}${String(d.followUp)}` : ""}`,
        ...((d.steps as { date: string; text: string }[] | undefined) ?? []).map(
          (s) => `${shortDay(s.date, lang)} ${s.text}`,
        ),
        typeof d.followUpDoneOn === "string"
          ? t("exposure.closedOn", { date: shortDay(d.followUpDoneOn, lang) })
          : t("exposure.open"),
      ].join("\n");
    default:
      return String(d.note ?? d.result ?? "");
  }
}

/**
 * The inspection record (運営指導): one kind of record over a chosen period, as a table to print on A4 and to save as
 * Excel. Opens with `?type=training` for this fiscal year's trainings.
 */
export function InspectionPage() {
  const { t, i18n } = useTranslation("routine");
  const { t: tApp } = useTranslation();
  const api = useApi();
  const { facility } = useFacility();
  const params = new URLSearchParams(useSearch());
  const today = facility ? todayIn(facility.timeZone) : null;
  const initialType = (params.get("type") as RoutineRecordType | null) ?? "training";
  const [type, setType] = useState<RoutineRecordType>(
    INSPECTION_TYPES.includes(initialType) ? initialType : "training",
  );
  const thisYear = today ? fiscalYearStart(today) : "";
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const period = { from: from ?? thisYear, to: to ?? today ?? "" };
  const valid = isDay(period.from) && isDay(period.to) && period.from <= period.to;
  const fetch = useCallback(async () => {
    const [records, people, equipment] = await Promise.all([
      api.routine.records([type], period.from, period.to),
      api.people(),
      api.routine.equipment(),
    ]);
    return { records, people, equipment };
  }, [api, type, period.from, period.to]);
  const { data, error, reload } = useLoad(today !== null && valid ? fetch : null);
  const manages = canManageRoutine(useUser());
  const [removal, setRemoval] = useState<{ ok: boolean; text: string } | null>(null);
  const remove = async (id: string) => {
    if (!globalThis.confirm(t("inspection.confirmDelete"))) return;
    try {
      await api.routine.remove(id);
      setRemoval({ ok: true, text: t("inspection.deleted") });
      await reload();
    } catch (e) {
      const kept =
        e instanceof ApiError && e.id === "retention"
          ? /kept until (\d{4}-\d{2}-\d{2})/.exec(e.fields[0]?.message ?? "")?.[1]
          : undefined;
      setRemoval({
        ok: false,
        text: kept ? t("inspection.kept", { date: formatDay(kept, i18n.language) }) : errorText(tApp, e),
      });
    }
  };
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of (data?.people ?? []) as Person[]) map.set(p.id, p.name);
    for (const e of (data?.equipment ?? []) as Equipment[]) map.set(e.id, e.name);
    return map;
  }, [data]);
  if (!facility || today === null) return null;

  const lastYear = `${Number(thisYear.slice(0, 4)) - 1}-04-01`;
  const lastYearEnd = `${thisYear.slice(0, 4)}-03-31`;
  const sep = i18n.language === "en" ? ", " : "、";
  const withSubject = ![
    "committee_meeting",
    "guideline_version",
    "training",
    "kitchen_check",
    "cleaning_round",
    "waste_handover",
  ].includes(type);
  return (
    <div data-testid="inspection">
      <div className="card no-print routine-form">
        <p className="muted">{t("inspection.lead")}</p>
        <div className="routine-grid">
          <label>
            {t("inspection.type")}
            <select
              value={type}
              onChange={(e) => setType(e.target.value as RoutineRecordType)}
              data-testid="inspection-type"
            >
              {INSPECTION_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`types.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("inspection.from")}
            <input type="date" value={period.from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t("inspection.to")}
            <input type="date" value={period.to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setFrom(thisYear);
              setTo(today);
            }}
          >
            {t("inspection.thisYear")}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setFrom(lastYear);
              setTo(lastYearEnd);
            }}
          >
            {t("inspection.lastYear")}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => globalThis.print()}
            data-testid="inspection-print"
          >
            {t("inspection.print")}
          </button>
          {valid && (
            <a
              className="btn"
              href={api.routine.inspectionWorkbookUrl(type, period.from, period.to)}
              download
              data-testid="inspection-excel"
            >
              {t("inspection.excel")}
            </a>
          )}
        </div>
      </div>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {removal && (
        <p
          className={`notice no-print ${removal.ok ? "notice--ok" : "notice--error"}`}
          role={removal.ok ? "status" : "alert"}
          data-testid="inspection-removal"
        >
          {removal.text}
        </p>
      )}
      <h2 data-testid="inspection-title">
        {facility.name}　{t(`types.${type}`)}
      </h2>
      <p>
        {formatDay(period.from, i18n.language)} ～ {formatDay(period.to, i18n.language)}
        {data && `　${t("inspection.count", { count: data.records.length })}`}
        <span className="inspection-print-title muted">
          {t("inspection.printedAt", { date: formatDay(today, i18n.language) })}
        </span>
      </p>
      {data && data.records.length === 0 && <p className="muted">{t("inspection.empty")}</p>}
      {data && data.records.length > 0 && (
        <div className="table-scroll">
          <table className="inspection-table" data-testid="inspection-table">
            <thead>
              <tr>
                <th>{t("inspection.date")}</th>
                {withSubject && (
                  <th>
                    {t(
                      type.startsWith("humidifier") || type.startsWith("bath") || type === "legionella_test"
                        ? "columns.equipment"
                        : "columns.person",
                    )}
                  </th>
                )}
                <th>{t("columns.detail")}</th>
                {(type === "training" || type === "committee_meeting") && <th>{t("columns.attendees")}</th>}
                {manages && <th className="no-print" />}
              </tr>
            </thead>
            <tbody>
              {data.records.map((r) => (
                <tr key={r.id} className={r.flagged ? "is-flagged" : undefined}>
                  <td style={{ whiteSpace: "nowrap" }}>{formatDay(r.date, i18n.language)}</td>
                  {withSubject && <td>{names.get(r.personId ?? r.equipmentId ?? "") ?? ""}</td>}
                  <td>{summary(r, t, i18n.language)}</td>
                  {(type === "training" || type === "committee_meeting") && (
                    <td>
                      {r.attendeeIds.length}：{r.attendeeIds.map((id) => names.get(id) ?? "").join(sep)}
                    </td>
                  )}
                  {manages && (
                    <td className="no-print">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => void remove(r.id)}
                        data-testid="inspection-delete"
                      >
                        {t("inspection.delete")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
