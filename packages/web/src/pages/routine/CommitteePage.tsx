import { COMMITTEE_ROLES } from "@mamori/contract/routine";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { addDays, todayIn } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { StaffTicks } from "./StaffTicks.tsx";
import { useSave } from "./use-save.ts";

/** The committee roles of the manual's 表2 (p.11), one section of the minutes each. */
const ROLES = COMMITTEE_ROLES;

/**
 * Committee meetings (manual §3 1)): minutes written per member role of 表2, decisions, attendees; past meetings with
 * how many have confirmed reading them, and the reader's own confirmation.
 */
export function CommitteePage() {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : null;
  const fetch = useCallback(
    async () =>
      today === null
        ? null
        : {
            staff: (await api.people()).filter((p) => p.kind === "staff" && p.active),
            meetings: await api.routine.records(["committee_meeting"], addDays(today, -730), today),
          },
    [api, today],
  );
  const { data, error, reload } = useLoad(today === null ? null : fetch);
  const save = useSave();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<"regular" | "ad_hoc">("regular");
  const [agenda, setAgenda] = useState("");
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [decisions, setDecisions] = useState("");
  const [attendees, setAttendees] = useState<Set<string>>(new Set());
  if (today === null || !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  const day = date ?? today;

  const submit = () =>
    save.run(async () => {
      await api.routine.create("committee_meeting", {
        id: newId(),
        date: day,
        attendeeIds: [...attendees],
        data: {
          kind,
          agenda,
          minutes: ROLES.filter((r) => (minutes[r] ?? "").trim() !== "").map((role) => ({
            role,
            text: minutes[role]!.trim(),
          })),
          decisions: decisions
            .split("\n")
            .map((d) => d.trim())
            .filter(Boolean),
        },
      });
      setAgenda("");
      setMinutes({});
      setDecisions("");
      setAttendees(new Set());
      await reload();
    });

  const acknowledge = async (id: string) => {
    await api.routine.acknowledge(id);
    await reload();
  };

  return (
    <div className="routine-grid">
      <section className="card" data-testid="committee-form">
        <h2>{t("committee.new")}</h2>
        <p className="muted">{t("committee.lead")}</p>
        <form
          className="routine-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="routine-grid">
            <label>
              {t("committee.date")}
              <input type="date" value={day} max={today} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label>
              {t("committee.kind")}
              <select value={kind} onChange={(e) => setKind(e.target.value as "regular" | "ad_hoc")}>
                <option value="regular">{t("committee.kinds.regular")}</option>
                <option value="ad_hoc">{t("committee.kinds.ad_hoc")}</option>
              </select>
            </label>
          </div>
          <label>
            {t("committee.agenda")}
            <input
              type="text"
              value={agenda}
              onChange={(e) => setAgenda(e.target.value)}
              data-testid="committee-agenda"
            />
          </label>
          <fieldset className="routine-form" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600 }}>{t("committee.minutes")}</legend>
            {ROLES.map((role) => (
              <label key={role}>
                {t(`committee.roles.${role}`)}
                <textarea
                  rows={2}
                  value={minutes[role] ?? ""}
                  placeholder={t(`committee.rolePlaceholder.${role}`)}
                  onChange={(e) => setMinutes({ ...minutes, [role]: e.target.value })}
                  data-testid={`minutes-${role}`}
                />
              </label>
            ))}
          </fieldset>
          <label>
            {t("committee.decisions")}
            <textarea
              rows={3}
              value={decisions}
              onChange={(e) => setDecisions(e.target.value)}
              data-testid="committee-decisions"
            />
          </label>
          <StaffTicks
            staff={data.staff}
            ticked={attendees}
            onChange={setAttendees}
            legend={t("committee.attendees")}
          />
          <ErrorNotice error={save.error} />
          {save.saved && (
            <p className="notice notice--ok" data-testid="committee-saved">
              {t("committee.saved")}
            </p>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-save"
            disabled={save.busy}
            data-testid="committee-save"
          >
            {t("committee.save")}
          </button>
        </form>
      </section>
      <section className="card" data-testid="committee-history">
        <h2>{t("committee.history")}</h2>
        {data.meetings.length === 0 && <p className="muted">{t("committee.none")}</p>}
        <ul className="record-history">
          {[...data.meetings].reverse().map((m) => {
            const read = m.acknowledgements.some((a) => a.userId === user.id);
            return (
              <li key={m.id}>
                <strong>{shortDay(m.date, i18n.language, today)}</strong>{" "}
                {t(`committee.kinds.${m.data.kind === "ad_hoc" ? "ad_hoc" : "regular"}`)}
                {m.data.agenda ? `　${String(m.data.agenda)}` : ""}
                {Array.isArray(m.data.decisions) && m.data.decisions.length > 0 && (
                  <ul>
                    {(m.data.decisions as string[]).map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
                <div className="quick-row" style={{ borderBottom: 0 }}>
                  <span className="muted">
                    {t("committee.readCount", { count: m.acknowledgements.length })}
                  </span>
                  {read ? (
                    <span className="quick-done">✓ {t("committee.readDone")}</span>
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => void acknowledge(m.id)}>
                      {t("committee.read")}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
