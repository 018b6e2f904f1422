import { caseNotification } from "@mamori/domain/notifiable";
import {
  CASE_STATUSES,
  type CaseStatus,
  DISEASE_LABELS,
  GROUP_TEXT,
  GROUPED_DISEASES,
  type GroupedDisease,
} from "@mamori/domain/surveillance";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { diseaseLabel } from "../../alerts/alert-labels.ts";
import type { NewCase } from "../../api/records-types.ts";
import type { LineListEntry } from "../../api/surveillance-types.ts";
import { formatDay, isDay } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { asLang } from "../../lib/labels.ts";
import { Field } from "../Field.tsx";
import { NotificationStatus } from "../notify/NotificationStatus.tsx";
import { FormError } from "../records/FormError.tsx";
import { RecordFieldProblem, RecordFormActions, useRecordSave } from "../records/RecordForm.tsx";

interface Props {
  entry: LineListEntry;
  today: string;
  /** The resolved day to fill in (the offer to close after symptom-free days). */
  proposedResolvedDate?: string;
  onSave: (saved: { create?: NewCase; update?: { id: string; patch: Partial<NewCase> } }) => Promise<void>;
  onCancel: () => void;
}

const GROUPED = Object.keys(GROUPED_DISEASES) as GroupedDisease[];

/**
 * The nurse's record of one line-list case: confirmed or suspected, the disease once known (the implicit case then
 * becomes a recorded case), the consultation or diagnosis day, remarks, and the day it ended. The first save of an
 * implicit case creates the stored case with an id made on the device; later saves change it.
 */
export function LineListCaseForm({ entry, today, proposedResolvedDate, onSave, onCancel }: Props) {
  const { t } = useTranslation("surveillance");
  const { t: tAlerts, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const formId = useId();
  const [id] = useState(() => entry.caseId ?? newId());
  const group = "group" in entry.subject ? entry.subject.group : null;
  const diseases = group
    ? GROUPED.filter((code) => (GROUPED_DISEASES[code] as readonly string[]).includes(group))
    : [];
  const [status, setStatus] = useState<CaseStatus>(entry.status);
  const [disease, setDisease] = useState(entry.disease ?? "");
  const [diagnosedDate, setDiagnosedDate] = useState(entry.diagnosedDate ?? "");
  const [remarks, setRemarks] = useState(entry.remarks ?? "");
  const [notifiedDate, setNotifiedDate] = useState(entry.notifiedDate ?? "");
  const { t: tNotify } = useTranslation("notify");
  // The notification as the form stands: it follows the disease, status and diagnosis day being entered.
  const notification =
    disease === ""
      ? null
      : caseNotification(
          {
            disease,
            status,
            onsetDate: entry.onsetDate,
            diagnosedDate: isDay(diagnosedDate) ? diagnosedDate : null,
            notifiedDate: isDay(notifiedDate) ? notifiedDate : null,
          },
          today,
        );
  // Asked when the diagnosis is one every physician notifies (全数 or food poisoning), or a date is already recorded.
  const asksNotified = notification?.everyPhysician === true || entry.notifiedDate !== null;
  const [resolvedDate, setResolvedDate] = useState(entry.resolvedDate ?? proposedResolvedDate ?? "");

  const { busy, error, submit } = useRecordSave(async () => {
    const fields = {
      status,
      diagnosedDate: diagnosedDate === "" ? null : diagnosedDate,
      remarks: remarks.trim() === "" ? null : remarks.trim(),
      resolvedDate: resolvedDate === "" ? null : resolvedDate,
      ...(asksNotified ? { notifiedDate: notifiedDate === "" ? null : notifiedDate } : {}),
      ...(disease !== "" ? { disease } : {}),
    };
    if (entry.caseId !== null) {
      await onSave({ update: { id: entry.caseId, patch: fields } });
    } else {
      await onSave({
        create: {
          id,
          personId: entry.person.id,
          syndromeGroup: group,
          onsetDate: entry.onsetDate,
          outcomes: [],
          ...fields,
        },
      });
    }
  });

  return (
    <form className="record-form line-list-form" onSubmit={submit} data-testid="line-list-form">
      <p className="muted">
        {group
          ? t("form.group", { group: GROUP_TEXT[group].name[lang], onset: formatDay(entry.onsetDate, lang) })
          : diseaseLabel(tAlerts, entry.disease ?? "", lang)}
      </p>
      <fieldset className="field">
        <legend className="field-label">{t("form.status")}</legend>
        <div className="status-choice">
          {CASE_STATUSES.map((s) => (
            <label key={s} className={status === s ? "seg is-on" : "seg"} data-testid={`line-status-${s}`}>
              <input
                type="radio"
                className="sr-only"
                name={`${formId}-status`}
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              {t(`lineList.status_${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {group && (
        <Field
          label={t("form.disease")}
          htmlFor={`${formId}-disease`}
          problem={<RecordFieldProblem error={error} at="disease" />}
        >
          <select
            id={`${formId}-disease`}
            data-testid="line-disease"
            value={disease}
            onChange={(e) => setDisease(e.target.value)}
            disabled={entry.disease !== null}
          >
            {entry.disease === null && <option value="">{t("form.notNamed")}</option>}
            {diseases.map((code) => (
              <option key={code} value={code}>
                {DISEASE_LABELS[code][lang]}
              </option>
            ))}
            {entry.disease !== null && !diseases.includes(entry.disease as GroupedDisease) && (
              <option value={entry.disease}>{diseaseLabel(tAlerts, entry.disease, lang)}</option>
            )}
          </select>
        </Field>
      )}
      <Field
        label={t("form.diagnosedDate")}
        htmlFor={`${formId}-diagnosed`}
        hint={t("form.diagnosedHint")}
        problem={<RecordFieldProblem error={error} at="diagnosedDate" />}
      >
        <input
          id={`${formId}-diagnosed`}
          type="date"
          data-testid="line-diagnosed"
          min={entry.onsetDate}
          max={today}
          value={diagnosedDate}
          onChange={(e) => setDiagnosedDate(e.target.value)}
        />
      </Field>
      {notification && <NotificationStatus notification={notification} today={today} />}
      {asksNotified && (
        <Field
          label={tNotify("notifiedDate")}
          htmlFor={`${formId}-notified`}
          hint={tNotify("notifiedHint")}
          problem={<RecordFieldProblem error={error} at="notifiedDate" />}
        >
          <input
            id={`${formId}-notified`}
            type="date"
            data-testid="line-notified"
            min={diagnosedDate || entry.onsetDate}
            max={today}
            value={notifiedDate}
            onChange={(e) => setNotifiedDate(e.target.value)}
          />
        </Field>
      )}
      <Field
        label={t("form.remarks")}
        htmlFor={`${formId}-remarks`}
        problem={<RecordFieldProblem error={error} at="remarks" />}
      >
        <textarea
          id={`${formId}-remarks`}
          data-testid="line-remarks"
          rows={2}
          maxLength={500}
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
        />
      </Field>
      <Field
        label={t("form.resolvedDate")}
        htmlFor={`${formId}-resolved`}
        hint={t("form.resolvedHint")}
        problem={<RecordFieldProblem error={error} at="resolvedDate" />}
      >
        <input
          id={`${formId}-resolved`}
          type="date"
          data-testid="line-resolved"
          min={entry.onsetDate}
          max={today}
          value={resolvedDate}
          onChange={(e) => setResolvedDate(e.target.value)}
        />
      </Field>
      <p className="muted small">{t("form.outcomesNote")}</p>
      <FormError error={error} shownPaths={/^(disease|diagnosedDate|notifiedDate|remarks|resolvedDate)$/} />
      <RecordFormActions busy={busy} saveTestId="line-save" onCancel={onCancel} />
    </form>
  );
}
