import { type CreDrugKey, creDrugList } from "@mamori/domain/cre";
import { useTranslation } from "react-i18next";
import { asLang } from "../../lib/labels.ts";
import { cellProblemText } from "./cre-messages.ts";
import {
  type MicCell,
  micCellProblem,
  QUALIFIERS,
  type Qualifier,
  splitMic,
  zoneCellProblem,
} from "./isolate-form.ts";

const DRUGS = creDrugList();

interface Props {
  mic: Record<CreDrugKey, MicCell>;
  zone: Record<CreDrugKey, string>;
  onMic: (drug: CreDrugKey, cell: MicCell) => void;
  onZone: (drug: CreDrugKey, text: string) => void;
  /** Errors the server named (`isolate.mic.<drug>`, `isolate.zoneMm.<drug>`), already translated. */
  serverErrors?: ReadonlyMap<string, string>;
}

/**
 * The MIC and zone grid of an isolate: one row per drug of the case file, the MIC as a qualifier (≤ < ≥ >) and a
 * number, each cell checked as it is typed by the same rules the server applies (micProblem, zones 6–50 mm).
 */
export function MicGrid({ mic, zone, onMic, onZone, serverErrors }: Props) {
  const { t, i18n } = useTranslation("cre");
  const lang = asLang(i18n.language);
  const half = Math.ceil(DRUGS.length / 2);
  const table = (drugs: typeof DRUGS) => (
    <table className="table cre-mic-grid">
      <thead>
        <tr>
          <th scope="col">{t("isolate.drug")}</th>
          <th scope="col">{t("isolate.mic")}</th>
          <th scope="col">{t("isolate.zone")}</th>
        </tr>
      </thead>
      <tbody>
        {drugs.map((drug) => {
          const cell = mic[drug.key];
          const micError =
            (() => {
              const p = micCellProblem(cell);
              return p ? cellProblemText(t, p) : undefined;
            })() ?? serverErrors?.get(`isolate.mic.${drug.key}`);
          const zoneProblem = zoneCellProblem(zone[drug.key]);
          const zoneError = zoneProblem
            ? cellProblemText(t, zoneProblem)
            : serverErrors?.get(`isolate.zoneMm.${drug.key}`);
          const name = drug.name[lang];
          return (
            <tr key={drug.key} className={micError || zoneError ? "is-invalid" : undefined}>
              <th scope="row" className="cre-drug-name">
                {name}
                {!drug.marketedInJapan && <span className="muted small"> *</span>}
              </th>
              <td>
                <div className="cre-mic-cell">
                  <select
                    aria-label={`${name} ${t("isolate.qualifier")}`}
                    value={cell.qualifier}
                    data-testid={`cre-mic-qualifier-${drug.key}`}
                    onChange={(e) => onMic(drug.key, { ...cell, qualifier: e.target.value as Qualifier })}
                  >
                    {QUALIFIERS.map((q) => (
                      <option key={q || "eq"} value={q}>
                        {q === "" ? t("isolate.qualifierNone") : q}
                      </option>
                    ))}
                  </select>
                  <input
                    type="text"
                    inputMode="decimal"
                    aria-label={`${name} ${t("isolate.mic")}`}
                    aria-invalid={micError ? true : undefined}
                    className="cre-mic-input"
                    value={cell.value}
                    data-testid={`cre-mic-${drug.key}`}
                    onChange={(e) => onMic(drug.key, splitMic(e.target.value, cell.qualifier))}
                  />
                </div>
                {micError && (
                  <p className="field-error small" data-testid={`cre-mic-error-${drug.key}`}>
                    {micError}
                  </p>
                )}
              </td>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={`${name} ${t("isolate.zone")}`}
                  aria-invalid={zoneError ? true : undefined}
                  className="cre-zone-input"
                  value={zone[drug.key]}
                  data-testid={`cre-zone-${drug.key}`}
                  onChange={(e) => onZone(drug.key, e.target.value.normalize("NFKC").trim())}
                />
                {zoneError && (
                  <p className="field-error small" data-testid={`cre-zone-error-${drug.key}`}>
                    {zoneError}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <div className="cre-mic-grids" data-testid="cre-mic-grid">
      {table(DRUGS.slice(0, half))}
      {table(DRUGS.slice(half))}
    </div>
  );
}
