import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreCaseRecord } from "../../api/cre.ts";
import { ApiError } from "../../api/errors.ts";
import type { FieldError } from "../../api/types.ts";
import { formatInstant } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { fieldErrorMap } from "./cre-messages.ts";
import { canConsult, canDecide } from "./cre-roles.ts";

type Decision = "" | "approved" | "declined";

interface Props {
  record: CreCaseRecord;
  timeZone: string;
  /** Called after a consultation is recorded, to read the case again. */
  onRecorded: () => void;
}

/**
 * Consultations with an infectious-disease physician or the AST (MHLW 事務連絡 2024-01-25 記2): the history, never
 * changed, and a form for the physician or AST member. The AST may approve or decline a cefiderocol order with the
 * note. The id is made on the device, so pressing again after a lost answer records it once.
 */
export function ConsultationPanel({ record, timeZone, onRecorded }: Props) {
  const { t, i18n } = useTranslation("cre");
  const { t: tr } = useTranslation();
  const api = useApi();
  const user = useUser();
  const [note, setNote] = useState("");
  const [decision, setDecision] = useState<Decision>("");
  const [pendingId, setPendingId] = useState(newId);
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorMap(t, fields);
  const mayDecide = canDecide(user) && record.cefiderocolOrdered;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (note.trim() === "") {
      setFields([{ path: "note", message: "expected a note" }]);
      return;
    }
    setFields([]);
    setBusy(true);
    try {
      await api.cre.recordConsultation(record.id, {
        id: pendingId,
        note: note.trim(),
        ...(mayDecide && decision !== "" ? { decision } : {}),
      });
      setNote("");
      setDecision("");
      setPendingId(newId());
      onRecorded();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setFields(e.fields);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card cre-card" aria-labelledby="cre-consultation-title">
      <h2 id="cre-consultation-title">{t("consultation.title")}</h2>
      {record.consultations.length === 0 ? (
        <p className="muted" data-testid="cre-consultations-none">
          {t("consultation.none")}
        </p>
      ) : (
        <ol className="cre-consultations" data-testid="cre-consultations">
          {record.consultations.map((c) => (
            <li key={c.id} data-testid={`cre-consultation-${c.id}`} data-decision={c.decision ?? ""}>
              <p className="small muted">
                {t("consultation.byOn", {
                  who: c.recordedBy.displayName,
                  role: tr(`roles.${c.recordedBy.role as "physician"}`),
                  at: formatInstant(c.recordedAt, timeZone, i18n.language),
                })}
                {c.decision && " "}
                {c.decision && (
                  <span
                    className={c.decision === "approved" ? "badge cre-badge--ok" : "badge cre-badge--alert"}
                  >
                    {t(`consultation.${c.decision}`)}
                  </span>
                )}
              </p>
              <p className="cre-note">{c.note}</p>
            </li>
          ))}
        </ol>
      )}
      {canConsult(user) && (
        <form
          className="no-print"
          noValidate
          onSubmit={(e) => void submit(e)}
          data-testid="cre-consultation-form"
        >
          <label className="field">
            <span className="field-label">{t("consultation.note")}</span>
            <textarea
              rows={3}
              value={note}
              placeholder={t("consultation.notePlaceholder")}
              data-testid="cre-consultation-note"
              onChange={(e) => setNote(e.target.value)}
            />
            {errors.get("note") && <span className="field-error small">{errors.get("note")}</span>}
          </label>
          {mayDecide && (
            <fieldset className="cre-decision">
              <legend className="field-label">{t("consultation.decision")}</legend>
              {(
                [
                  ["", "decisionNone", "none"],
                  ["approved", "approve", "approve"],
                  ["declined", "decline", "decline"],
                ] as const
              ).map(([value, label, id]) => (
                <label key={id} className="field--check cre-check">
                  <input
                    type="radio"
                    name="cre-decision"
                    value={value}
                    checked={decision === value}
                    data-testid={`cre-decision-${id}`}
                    onChange={() => setDecision(value)}
                  />
                  {t(`consultation.${label}`)}
                </label>
              ))}
              {errors.get("decision") && <span className="field-error small">{errors.get("decision")}</span>}
            </fieldset>
          )}
          <ErrorNotice error={error} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy}
              data-testid="cre-consultation-save"
            >
              {busy ? t("consultation.saving") : t("consultation.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
