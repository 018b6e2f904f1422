import { useTranslation } from "react-i18next";
import type { CreEvaluation } from "../../api/cre.ts";
import { useParen, useSourceText } from "./cre-lang.ts";

type Clinical = NonNullable<CreEvaluation["clinical"]>;

/**
 * The treatment options of the CRE rules in their order (guide ①–③, 表6, ※1–※6): drugs, role, preferred, dose text,
 * rationale and the guide passage each rests on; then the cautions, each with its source.
 */
export function TreatmentOptions({ clinical }: { clinical: Clinical }) {
  const { t } = useTranslation("cre");
  const paren = useParen();
  const sourceText = useSourceText();
  return (
    <section className="card cre-card" aria-labelledby="cre-options-title">
      <h2 id="cre-options-title">{t("case.options")}</h2>
      {clinical.options.length === 0 ? (
        <p className="notice" data-testid="cre-no-options">
          {t("case.noOptions")}
        </p>
      ) : (
        <ol className="cre-options" data-testid="cre-options">
          {clinical.options.map((o, i) => (
            <li
              key={`${o.drugs.map((d) => d.key).join("+")}-${o.role}`}
              className={o.preferred ? "cre-option is-preferred" : "cre-option"}
              data-testid={`cre-option-${i}`}
              data-drugs={o.drugs.map((d) => d.key).join(",")}
            >
              <div className="cre-option-head">
                <strong className="cre-option-drugs">{o.drugs.map((d) => d.name).join(" ＋ ")}</strong>
                <span className="badge cre-badge--muted">{o.roleText}</span>
                {o.preferred && <span className="badge cre-badge--ok">{t("case.preferred")}</span>}
              </div>
              {o.marks && (
                <p className="small muted">
                  {o.marks
                    .map((m) => `${o.drugs.find((d) => d.key === m.drug)?.name ?? ""} ${m.text}`)
                    .join("、")}
                </p>
              )}
              <dl className="facts cre-option-facts">
                <dt>{t("case.dose")}</dt>
                <dd>{o.dose}</dd>
                <dt>{t("case.rationale")}</dt>
                <dd>{o.rationale}</dd>
                <dt>{t("case.source")}</dt>
                <dd className="cre-source">{sourceText(o.source)}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {clinical.cautions.length > 0 && (
        <>
          <h3>{t("case.cautions")}</h3>
          <ul className="cre-cautions" data-testid="cre-cautions">
            {clinical.cautions.map((c) => (
              <li key={`${c.code}-${c.text}`} data-code={c.code}>
                {c.text} <span className="cre-source">{paren(sourceText(c.source))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
