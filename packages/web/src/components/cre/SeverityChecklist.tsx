import { SEVERITY_TABLE_7, type SeverityDomain, severityDomainsFromChecklist } from "@mamori/domain/cre";
import { useTranslation } from "react-i18next";
import type { CreSeverity } from "../../api/cre.ts";
import { asLang } from "../../lib/labels.ts";
import { useParen, useSourceText } from "./cre-lang.ts";

interface Props {
  value: CreSeverity;
  onChange: (next: CreSeverity) => void;
  errors?: ReadonlyMap<string, string>;
}

/** Applies a new checklist: every domain with a ticked example becomes "not met" (severityDomainsFromChecklist). */
export function withChecklist(value: CreSeverity, checklist: string[], stableDespite: boolean): CreSeverity {
  const derived = severityDomainsFromChecklist(checklist, stableDespite);
  const next: CreSeverity = { ...value, checklist, stableDespiteImmunodeficiency: stableDespite };
  for (const domain of Object.keys(derived) as SeverityDomain[]) next[domain] = derived[domain];
  return next;
}

/**
 * Guide 表7 as a checklist: the three domains, each with the guide's examples. Ticking an example marks its domain as
 * not met; a domain can also be marked not met without an example (the examples are a guide, 目安). The case is
 * severe when any domain is not met.
 */
export function SeverityChecklist({ value, onChange, errors }: Props) {
  const { t, i18n } = useTranslation("cre");
  const paren = useParen();
  const sourceText = useSourceText();
  const lang = asLang(i18n.language);
  const derived = severityDomainsFromChecklist(value.checklist, value.stableDespiteImmunodeficiency);
  const severe = !value.hemodynamicallyStable || !value.noImmunodeficiencyOrStable || !value.sourceControlled;
  const toggle = (code: string, on: boolean) =>
    onChange(
      withChecklist(
        value,
        on ? [...value.checklist, code] : value.checklist.filter((c) => c !== code),
        value.stableDespiteImmunodeficiency,
      ),
    );

  return (
    <div className="cre-severity" data-testid="cre-severity-checklist">
      <p className="hint">{t("clinicalForm.severityLead")}</p>
      {SEVERITY_TABLE_7.map((d) => {
        const met = value[d.domain];
        return (
          <fieldset key={d.domain} className={met ? "cre-domain" : "cre-domain is-failed"}>
            <legend className="cre-domain-title">
              {d.title[lang]} <span className="cre-source">{paren(sourceText(d.source))}</span>
            </legend>
            <div className="cre-domain-choice">
              <button
                type="button"
                className={met ? "seg seg--small is-on" : "seg seg--small"}
                aria-pressed={met}
                disabled={!derived[d.domain]}
                data-testid={`cre-severity-${d.domain}-met`}
                onClick={() => onChange({ ...value, [d.domain]: true })}
              >
                {t("clinicalForm.domainMet")}
              </button>
              <button
                type="button"
                className={!met ? "seg seg--small is-on" : "seg seg--small"}
                aria-pressed={!met}
                data-testid={`cre-severity-${d.domain}-notmet`}
                onClick={() => onChange({ ...value, [d.domain]: false })}
              >
                {t("clinicalForm.domainNotMet")}
              </button>
            </div>
            {errors?.get(`severity.${d.domain}`) && (
              <p className="field-error small">{errors.get(`severity.${d.domain}`)}</p>
            )}
            <p className="cre-label">{t("clinicalForm.examples")}</p>
            <ul className="cre-examples">
              {d.items.map((item) => (
                <li key={item.code}>
                  <label className="field--check cre-check">
                    <input
                      type="checkbox"
                      checked={value.checklist.includes(item.code)}
                      data-testid={`cre-severity-item-${item.code}`}
                      onChange={(e) => toggle(item.code, e.target.checked)}
                    />
                    {item[lang]}
                  </label>
                </li>
              ))}
            </ul>
            {d.domain === "noImmunodeficiencyOrStable" && (
              <label className="field--check cre-check">
                <input
                  type="checkbox"
                  checked={value.stableDespiteImmunodeficiency}
                  data-testid="cre-stable-immuno"
                  onChange={(e) => onChange(withChecklist(value, value.checklist, e.target.checked))}
                />
                {t("clinicalForm.stableDespiteImmuno")}
              </label>
            )}
          </fieldset>
        );
      })}
      {severe && (
        <label className="field--check cre-check">
          <input
            type="checkbox"
            checked={value.stabilisedAfterTreatment}
            data-testid="cre-stabilised"
            onChange={(e) => onChange({ ...value, stabilisedAfterTreatment: e.target.checked })}
          />
          {t("clinicalForm.stabilised")}
        </label>
      )}
    </div>
  );
}
