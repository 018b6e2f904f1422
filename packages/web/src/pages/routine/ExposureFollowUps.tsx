import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoutineRecord } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useSave } from "./use-save.ts";

type Step = { date: string; text: string };
const stepsOf = (r: RoutineRecord): Step[] => (Array.isArray(r.data.steps) ? (r.data.steps as Step[]) : []);

/**
 * Occupational exposures still under follow-up (manual §3 6)(5), p.31: 医師による適切な処置…経過観察): each with its
 * dated steps (physician seen, tests, prophylaxis, results), a step added in one line, and the follow-up closed on a
 * day — each change sent as the record's new data, checked by the server and audited.
 */
export function ExposureFollowUps(props: {
  exposures: RoutineRecord[];
  names: Map<string, string>;
  today: string;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation("routine");
  const open = props.exposures.filter(
    (r) => r.data.followUpDoneOn === null || r.data.followUpDoneOn === undefined,
  );
  return (
    <section className="card" data-testid="exposure-follow-ups">
      <h2>{t("exposure.title")}</h2>
      <p className="muted">{t("exposure.lead")}</p>
      {open.length === 0 && <p className="muted">{t("exposure.none")}</p>}
      {open.map((r) => (
        <ExposureRow key={r.id} exposure={r} name={props.names.get(r.personId ?? "") ?? ""} {...props} />
      ))}
    </section>
  );
}

function ExposureRow(props: {
  exposure: RoutineRecord;
  name: string;
  today: string;
  onSaved: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const [stepDate, setStepDate] = useState(props.today);
  const [stepText, setStepText] = useState("");
  const [closeOn, setCloseOn] = useState(props.today);
  const r = props.exposure;
  const steps = stepsOf(r);
  const day = (d: string) => shortDay(d, i18n.language, props.today);
  const send = (data: Record<string, unknown>) =>
    save.run(async () => {
      await api.routine.update(r.id, { data: { ...r.data, steps, ...data } });
      await props.onSaved();
    });
  return (
    <div className="exposure" data-testid="exposure-row">
      <p>
        <strong>{props.name}</strong>　{day(r.date)}　{t(`labels.exposure.${r.data.kind as "blood"}`)}
      </p>
      {typeof r.data.followUp === "string" && r.data.followUp !== "" && <p>{r.data.followUp}</p>}
      {steps.length > 0 && (
        <ol className="record-history" data-testid="exposure-steps">
          {steps.map((s) => (
            <li key={`${s.date}-${s.text}`}>
              <strong>{day(s.date)}</strong> {s.text}
            </li>
          ))}
        </ol>
      )}
      <form
        className="routine-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send({ steps: [...steps, { date: stepDate, text: stepText.trim() }] }).then(
            (ok) => ok && setStepText(""),
          );
        }}
      >
        <div className="routine-grid">
          <label>
            {t("exposure.stepDate")}
            <input
              type="date"
              value={stepDate}
              min={r.date}
              max={props.today}
              onChange={(e) => setStepDate(e.target.value)}
            />
          </label>
          <label>
            {t("exposure.step")}
            <input
              type="text"
              value={stepText}
              placeholder={t("exposure.stepPlaceholder")}
              onChange={(e) => setStepText(e.target.value)}
              data-testid="exposure-step-text"
            />
          </label>
        </div>
        <button
          type="submit"
          className="btn"
          disabled={save.busy || stepText.trim() === ""}
          data-testid="exposure-add-step"
        >
          {t("exposure.addStep")}
        </button>
      </form>
      <form
        className="quick-row"
        style={{ borderBottom: 0 }}
        onSubmit={(e) => {
          e.preventDefault();
          void send({ followUpDoneOn: closeOn });
        }}
      >
        <label>
          {t("exposure.closeOn")}{" "}
          <input
            type="date"
            value={closeOn}
            min={r.date}
            max={props.today}
            onChange={(e) => setCloseOn(e.target.value)}
            data-testid="exposure-close-on"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={save.busy} data-testid="exposure-close">
          {t("exposure.close")}
        </button>
      </form>
      <ErrorNotice error={save.error} />
    </div>
  );
}
