import { useTranslation } from "react-i18next";
import type { CreCaseRecord, CreEvaluation } from "../../api/cre.ts";
import { formatInstant } from "../../lib/dates.ts";
import { useParen, useSourceText } from "./cre-lang.ts";

type Clinical = NonNullable<CreEvaluation["clinical"]>;

/**
 * The cefiderocol check of an order (MHLW 事務連絡 2024-01-25; guide ②③): the verdict with every reason and its
 * source, where the AST's approval stands, and whether the national survey is owed.
 */
export function CefiderocolCard({
  clinical,
  record,
  timeZone,
}: {
  clinical: Clinical;
  record: CreCaseRecord;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("cre");
  const paren = useParen();
  const sourceText = useSourceText();
  const c = clinical.cefiderocol;
  const status = record.order.status;
  return (
    <section className="card cre-card" aria-labelledby="cre-cefiderocol-title">
      <h2 id="cre-cefiderocol-title">{t("case.cefiderocol")}</h2>
      {!c.ordered ? (
        <p className="muted" data-testid="cre-verdict" data-verdict="not_ordered">
          {t("case.notOrdered")}
        </p>
      ) : (
        <>
          <p
            className={`cre-flag cre-verdict--${c.verdict}`}
            data-testid="cre-verdict"
            data-verdict={c.verdict}
          >
            {c.verdictText}
          </p>
          <p className="cre-label">{t("case.reasons")}</p>
          <ul className="cre-reasons" data-testid="cre-verdict-reasons">
            {c.reasons.map((r) => (
              <li key={r.code} data-code={r.code}>
                {r.text} <span className="cre-source">{paren(sourceText(r.source))}</span>
              </li>
            ))}
          </ul>
          <p data-testid="cre-order-status" data-status={status}>
            <strong>{t("case.orderStatus")}:</strong>{" "}
            {status === "awaiting_decision"
              ? t("consultation.awaiting")
              : status === "approved"
                ? t("consultation.approved")
                : status === "declined"
                  ? t("consultation.declined")
                  : ""}
            {record.order.decidedAt && ` — ${formatInstant(record.order.decidedAt, timeZone, i18n.language)}`}
          </p>
        </>
      )}
      {clinical.survey.required && (
        <p className="notice" data-testid="cre-survey">
          {t("case.survey")}
        </p>
      )}
    </section>
  );
}
