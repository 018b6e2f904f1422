import type { SymptomCode } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { asLang, symptomLabel } from "../lib/labels.ts";
import { symptomGroups } from "../lib/symptom-groups.ts";

interface Props {
  selected: readonly SymptomCode[];
  onToggle: (code: SymptomCode) => void;
  disabled?: boolean;
}

/** One large toggle per symptom of the vocabulary, labelled in the manual's words. */
export function SymptomChips({ selected, onToggle, disabled = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  return (
    <div className="chips">
      {symptomGroups().map((group) => (
        <fieldset key={group.key} className="chip-group">
          <legend>{t(`editor.groups.${group.key}`)}</legend>
          <div className="chip-row">
            {group.codes.map((code) => {
              const on = selected.includes(code);
              return (
                <button
                  key={code}
                  type="button"
                  className={on ? "chip is-on" : "chip"}
                  data-testid={`symptom-${code}`}
                  aria-pressed={on}
                  disabled={disabled}
                  onClick={() => onToggle(code)}
                >
                  {symptomLabel(code, lang)}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
