import { builtInQuestionnaire } from "@mamori/domain/questionnaire";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { QuestionnairePaper } from "../../questionnaire/QuestionnairePaper.tsx";

/** A questionnaire as its A4 paper form, with a print button above it (the button does not print). */
export function SurveyPaperPage({ name }: { name: string }) {
  const { t } = useTranslation("questionnaire");
  const questionnaire = builtInQuestionnaire(name);
  if (!questionnaire) return <p className="muted">{t("paper.notFound")}</p>;
  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link href={`/survey/preview/${name}`} className="btn btn-ghost" data-testid="paper-back">
          ‹ {t("paper.toScreen")}
        </Link>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="print-button"
          onClick={() => globalThis.print()}
        >
          {t("paper.print")}
        </button>
      </div>
      <p className="muted no-print">{t("paper.lead")}</p>
      <QuestionnairePaper questionnaire={questionnaire} />
    </div>
  );
}
