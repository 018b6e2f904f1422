import { builtInQuestionnaire, type QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { SurveyResponseVersion, SurveyResponseView } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { QuestionnaireForm } from "../../questionnaire/QuestionnaireForm.tsx";
import { ResponseHistory } from "../../questionnaire/ResponseHistory.tsx";
import { useApi } from "../../state/ApiContext.tsx";
import { useSession } from "../../state/SessionProvider.tsx";

const AUTOSAVE_MS = 800;

/**
 * Answering one case's survey: the questionnaire with Mamori's answers marked as filled in, saved as you go (nothing
 * typed is lost to a rule not met yet). The physician hands questions 18–21 to the laboratory and submits; the
 * laboratory answers its part and hands it back. A submitted response is corrected with a reason, as a new version;
 * the history of versions shows under it.
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
  const [versions, setVersions] = useState<SurveyResponseVersion[]>([]);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState("");
  const [corrected, setCorrected] = useState(false);
  // One id per correction attempt: a resend after a dropped connection makes one version.
  const correctionId = useRef(crypto.randomUUID());
  const submitted = view?.status === "submitted";

  useEffect(() => {
    api.survey.response(id).then((v) => {
      setView(v);
      setResponse(v.response);
    }, setError);
  }, [api, id]);
  useEffect(() => {
    if (submitted) api.survey.history(id).then(setVersions, setError);
  }, [api, id, submitted]);

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

  const sendCorrection = () =>
    act(async () => {
      const next = await api.survey.correct(id, {
        submissionId: correctionId.current,
        response: response!,
        reason: reason.trim(),
      });
      correctionId.current = crypto.randomUUID();
      setVersions(await api.survey.history(id));
      setCorrecting(false);
      setReason("");
      setCorrected(true);
      return next;
    });
  const stopCorrecting = () => {
    setCorrecting(false);
    setReason("");
    setMissing(null);
    if (view) setResponse(view.response);
  };

  if (!view || !response) return <ErrorNotice error={error} />;
  const editable =
    view.status === "draft" && (isLab ? view.labStatus === "with_lab" : view.labStatus !== "with_lab");
  const mayCorrect = view.status === "submitted" && !isLab;
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
          {corrected
            ? t("correction.done", { version: view.version })
            : t("answer.submitted", { version: view.version })}
        </p>
      )}
      {correcting && <p className="notice">{t("correction.lead")}</p>}
      <ErrorNotice error={error} />
      {missing && missing.length > 0 && (
        <p className="notice notice-error" role="alert" data-testid="missing">
          {t("answer.missing", { list: missing.map(itemText).join("、") })}
        </p>
      )}
      <QuestionnaireForm
        questionnaire={questionnaire}
        response={response}
        {...(editable ? { onChange } : correcting ? { onChange: setResponse } : {})}
        answeringRole={isLab ? "lab_technologist" : null}
        everyRole={correcting}
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
      {mayCorrect && !correcting && (
        <div className="survey-actions">
          <button
            type="button"
            className="btn"
            data-testid="correction-start"
            onClick={() => {
              setCorrected(false);
              setCorrecting(true);
            }}
          >
            {t("correction.start")}
          </button>
        </div>
      )}
      {correcting && (
        <div className="survey-correction">
          <label className="survey-reason">
            {t("correction.reason")}
            <textarea
              value={reason}
              maxLength={500}
              rows={2}
              placeholder={t("correction.reasonPlaceholder")}
              onChange={(e) => setReason(e.target.value)}
              data-testid="correction-reason"
            />
          </label>
          <div className="survey-actions">
            <button type="button" className="btn btn-ghost" onClick={stopCorrecting}>
              {t("correction.cancel")}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={reason.trim() === ""}
              data-testid="correction-send"
              onClick={() => void sendCorrection()}
            >
              {t("correction.send")}
            </button>
          </div>
        </div>
      )}
      {versions.length > 0 && (
        <ResponseHistory questionnaire={questionnaire} versions={versions} timeZone="Asia/Tokyo" />
      )}
    </section>
  );
}
