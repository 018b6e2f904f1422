import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { HintCount } from "../../alerts/alert-view.ts";
import type { Unit } from "../../api/types.ts";
import { asLang } from "../../lib/labels.ts";

interface Props {
  counts: readonly HintCount[];
  units: readonly Unit[];
  /** Whether to name the day on each line (the 7-day view). */
  showDay: boolean;
}

/** Person hints counted per unit ("発熱 3人"), each line leading to that unit's round of the day. */
export function HintSummary({ counts, units, showDay }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const unitName = (id: string | null) =>
    (id === null ? undefined : units.find((u) => u.id === id)?.name) ?? t("panel.noUnit");

  return (
    <ul className="hint-summary">
      {counts.map((line) => {
        const key = `${line.day}-${line.unitId ?? "none"}`;
        return (
          <li key={key} className="hint-summary-line" data-testid={`hint-summary-${key}`}>
            <span className="hint-summary-where">
              {showDay && <span className="hint-summary-day">{shortDay(line.day, lang)}</span>}
              <span className="hint-summary-unit">{unitName(line.unitId)}</span>
            </span>
            <span className="hint-summary-counts">
              {line.counts.map((c) => (
                <span key={c.code} className={`hint-count hint--${c.code}`} data-code={c.code}>
                  {t("panel.persons", { label: t(`hints.short.${c.code}`), count: c.count })}
                </span>
              ))}
            </span>
            {line.unitId !== null && (
              <Link
                href={`/round/${line.unitId}/${line.day}`}
                className="btn btn-small hint-summary-go no-print"
                data-testid={`hint-round-${key}`}
              >
                {t("panel.openRound")} ›
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
