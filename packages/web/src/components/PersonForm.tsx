import { PERSON_KINDS, type PersonKind, STAFF_JOBS, type StaffJob } from "@mamori/domain/surveillance";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import type { Person, PersonInput, PersonPatch, Unit } from "../api/types.ts";
import { errorText } from "../lib/error-text.ts";
import { asLang, formatTempC, jobLabel, kindLabel } from "../lib/labels.ts";
import { fieldErrorMessage } from "../lib/server-messages.ts";
import { readBaseline } from "../lib/temperature-entry.ts";
import { Field } from "./Field.tsx";

interface Props {
  units: readonly Unit[];
  /** The person to edit; absent to add someone. */
  person?: Person;
  onSubmit: (input: PersonInput | PersonPatch) => Promise<void>;
  onCancel: () => void;
}

/**
 * Adds or edits one person: name, kana, kind (and job for staff), unit and room, usual temperature, birth date
 * (optional), and whether active.
 */
export function PersonForm({ units, person, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const [name, setName] = useState(person?.name ?? "");
  const [nameKana, setNameKana] = useState(person?.nameKana ?? "");
  const [kind, setKind] = useState<PersonKind>(person?.kind ?? "resident");
  const [job, setJob] = useState<StaffJob>(person?.job ?? "care");
  const [unitId, setUnitId] = useState(person?.unitId ?? "");
  const [roomId, setRoomId] = useState(person?.roomId ?? "");
  const [baseline, setBaseline] = useState(
    person?.baselineTempC == null ? "" : formatTempC(person.baselineTempC),
  );
  const [birthDate, setBirthDate] = useState(person?.birthDate ?? "");
  const [active, setActive] = useState(person?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rooms = units.find((u) => u.id === unitId)?.rooms ?? [];
  const baselineReading = readBaseline(baseline);
  const fieldError = (field: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.path === field || f.path.endsWith(`.${field}`))
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (baselineReading.kind === "invalid") return;
    setBusy(true);
    setError(null);
    const input: PersonInput & { active?: boolean } = {
      name: name.trim(),
      nameKana: nameKana.trim() === "" ? null : nameKana.trim(),
      kind,
      job: kind === "staff" ? job : null,
      unitId: unitId === "" ? null : unitId,
      roomId: roomId === "" ? null : roomId,
      baselineTempC: baselineReading.kind === "valid" ? baselineReading.tempC : null,
      birthDate: birthDate === "" ? null : birthDate,
      ...(person ? { active } : {}),
    };
    try {
      await onSubmit(input);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const hint = (field: string) => {
    const f = fieldError(field);
    return f ? <span className="field-error">{fieldErrorMessage(f, lang)}</span> : null;
  };

  return (
    <form className="person-form" onSubmit={submit} data-testid="person-form">
      <Field label={t("people.name")} problem={hint("name")}>
        <input
          data-testid="person-name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={t("people.nameKana")} problem={hint("nameKana")}>
        <input
          data-testid="person-kana"
          maxLength={100}
          value={nameKana}
          onChange={(e) => setNameKana(e.target.value)}
        />
      </Field>
      <Field label={t("people.kind")} problem={hint("kind")}>
        <select
          data-testid="person-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as PersonKind)}
        >
          {PERSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, lang)}
            </option>
          ))}
        </select>
      </Field>
      {kind === "staff" && (
        <Field label={t("people.job")} problem={hint("job")}>
          <select data-testid="person-job" value={job} onChange={(e) => setJob(e.target.value as StaffJob)}>
            {STAFF_JOBS.map((j) => (
              <option key={j} value={j}>
                {jobLabel(j, lang)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t("people.unit")} problem={hint("unitId")}>
        <select
          data-testid="person-unit"
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setRoomId("");
          }}
        >
          <option value="">{t("people.noUnit")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("people.room")} problem={hint("roomId")}>
        <select
          data-testid="person-room"
          value={roomId}
          disabled={rooms.length === 0}
          onChange={(e) => setRoomId(e.target.value)}
        >
          <option value="">{t("people.noUnit")}</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("people.baselineTempC")} problem={hint("baselineTempC")}>
        <input
          data-testid="person-baseline"
          inputMode="decimal"
          value={baseline}
          aria-invalid={baselineReading.kind === "invalid"}
          onChange={(e) => setBaseline(e.target.value)}
        />
        <span className={baselineReading.kind === "invalid" ? "field-error" : "hint"}>
          {baselineReading.kind === "invalid" ? t("people.baselineInvalid") : t("people.baselineHint")}
        </span>
      </Field>
      <Field label={t("people.birthDate")} problem={hint("birthDate")}>
        <input
          type="date"
          data-testid="person-birth-date"
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
        <span className="hint">{t("people.birthDateHint")}</span>
      </Field>
      {person && (
        <label className="field field--check">
          <input
            type="checkbox"
            data-testid="person-active"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
          />
          <span>{t("people.active")}</span>
        </label>
      )}
      {error !== null && !(error instanceof ApiError && error.fields.length > 0) && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t("people.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="person-save" disabled={busy}>
          {t("people.save")}
        </button>
      </div>
    </form>
  );
}
