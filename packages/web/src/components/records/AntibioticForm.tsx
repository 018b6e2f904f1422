import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NewAntibioticCourse } from "../../api/records-types.ts";
import type { Person, Unit } from "../../api/types.ts";
import { newId } from "../../lib/ids.ts";
import { asLang } from "../../lib/labels.ts";
import { FormError } from "./FormError.tsx";
import { PersonSelect } from "./PersonSelect.tsx";
import { fieldErrorsOf, recordFieldMessage } from "./record-errors.ts";

interface Props {
  people: readonly Person[];
  units: readonly Unit[];
  today: string;
  onSubmit: (course: NewAntibioticCourse) => Promise<void>;
  onCancel: () => void;
}

/** Records one antibiotic course: who, the drug if known, the first day and, once known, the last day. */
export function AntibioticForm({ people, units, today, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const formId = useId();
  const [id] = useState(newId);
  const [personId, setPersonId] = useState("");
  const [drug, setDrug] = useState("");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const fields = fieldErrorsOf(error);
  const hint = (path: string) => {
    const found = fields.filter((f) => f.path === path);
    return found.length === 0 ? null : (
      <span className="field-error" data-testid="field-error">
        {found.map((f) => recordFieldMessage(t, lang, f)).join(" / ")}
      </span>
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        id,
        personId,
        drug: drug.trim() === "" ? null : drug.trim(),
        startDate,
        endDate: endDate === "" ? null : endDate,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="record-form" onSubmit={submit} data-testid="antibiotic-form">
      <label className="field" htmlFor={`${formId}-person`}>
        <span className="field-label">{t("antibiotics.person")}</span>
        <PersonSelect
          id={`${formId}-person`}
          testId="antibiotic-person"
          people={people}
          units={units}
          value={personId}
          onChange={setPersonId}
        />
        {hint("personId")}
      </label>
      <label className="field">
        <span className="field-label">{t("antibiotics.drug")}</span>
        <input
          data-testid="antibiotic-drug"
          maxLength={100}
          value={drug}
          onChange={(e) => setDrug(e.target.value)}
        />
        <span className="hint">{t("antibiotics.drugHint")}</span>
        {hint("drug")}
      </label>
      <label className="field">
        <span className="field-label">{t("antibiotics.startDate")}</span>
        <input
          type="date"
          data-testid="antibiotic-start"
          required
          max={today}
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
        />
        {hint("startDate")}
      </label>
      <label className="field">
        <span className="field-label">{t("antibiotics.endDate")}</span>
        <input
          type="date"
          data-testid="antibiotic-end"
          min={startDate || undefined}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
        <span className="hint">{t("antibiotics.endHint")}</span>
        {hint("endDate")}
      </label>
      <FormError error={error} shownPaths={/^(personId|drug|startDate|endDate)$/} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t("records.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="antibiotic-save" disabled={busy}>
          {busy ? t("records.saving") : t("records.save")}
        </button>
      </div>
    </form>
  );
}

interface EndProps {
  startDate: string;
  onSubmit: (endDate: string) => Promise<void>;
  onCancel: () => void;
}

/** Enters the last day of a course still going on. */
export function AntibioticEndForm({ startDate, onSubmit, onCancel }: EndProps) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const [endDate, setEndDate] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrorsOf(error).filter((f) => f.path === "endDate");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(endDate);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="record-form" onSubmit={submit} data-testid="antibiotic-end-form">
      <label className="field">
        <span className="field-label">{t("antibiotics.endDate")}</span>
        <input
          type="date"
          data-testid="antibiotic-end-date"
          required
          min={startDate}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
        {fields.length > 0 && (
          <span className="field-error" data-testid="field-error">
            {fields.map((f) => recordFieldMessage(t, lang, f)).join(" / ")}
          </span>
        )}
      </label>
      <FormError error={error} shownPaths={/^endDate$/} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t("records.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="antibiotic-end-save" disabled={busy}>
          {busy ? t("records.saving") : t("records.save")}
        </button>
      </div>
    </form>
  );
}
