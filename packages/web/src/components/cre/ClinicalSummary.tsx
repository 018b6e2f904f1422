import { SEVERITY_TABLE_7 } from "@mamori/domain/cre";
import { useTranslation } from "react-i18next";
import type { CreCaseRecord, CreEvaluation } from "../../api/cre.ts";
import { asLang } from "../../lib/labels.ts";
import { useParen } from "./cre-lang.ts";

type Clinical = NonNullable<CreEvaluation["clinical"]>;

/** The physician's record as read: site, whether causative, 表7 severity with the failed domains and ticked examples. */
export function ClinicalSummary({ clinical, record }: { clinical: Clinical; record: CreCaseRecord }) {
  const { t, i18n } = useTranslation("cre");
  const paren = useParen();
  const lang = asLang(i18n.language);
  const ticked = SEVERITY_TABLE_7.flatMap((d) => d.items).filter((i) =>
    record.severity?.checklist.includes(i.code),
  );
  return (
    <dl className="facts" data-testid="cre-clinical-summary">
      <dt>{t("case.site")}</dt>
      <dd data-testid="cre-site-text">
        {clinical.site.text}
        {clinical.urinaryType && paren(clinical.urinaryType.text)}
      </dd>
      <dt>{t("case.causative")}</dt>
      <dd>
        {clinical.causative === true
          ? t("case.causativeYes")
          : clinical.causative === false
            ? t("case.causativeNo")
            : t("case.causativeUnknown")}
      </dd>
      <dt>{t("case.severity")}</dt>
      <dd data-testid="cre-severity" data-category={clinical.severity.category}>
        <strong>{clinical.severity.text}</strong>
        {clinical.severity.failedDomains.length > 0 && (
          <>
            {" "}
            — {t("case.failedDomains")}: {clinical.severity.failedDomains.map((d) => d.text).join("、")}
          </>
        )}
        {ticked.length > 0 && (
          <ul className="cre-ticked">
            {ticked.map((i) => (
              <li key={i.code}>{i[lang]}</li>
            ))}
          </ul>
        )}
        {clinical.severity.stabilised && <p>{t("case.stabilised")}</p>}
      </dd>
    </dl>
  );
}
