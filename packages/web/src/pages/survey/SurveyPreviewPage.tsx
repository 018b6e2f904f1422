import {
  builtInQuestionnaire,
  evaluateResponse,
  type QuestionnaireResponse,
  withoutDisabledAnswers,
} from "@mamori/domain/questionnaire";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { QuestionnaireForm } from "../../questionnaire/QuestionnaireForm.tsx";

const ROLES = [null, "lab_technologist"] as const;

/**
 * Tries out a questionnaire on screen as a respondent would see it — conditions, messages, the laboratory's part —
 * without saving anything: for the secretariat checking a version, and for anyone before answering on paper.
 */
export function SurveyPreviewPage({ name }: { name: string }) {
  const { t } = useTranslation("questionnaire");
  const questionnaire = useMemo(() => builtInQuestionnaire(name), [name]);
  const [response, setResponse] = useState<QuestionnaireResponse>({
    resourceType: "QuestionnaireResponse",
    status: "in-progress",
    item: [],
  });
  const [role, setRole] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  if (!questionnaire) return <p className="muted">{t("paper.notFound")}</p>;
  const evaluation = evaluateResponse(questionnaire, response);
  const kept = withoutDisabledAnswers(questionnaire, response);
  return (
    <div className="qr-preview">
      <div className="print-toolbar">
        <h1 className="qr-preview-title">{questionnaire.title}</h1>
        <Link href={`/survey/paper/${name}`} className="btn btn-ghost" data-testid="to-paper">
          {t("paper.toPaper")}
        </Link>
      </div>
      <p className="muted">{t("preview.lead")}</p>
      <div className="qr-choices" role="radiogroup" aria-label={t("preview.as")}>
        <span>{t("preview.as")}</span>
        {ROLES.map((r) => (
          <label key={r ?? "main"} className={`qr-choice${role === r ? " is-on" : ""}`}>
            <input type="radio" name="preview-role" checked={role === r} onChange={() => setRole(r)} />
            {r === null ? t("preview.mainRespondent") : t(`roles.${r}`)}
          </label>
        ))}
      </div>
      <QuestionnaireForm
        questionnaire={questionnaire}
        response={response}
        onChange={setResponse}
        answeringRole={role}
        showMissing={tried}
      />
      <div className="qr-preview-foot">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="preview-check"
          onClick={() => setTried(true)}
        >
          {t("preview.check")}
        </button>
        {tried && (
          <p
            role="status"
            data-testid="preview-status"
            className={evaluation.complete ? "qr-ok" : "field-error"}
          >
            {evaluation.complete
              ? t("preview.complete", { count: kept.item?.length ?? 0 })
              : t("preview.incomplete", {
                  count: evaluation.missingRequired.length + evaluation.invalid.length,
                })}
          </p>
        )}
      </div>
    </div>
  );
}
