import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoutineRecord } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { addDays, todayIn } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { StaffTicks } from "./StaffTicks.tsx";
import { useSave } from "./use-save.ts";

const KINDS = ["regular", "new_hire", "drill", "hygiene", "other"] as const;

/** First day of the fiscal year (April–March, the manual's 年度) containing `day`. */
export function fiscalYearStart(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `${m >= 4 ? y : y - 1}-04-01`;
}

/** Trainings (manual §3 4), p.19): attendance by ticking names, new hires of the last year marked. */
export function TrainingPage() {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : null;
  const fetch = useCallback(async () => {
    if (today === null) return null;
    const [people, trainings, hires] = await Promise.all([
      api.people(),
      api.routine.records(["training"], fiscalYearStart(today), today),
      api.routine.records(["staff_hire"], addDays(today, -364), today),
    ]);
    return { staff: people.filter((p) => p.kind === "staff" && p.active), trainings, hires };
  }, [api, today]);
  const { data, error, reload } = useLoad(today === null ? null : fetch);
  const save = useSave();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("regular");
  const [topic, setTopic] = useState("");
  const [attendees, setAttendees] = useState<Set<string>>(new Set());
  if (today === null || !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  const day = date ?? today;
  const newHires = new Set(
    data.hires.map((h: RoutineRecord) => h.personId).filter((id): id is string => id !== null),
  );
  const names = new Map(data.staff.map((s) => [s.id, s.name]));

  const submit = () =>
    save.run(async () => {
      await api.routine.create("training", {
        id: newId(),
        date: day,
        attendeeIds: [...attendees],
        data: { kind, topic },
      });
      setTopic("");
      setAttendees(new Set());
      await reload();
    });

  return (
    <div className="routine-grid">
      <section className="card" data-testid="training-form">
        <h2>{t("training.new")}</h2>
        <p className="muted">{t("training.lead")}</p>
        <form
          className="routine-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="routine-grid">
            <label>
              {t("training.date")}
              <input type="date" value={day} max={today} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label>
              {t("training.kind")}
              <select
                value={kind}
                onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
                data-testid="training-kind"
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`training.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {t("training.topic")}
            <input
              type="text"
              value={topic}
              onChange={(e) => setTopic(e.target.value)}
              data-testid="training-topic"
            />
          </label>
          <StaffTicks
            staff={data.staff}
            ticked={attendees}
            onChange={setAttendees}
            tagged={newHires}
            tag={t("training.newHire")}
            legend={t("training.attendees", { count: attendees.size })}
          />
          <ErrorNotice error={save.error} />
          {save.saved && (
            <p className="notice notice--ok" data-testid="training-saved">
              {t("training.saved")}
            </p>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-save"
            disabled={save.busy || attendees.size === 0 || topic.trim() === ""}
            data-testid="training-save"
          >
            {t("training.save")}
          </button>
        </form>
      </section>
      <section className="card" data-testid="training-history">
        <h2>{t("training.history")}</h2>
        {data.trainings.length === 0 && <p className="muted">{t("training.empty")}</p>}
        <ul className="record-history">
          {[...data.trainings].reverse().map((r) => (
            <li key={r.id}>
              <strong>{shortDay(r.date, i18n.language, today)}</strong>{" "}
              {t(`training.kinds.${r.data.kind as (typeof KINDS)[number]}`)}　{String(r.data.topic ?? "")}
              <div className="muted">
                {t("training.count", { count: r.attendeeIds.length })}：
                {r.attendeeIds.map((id) => names.get(id) ?? "").join(i18n.language === "en" ? ", " : "、")}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
