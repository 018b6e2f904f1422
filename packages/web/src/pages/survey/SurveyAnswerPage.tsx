import { builtInQuestionnaire, type QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { SurveyResponseView } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { QuestionnaireForm } from "../../questionnaire/QuestionnaireForm.tsx";
import { useApi } from "../../state/ApiContext.tsx";
import { useSession } from "../../state/SessionProvider.tsx";

const AUTOSAVE_MS = 800;

/**
 * Answering one case's survey: the questionnaire with Mamori's answers marked as filled in, saved as you go (nothing
 * typed is lost to a rule not met yet). The physician hands questions 18–21 to the laboratory and submits; the
 * laboratory answers its part and hands it back.
 */
export function SurveyAnswerPage({ id }: { id: string }) {
  const { t } = useTranslation("survey");
  const api = useApi();
  const { user } = useSession();
  const questionnaire = useMemo(() => builtInQuestionnaire("cre-cefiderocol")!, []);
  const [view, setView] = useState<SurveyResponseView | null>(null);
  const [response, setResponse] = useState<QuestionnaireResponse | null>(null);
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isLab = user?.role === "lab_technologist";

  useEffect(() => {
    api.survey.response(id).then((v) => {
      setView(v);
      setResponse(v.response);
    }, setError);
  }, [api, id]);

  const save = async (next: QuestionnaireResponse) => {
    setSaveState("saving");
    try {
      const saved = await api.survey.saveDraft(id, next);
      setView(saved);
      setSaveState("saved");
    } catch (e) {
      setSaveState("failed");
      setError(e);
    }
  };
  const onChange = (next: QuestionnaireResponse) => {
    setResponse(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), AUTOSAVE_MS);
  };
  const flush = async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
      if (response) await save(response);
    }
  };
  const act = async (run: () => Promise<SurveyResponseView>) => {
    setError(null);
    setMissing(null);
    try {
      await flush();
      const next = await run();
      setView(next);
      setResponse(next.response);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setMissing(e.fields.map((f) => f.path.replace(/^response\./, "")));
        setShowMissing(true);
      } else setError(e);
    }
  };

  if (!view || !response) return <ErrorNotice error={error} />;
  const editable =
    view.status === "draft" && (isLab ? view.labStatus === "with_lab" : view.labStatus !== "with_lab");
  const itemText = (linkId: string) =>
    linkId.replace(/^q(\d+)(\..*)?$/, (_m, n, rest) => `設問${n}${rest ?? ""}`);
  return (
    <section className="survey-page">
      <div className="print-toolbar">
        <h1>{isLab ? t("answer.labTitle") : t("answer.title")}</h1>
        <Link href={isLab ? "/survey/lab" : "/survey"} className="btn btn-ghost">
          {t("answer.back")}
        </Link>
      </div>
      {view.patientLabel && <p data-testid="survey-patient">{view.patientLabel}</p>}
      {view.prefilled.length > 0 && <p className="muted">{t("answer.prefilledNote")}</p>}
      {view.status === "draft" && view.labStatus === "with_lab" && !isLab && (
        <p className="notice" data-testid="with-lab">
          {t("answer.toLabDone")}
        </p>
      )}
      {view.status === "submitted" && (
        <p className="notice notice-ok" data-testid="submitted">
          {t("answer.submitted", { version: view.version })}
        </p>
      )}
      <ErrorNotice error={error} />
      {missing && missing.length > 0 && (
        <p className="notice notice-error" role="alert" data-testid="missing">
          {t("answer.missing", { list: missing.map(itemText).join("、") })}
        </p>
      )}
      <QuestionnaireForm
        questionnaire={questionnaire}
        response={response}
        {...(editable ? { onChange } : {})}
        answeringRole={isLab ? "lab_technologist" : null}
        showMissing={showMissing}
      />
      <p className="muted" aria-live="polite" data-testid="save-state">
        {saveState === "saving" && t("answer.saving")}
        {saveState === "saved" && t("answer.saved")}
        {saveState === "failed" && t("answer.saveFailed")}
      </p>
      {view.status === "draft" && (
        <div className="survey-actions">
          {!isLab && view.labStatus !== "with_lab" && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => void act(() => api.survey.moveLab(id, "lab"))}
            >
              {t("answer.toLab")}
            </button>
          )}
          {isLab && view.labStatus === "with_lab" && (
            <button
              type="button"
              className="btn"
              onClick={() => void act(() => api.survey.moveLab(id, "physician"))}
            >
              {t("answer.backToPhysician")}
            </button>
          )}
          {!isLab && view.labStatus !== "with_lab" && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void act(() => api.survey.submit(id, crypto.randomUUID()))}
            >
              {t("answer.submit")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
