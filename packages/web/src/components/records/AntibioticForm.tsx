import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NewAntibioticCourse } from "../../api/records-types.ts";
import type { Person, Unit } from "../../api/types.ts";
import { newId } from "../../lib/ids.ts";
import { Field } from "../Field.tsx";
import { FormError } from "./FormError.tsx";
import { PersonSelect } from "./PersonSelect.tsx";
import { RecordFieldProblem, RecordFormActions, useRecordSave } from "./RecordForm.tsx";

interface Props {
  people: readonly Person[];
  units: readonly Unit[];
  today: string;
  onSubmit: (course: NewAntibioticCourse) => Promise<void>;
  onCancel: () => void;
}

/** Records one antibiotic course: who, the drug if known, the first day and, once known, the last day. */
export function AntibioticForm({ people, units, today, onSubmit, onCancel }: Props) {
  const { t } = useTranslation("alerts");
  const formId = useId();
  const [id] = useState(newId);
  const [personId, setPersonId] = useState("");
  const [drug, setDrug] = useState("");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const { busy, error, submit } = useRecordSave(() =>
    onSubmit({
      id,
      personId,
      drug: drug.trim() === "" ? null : drug.trim(),
      startDate,
      endDate: endDate === "" ? null : endDate,
    }),
  );

  return (
    <form className="record-form" onSubmit={submit} data-testid="antibiotic-form">
      <Field
        label={t("antibiotics.person")}
        htmlFor={`${formId}-person`}
        problem={<RecordFieldProblem error={error} at="personId" />}
      >
        <PersonSelect
          id={`${formId}-person`}
          testId="antibiotic-person"
          people={people}
          units={units}
          value={personId}
          onChange={setPersonId}
        />
      </Field>
      <Field
        label={t("antibiotics.drug")}
        hint={t("antibiotics.drugHint")}
        problem={<RecordFieldProblem error={error} at="drug" />}
      >
        <input
          data-testid="antibiotic-drug"
          maxLength={100}
          value={drug}
          onChange={(e) => setDrug(e.target.value)}
        />
      </Field>
      <Field label={t("antibiotics.startDate")} problem={<RecordFieldProblem error={error} at="startDate" />}>
        <input
          type="date"
          data-testid="antibiotic-start"
          required
          max={today}
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
        />
      </Field>
      <Field
        label={t("antibiotics.endDate")}
        hint={t("antibiotics.endHint")}
        problem={<RecordFieldProblem error={error} at="endDate" />}
      >
        <input
          type="date"
          data-testid="antibiotic-end"
          min={startDate || undefined}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
      </Field>
      <FormError error={error} shownPaths={/^(personId|drug|startDate|endDate)$/} />
      <RecordFormActions busy={busy} saveTestId="antibiotic-save" onCancel={onCancel} />
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
  const { t } = useTranslation("alerts");
  const [endDate, setEndDate] = useState("");
  const { busy, error, submit } = useRecordSave(() => onSubmit(endDate));

  return (
    <form className="record-form" onSubmit={submit} data-testid="antibiotic-end-form">
      <Field label={t("antibiotics.endDate")} problem={<RecordFieldProblem error={error} at="endDate" />}>
        <input
          type="date"
          data-testid="antibiotic-end-date"
          required
          min={startDate}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
      </Field>
      <FormError error={error} shownPaths={/^endDate$/} />
      <RecordFormActions busy={busy} saveTestId="antibiotic-end-save" onCancel={onCancel} />
    </form>
  );
}
