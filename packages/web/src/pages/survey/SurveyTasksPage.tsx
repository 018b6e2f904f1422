import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { SurveyTask } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatInstant } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";

/** The physician's survey tasks: every CRE case of the hospital on cefiderocol, with where its answers stand. */
export function SurveyTasksPage() {
  const { t, i18n } = useTranslation("survey");
  const api = useApi();
  const [, navigate] = useLocation();
  const [tasks, setTasks] = useState<SurveyTask[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.survey.tasks().then(setTasks, setError);
  }, [api]);
  const open = async (task: SurveyTask) => {
    try {
      const id = task.responseId ?? (await api.survey.open(task.caseId, crypto.randomUUID())).id;
      navigate(`/survey/responses/${id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="survey-page">
      <h1>{t("tasks.title")}</h1>
      <p className="muted">{t("tasks.lead")}</p>
      <ErrorNotice error={error} />
      {tasks?.length === 0 && <p>{t("tasks.empty")}</p>}
      {tasks && tasks.length > 0 && (
        <ul className="survey-list" data-testid="survey-tasks">
          {tasks.map((task) => (
            <li key={task.caseId} className="survey-row">
              <div>
                <strong>{task.patientLabel}</strong> <span>{task.organism}</span>
                <div className="muted">
                  {task.orderedAt &&
                    `${t("tasks.ordered")}: ${formatInstant(task.orderedAt, "Asia/Tokyo", i18n.language)}`}
                </div>
              </div>
              <span className="survey-state" data-testid={`task-state-${task.caseId}`}>
                {t(`tasks.status.${task.status}`)}
                {task.labStatus === "with_lab" && ` ・ ${t("tasks.withLab")}`}
                {task.labStatus === "returned" && task.status === "draft" && ` ・ ${t("tasks.returned")}`}
              </span>
              <button type="button" className="btn" onClick={() => void open(task)}>
                {task.status === "not_started"
                  ? t("tasks.open")
                  : task.status === "draft"
                    ? t("tasks.continue")
                    : t("tasks.view")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The laboratory's queue: survey responses whose questions 18–21 a physician handed over. */
export function SurveyLabQueuePage() {
  const { t } = useTranslation("survey");
  const api = useApi();
  const [, navigate] = useLocation();
  const [rows, setRows] = useState<Awaited<ReturnType<typeof api.survey.labQueue>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.survey.labQueue().then(setRows, setError);
  }, [api]);
  return (
    <section className="survey-page">
      <h1>{t("lab.title")}</h1>
      <p className="muted">{t("lab.lead")}</p>
      <ErrorNotice error={error} />
      {rows?.length === 0 && <p>{t("lab.empty")}</p>}
      {rows && rows.length > 0 && (
        <ul className="survey-list" data-testid="lab-queue">
          {rows.map((r) => (
            <li key={r.responseId} className="survey-row">
              <div>
                <strong>{r.patientLabel}</strong> <span>{r.organism}</span>
              </div>
              <button
                type="button"
                className="btn"
                onClick={() => navigate(`/survey/responses/${r.responseId}`)}
              >
                {t("lab.open")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
