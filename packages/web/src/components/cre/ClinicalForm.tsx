import {
  creText,
  INFECTION_SITES,
  type InfectionSite,
  URINARY_TYPES,
  type UrinaryType,
} from "@mamori/domain/cre";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreCaseDetail, CreCaseRecord, CrePatch, CreSeverity } from "../../api/cre.ts";
import { ApiError } from "../../api/errors.ts";
import type { FieldError } from "../../api/types.ts";
import { asLang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { useCreLang } from "./cre-lang.ts";
import { fieldErrorMap } from "./cre-messages.ts";
import { SeverityChecklist } from "./SeverityChecklist.tsx";

const ALL_MET: CreSeverity = {
  hemodynamicallyStable: true,
  noImmunodeficiencyOrStable: true,
  sourceControlled: true,
  stabilisedAfterTreatment: false,
  checklist: [],
  stableDespiteImmunodeficiency: false,
};

type Causative = "yes" | "no" | "";

interface Props {
  record: CreCaseRecord;
  onSaved: (detail: CreCaseDetail) => void;
  /** Leaves the form without saving (when correcting a record already made). */
  onCancel?: (() => void) | undefined;
}

/**
 * The attending physician's record of a case: the site of infection (and cystitis or upper UTI), whether the isolate
 * caused it, 表7 severity (required for a non-urinary infection, optional for a urinary one: recorded, a severe urinary
 * infection gets the options of a severe case), the cefiderocol order, and the diagnosis and notification days.
 * Saved on the version read; a 400 is shown at each field.
 */
export function ClinicalForm({ record, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation("cre");
  const lang = asLang(i18n.language);
  const apiLang = useCreLang();
  const api = useApi();
  const [site, setSite] = useState<InfectionSite | "">(record.infection?.site ?? "");
  const [urinaryType, setUrinaryType] = useState<UrinaryType | "">(record.infection?.urinaryType ?? "");
  const [causative, setCausative] = useState<Causative>(
    record.infection?.causative === true ? "yes" : record.infection?.causative === false ? "no" : "",
  );
  const [severity, setSeverity] = useState<CreSeverity>(record.severity ?? ALL_MET);
  const [urinarySeverity, setUrinarySeverity] = useState(
    record.infection?.site === "urinary" && record.severity !== null && record.severity !== undefined,
  );
  const [ordered, setOrdered] = useState(record.cefiderocolOrdered);
  const [diagnosedOn, setDiagnosedOn] = useState(record.diagnosedOn ?? "");
  const [notifiedOn, setNotifiedOn] = useState(record.notifiedOn ?? "");
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrorMap(t, fields);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const local: FieldError[] = [];
    if (site === "") local.push({ path: "infection.site", message: t("clinicalForm.choose") });
    if (site === "urinary" && urinaryType === "")
      local.push({
        path: "infection.urinaryType",
        message: "urinary infection: expected cystitis or upper_uti",
      });
    setFields(local);
    if (local.length > 0 || site === "") return;
    const patch: CrePatch = {
      version: record.version,
      infection: {
        site,
        urinaryType: site === "urinary" && urinaryType !== "" ? urinaryType : null,
        causative: causative === "" ? null : causative === "yes",
      },
      severity: site === "urinary" && !urinarySeverity ? null : severity,
      diagnosedOn: diagnosedOn || null,
      notifiedOn: notifiedOn || null,
      cefiderocolOrdered: ordered,
    };
    setBusy(true);
    try {
      const detail = await api.cre.updateCase(record.id, patch, apiLang);
      setSaved(true);
      onSaved(detail);
    } catch (e) {
      const versionConflict =
        e instanceof ApiError && e.status === 409 && e.fields.some((f) => f.path === "version");
      if (e instanceof ApiError && (e.status === 400 || versionConflict)) setFields(e.fields);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) =>
    errors.get(path) && <span className="field-error small">{errors.get(path)}</span>;

  return (
    <form
      className="cre-clinical-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="cre-clinical-form"
    >
      <div className="cre-row">
        <label className="field">
          <span className="field-label">{t("clinicalForm.site")}</span>
          <select
            value={site}
            data-testid="cre-site"
            onChange={(e) => setSite(e.target.value as InfectionSite | "")}
          >
            <option value="">{t("clinicalForm.choose")}</option>
            {INFECTION_SITES.map((s) => (
              <option key={s} value={s}>
                {creText("site", s, lang)}
              </option>
            ))}
          </select>
          {fieldError("infection.site")}
        </label>
        {site === "urinary" && (
          <label className="field">
            <span className="field-label">{t("clinicalForm.urinaryType")}</span>
            <select
              value={urinaryType}
              data-testid="cre-urinary-type"
              onChange={(e) => setUrinaryType(e.target.value as UrinaryType | "")}
            >
              <option value="">{t("clinicalForm.choose")}</option>
              {URINARY_TYPES.map((u) => (
                <option key={u} value={u}>
                  {creText("urinaryType", u, lang)}
                </option>
              ))}
            </select>
            {fieldError("infection.urinaryType")}
          </label>
        )}
        <label className="field">
          <span className="field-label">{t("clinicalForm.causative")}</span>
          <select
            value={causative}
            data-testid="cre-causative"
            onChange={(e) => setCausative(e.target.value as Causative)}
          >
            <option value="">{t("case.causativeUnknown")}</option>
            <option value="yes">{t("case.causativeYes")}</option>
            <option value="no">{t("case.causativeNo")}</option>
          </select>
        </label>
      </div>
      {site === "urinary" && (
        <label className="field--check cre-check">
          <input
            type="checkbox"
            checked={urinarySeverity}
            data-testid="cre-urinary-severity"
            onChange={(e) => setUrinarySeverity(e.target.checked)}
          />
          <span>
            <strong>{t("clinicalForm.urinarySeverity")}</strong>
            <br />
            <span className="hint">{t("clinicalForm.urinarySeverityHint")}</span>
          </span>
        </label>
      )}
      {site !== "" && (site !== "urinary" || urinarySeverity) && (
        <fieldset className="cre-severity-block">
          <legend className="field-label">{t("case.severity")}</legend>
          {fieldError("severity")}
          <SeverityChecklist value={severity} onChange={setSeverity} errors={errors} />
        </fieldset>
      )}
      <label className="field--check cre-check cre-order">
        <input
          type="checkbox"
          checked={ordered}
          data-testid="cre-order-cefiderocol"
          onChange={(e) => setOrdered(e.target.checked)}
        />
        <span>
          <strong>{t("clinicalForm.order")}</strong>
          <br />
          <span className="hint">{t("clinicalForm.orderHint")}</span>
        </span>
      </label>
      <div className="cre-row">
        <label className="field">
          <span className="field-label">{t("clinicalForm.diagnosedOn")}</span>
          <input
            type="date"
            value={diagnosedOn}
            data-testid="cre-diagnosed-on"
            onChange={(e) => setDiagnosedOn(e.target.value)}
          />
          {fieldError("diagnosedOn")}
        </label>
        <label className="field">
          <span className="field-label">{t("clinicalForm.notifiedOn")}</span>
          <input
            type="date"
            value={notifiedOn}
            data-testid="cre-notified-on-input"
            onChange={(e) => setNotifiedOn(e.target.value)}
          />
          {fieldError("notifiedOn")}
        </label>
      </div>
      {errors.get("version") && (
        <p className="notice notice--error" role="alert">
          {errors.get("version")}
        </p>
      )}
      <ErrorNotice error={error} />
      <div className="form-actions">
        {saved && (
          <span className="cre-saved" role="status" data-testid="cre-clinical-saved">
            {t("clinicalForm.saved")}
          </span>
        )}
        {onCancel && (
          <button type="button" className="btn" data-testid="cre-clinical-cancel" onClick={onCancel}>
            {t("isolate.cancel")}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cre-clinical-save">
          {busy ? t("clinicalForm.saving") : t("clinicalForm.save")}
        </button>
      </div>
    </form>
  );
}
