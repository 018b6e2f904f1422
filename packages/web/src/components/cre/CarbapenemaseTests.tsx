import {
  CARBAPENEMASE_ENZYMES,
  type CarbaNpResult,
  type CarbapenemaseEnzyme,
  creText,
  interpretEcim,
  interpretMcim,
} from "@mamori/domain/cre";
import { useTranslation } from "react-i18next";
import { asLang } from "../../lib/labels.ts";
import { cellProblemText } from "./cre-messages.ts";
import { type IsolateForm, KIT_IDS, zoneCellProblem } from "./isolate-form.ts";

type Part = Pick<
  IsolateForm,
  | "mcimZone"
  | "pinpoint"
  | "ecimZone"
  | "carbaNP"
  | "icKit"
  | "icKitOther"
  | "icDetected"
  | "pcrDone"
  | "pcrGenes"
>;

interface Props {
  value: Part;
  onChange: (patch: Partial<Part>) => void;
  /** Whether the organism is an Enterobacterales (the eCIM is read for those only). */
  enterobacterales: boolean;
  serverErrors?: ReadonlyMap<string, string>;
}

function EnzymeChecks({
  value,
  onChange,
  prefix,
  legend,
}: {
  value: CarbapenemaseEnzyme[];
  onChange: (next: CarbapenemaseEnzyme[]) => void;
  prefix: string;
  legend: string;
}) {
  const { i18n } = useTranslation("cre");
  const lang = asLang(i18n.language);
  return (
    <fieldset className="cre-enzymes">
      <legend className="field-label">{legend}</legend>
      {CARBAPENEMASE_ENZYMES.map((enzyme) => (
        <label key={enzyme} className="field--check cre-check">
          <input
            type="checkbox"
            checked={value.includes(enzyme)}
            data-testid={`${prefix}-${enzyme}`}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, enzyme] : value.filter((x) => x !== enzyme))
            }
          />
          {creText("enzyme", enzyme, lang)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The carbapenemase tests of the guide's laboratory path (図1): mCIM zone and pinpoint colonies, eCIM zone, Carba NP,
 * an immunochromatography kit with the enzymes it showed, and PCR genes. mCIM and eCIM are read as they are typed with
 * the CLSI cut-offs of the CRE rules (interpretMcim, interpretEcim).
 */
export function CarbapenemaseTests({ value, onChange, enterobacterales, serverErrors }: Props) {
  const { t } = useTranslation("cre");
  const mcimProblem = zoneCellProblem(value.mcimZone);
  const ecimProblem = zoneCellProblem(value.ecimZone);
  const mcimZone = value.mcimZone.trim() !== "" && !mcimProblem ? Number(value.mcimZone) : null;
  const ecimZone = value.ecimZone.trim() !== "" && !ecimProblem ? Number(value.ecimZone) : null;
  const mcim =
    mcimZone === null ? null : interpretMcim({ zoneMm: mcimZone, pinpointColonies: value.pinpoint });
  const ecim =
    mcim !== null && mcimZone !== null && ecimZone !== null
      ? interpretEcim(mcim, mcimZone, ecimZone, enterobacterales)
      : null;
  const error = (path: string) => serverErrors?.get(`isolate.carbapenemase.${path}`);

  return (
    <div className="cre-carbapenemase" data-testid="cre-carbapenemase">
      <div className="cre-test-row">
        <label className="field field--narrow">
          <span className="field-label">{t("isolate.mcimZone")}</span>
          <input
            type="text"
            inputMode="numeric"
            value={value.mcimZone}
            aria-invalid={mcimProblem ? true : undefined}
            data-testid="cre-mcim-zone"
            onChange={(e) => onChange({ mcimZone: e.target.value.normalize("NFKC").trim() })}
          />
          {(mcimProblem || error("mCIM.zoneMm")) && (
            <span className="field-error small">
              {mcimProblem ? cellProblemText(t, mcimProblem) : error("mCIM.zoneMm")}
            </span>
          )}
        </label>
        <label className="field--check cre-check">
          <input
            type="checkbox"
            checked={value.pinpoint}
            data-testid="cre-mcim-pinpoint"
            onChange={(e) => onChange({ pinpoint: e.target.checked })}
          />
          {t("isolate.pinpoint")}
        </label>
        {mcim && (
          <p className="cre-reading" data-testid="cre-mcim-reading" data-result={mcim}>
            {t("isolate.mcimReads", { result: t(`isolate.mcim_${mcim}`) })}
          </p>
        )}
      </div>
      <div className="cre-test-row">
        <label className="field field--narrow">
          <span className="field-label">{t("isolate.ecimZone")}</span>
          <input
            type="text"
            inputMode="numeric"
            value={value.ecimZone}
            aria-invalid={ecimProblem ? true : undefined}
            data-testid="cre-ecim-zone"
            onChange={(e) => onChange({ ecimZone: e.target.value.normalize("NFKC").trim() })}
          />
          {(ecimProblem || error("eCIM.zoneMm")) && (
            <span className="field-error small">
              {ecimProblem ? cellProblemText(t, ecimProblem) : error("eCIM.zoneMm")}
            </span>
          )}
        </label>
        {ecim && mcimZone !== null && ecimZone !== null && (
          <p className="cre-reading" data-testid="cre-ecim-reading" data-result={ecim}>
            {t("isolate.ecimReads", { result: t(`isolate.ecim_${ecim}`), diff: ecimZone - mcimZone })}
          </p>
        )}
      </div>
      <label className="field">
        <span className="field-label">{t("isolate.carbaNP")}</span>
        <select
          value={value.carbaNP}
          data-testid="cre-carbanp"
          onChange={(e) => onChange({ carbaNP: e.target.value as "" | CarbaNpResult })}
        >
          <option value="">{t("isolate.notDone")}</option>
          <option value="positive">{t("isolate.positive")}</option>
          <option value="negative">{t("isolate.negative")}</option>
          <option value="invalid">{t("isolate.invalid")}</option>
        </select>
      </label>
      <div className="cre-test-block">
        <label className="field">
          <span className="field-label">{t("isolate.icKit")}</span>
          <select
            value={value.icKit}
            data-testid="cre-ic-kit"
            onChange={(e) => onChange({ icKit: e.target.value })}
          >
            <option value="">{t("isolate.notDone")}</option>
            {KIT_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
            <option value="other">{t("isolate.icOther")}</option>
          </select>
        </label>
        {value.icKit === "other" && (
          <label className="field">
            <span className="field-label">{t("isolate.icKitName")}</span>
            <input
              value={value.icKitOther}
              data-testid="cre-ic-kit-other"
              onChange={(e) => onChange({ icKitOther: e.target.value })}
            />
            {error("immunochromatography.kit") && (
              <span className="field-error small">{error("immunochromatography.kit")}</span>
            )}
          </label>
        )}
        {value.icKit !== "" && (
          <EnzymeChecks
            value={value.icDetected}
            onChange={(icDetected) => onChange({ icDetected })}
            prefix="cre-ic-enzyme"
            legend={t("isolate.icDetected")}
          />
        )}
      </div>
      <div className="cre-test-block">
        <label className="field--check cre-check">
          <input
            type="checkbox"
            checked={value.pcrDone}
            data-testid="cre-pcr-done"
            onChange={(e) => onChange({ pcrDone: e.target.checked })}
          />
          {t("isolate.pcr")}: {t("isolate.pcrDone")}
        </label>
        {value.pcrDone && (
          <EnzymeChecks
            value={value.pcrGenes}
            onChange={(pcrGenes) => onChange({ pcrGenes })}
            prefix="cre-pcr-gene"
            legend={t("isolate.pcrGenes")}
          />
        )}
      </div>
    </div>
  );
}
