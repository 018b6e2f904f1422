import {
  CASE_STATUSES,
  type CaseStatus,
  DISEASE_LABELS,
  GROUPED_DISEASES,
  type GroupedDisease,
  OUTCOME_KINDS,
  type OutcomeKind,
} from "@mamori/domain/surveillance";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { diseaseLabel, OTHER_DISEASES } from "../../alerts/alert-labels.ts";
import type { CaseOutcome, CasePatch, NewCase, RecordedCase } from "../../api/records-types.ts";
import type { Person, Unit } from "../../api/types.ts";
import { newId } from "../../lib/ids.ts";
import { asLang } from "../../lib/labels.ts";
import { Field } from "../Field.tsx";
import { FormError } from "./FormError.tsx";
import { PersonSelect } from "./PersonSelect.tsx";
import { RecordFieldProblem, RecordFormActions, useRecordSave } from "./RecordForm.tsx";

interface Props {
  people: readonly Person[];
  units: readonly Unit[];
  /** Today in the facility's time zone: no later day can be chosen. */
  today: string;
  /** The case to change; absent to record a new one. */
  existing?: RecordedCase;
  onCreate: (newCase: NewCase) => Promise<void>;
  onUpdate: (id: string, patch: CasePatch) => Promise<void>;
  onCancel: () => void;
}

type OutcomeState = Record<OutcomeKind, { on: boolean; date: string }>;

const GROUPED = Object.keys(GROUPED_DISEASES) as GroupedDisease[];

function initialOutcomes(outcomes: readonly CaseOutcome[]): OutcomeState {
  const state = {} as OutcomeState;
  for (const kind of OUTCOME_KINDS) {
    const found = outcomes.find((o) => o.kind === kind);
    state[kind] = { on: found !== undefined, date: found?.date ?? "" };
  }
  return state;
}

/**
 * Records or changes one case: who, which disease (Japanese names), suspected or confirmed, the day of onset, the day
 * of recovery, and hospitalisation, serious illness or death with their dates. The id is made once per form, so a
 * save sent twice records one case.
 */
export function CaseForm({ people, units, today, existing, onCreate, onUpdate, onCancel }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const formId = useId();
  const [id] = useState(() => existing?.id ?? newId());
  const [personId, setPersonId] = useState(existing?.personId ?? "");
  const [disease, setDisease] = useState(existing?.disease ?? "");
  const [status, setStatus] = useState<CaseStatus>(existing?.status ?? "suspected");
  const [onsetDate, setOnsetDate] = useState(existing?.onsetDate ?? "");
  const [resolvedDate, setResolvedDate] = useState(existing?.resolvedDate ?? "");
  const [outcomes, setOutcomes] = useState<OutcomeState>(() => initialOutcomes(existing?.outcomes ?? []));
  // The outcomes as sent, to tell which one `outcomes[i].date` of a 400 is about.
  const [sentOutcomes, setSentOutcomes] = useState<CaseOutcome[]>([]);

  const outcomeAt = (kind: OutcomeKind) => (path: string) => {
    const match = /^outcomes\[(\d+)\]/.exec(path);
    return match !== null && sentOutcomes[Number(match[1])]?.kind === kind;
  };
  const known = new Set<string>([...GROUPED, ...OTHER_DISEASES]);

  const { busy, error, submit } = useRecordSave(async () => {
    const chosen = OUTCOME_KINDS.filter((kind) => outcomes[kind].on).map((kind) => ({
      kind,
      date: outcomes[kind].date,
    }));
    setSentOutcomes(chosen);
    const fieldsToSave = {
      disease,
      status,
      onsetDate,
      resolvedDate: resolvedDate === "" ? null : resolvedDate,
      outcomes: chosen,
    };
    if (existing) await onUpdate(existing.id, fieldsToSave);
    else await onCreate({ id, personId, ...fieldsToSave });
  });

  return (
    <form className="record-form" onSubmit={submit} data-testid="case-form">
      <Field
        label={t("cases.person")}
        htmlFor={`${formId}-person`}
        problem={<RecordFieldProblem error={error} at="personId" />}
      >
        <PersonSelect
          id={`${formId}-person`}
          testId="case-person"
          people={people}
          units={units}
          value={personId}
          onChange={setPersonId}
          disabled={existing !== undefined}
        />
      </Field>
      <Field label={t("cases.disease")} problem={<RecordFieldProblem error={error} at="disease" />}>
        <select
          data-testid="case-disease"
          required
          value={disease}
          onChange={(e) => setDisease(e.target.value)}
        >
          <option value="">{t("cases.chooseDisease")}</option>
          {GROUPED.map((code) => (
            <option key={code} value={code}>
              {DISEASE_LABELS[code][lang]}
            </option>
          ))}
          <optgroup label={t("cases.otherDiseases")}>
            {OTHER_DISEASES.map((code) => (
              <option key={code} value={code}>
                {t(`diseases.${code}`)}
              </option>
            ))}
          </optgroup>
          {disease !== "" && !known.has(disease) && (
            <option value={disease}>{diseaseLabel(t, disease, lang)}</option>
          )}
        </select>
      </Field>
      <fieldset className="field">
        <legend className="field-label">{t("cases.status")}</legend>
        <div className="status-choice">
          {CASE_STATUSES.map((s) => (
            <label key={s} className={status === s ? "seg is-on" : "seg"} data-testid={`case-status-${s}`}>
              <input
                type="radio"
                className="sr-only"
                name={`${formId}-status`}
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              {t(`cases.status_${s}`)}
            </label>
          ))}
        </div>
        <RecordFieldProblem error={error} at="status" />
      </fieldset>
      <Field label={t("cases.onsetDate")} problem={<RecordFieldProblem error={error} at="onsetDate" />}>
        <input
          type="date"
          data-testid="case-onset"
          required
          max={today}
          value={onsetDate}
          onChange={(e) => setOnsetDate(e.target.value)}
        />
      </Field>
      <Field
        label={t("cases.resolvedDate")}
        hint={t("cases.resolvedHint")}
        problem={<RecordFieldProblem error={error} at="resolvedDate" />}
      >
        <input
          type="date"
          data-testid="case-resolved"
          max={today}
          value={resolvedDate}
          onChange={(e) => setResolvedDate(e.target.value)}
        />
      </Field>
      <fieldset className="field form-wide">
        <legend className="field-label">{t("cases.outcomes")}</legend>
        <p className="hint">{t("cases.outcomesHint")}</p>
        <ul className="outcome-list">
          {OUTCOME_KINDS.map((kind) => (
            <li key={kind} className="outcome-item">
              <label className="field--check">
                <input
                  type="checkbox"
                  data-testid={`case-outcome-${kind}`}
                  checked={outcomes[kind].on}
                  onChange={(e) =>
                    setOutcomes({ ...outcomes, [kind]: { ...outcomes[kind], on: e.target.checked } })
                  }
                />
                <span>{t(`cases.outcome_${kind}`)}</span>
              </label>
              {outcomes[kind].on && (
                <label className="field--check">
                  <span>{t("cases.outcomeDate", { kind: t(`cases.outcome_${kind}`) })}</span>
                  <input
                    type="date"
                    data-testid={`case-outcome-${kind}-date`}
                    required
                    max={today}
                    value={outcomes[kind].date}
                    onChange={(e) => setOutcomes({ ...outcomes, [kind]: { on: true, date: e.target.value } })}
                  />
                </label>
              )}
              <RecordFieldProblem error={error} at={outcomeAt(kind)} />
            </li>
          ))}
        </ul>
        <RecordFieldProblem error={error} at="outcomes" />
      </fieldset>
      <FormError error={error} shownPaths={/^(personId|disease|status|onsetDate|resolvedDate|outcomes)/} />
      <RecordFormActions busy={busy} saveTestId="case-save" onCancel={onCancel} />
    </form>
  );
}
