import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { Report, ReportContent } from "../../api/reports.ts";
import type { Lang } from "../../lib/labels.ts";

export type Edits = Pick<ReportContent, "contact" | "specimens" | "tests" | "measures" | "remarks">;

/** The director's edit of a draft (or of a submitted report, which becomes a new version): contact, specimens, tests, measures, remarks. */
export function EditForm({
  report,
  lang,
  onSave,
  onCancel,
}: {
  report: Report;
  lang: Lang;
  onSave: (body: Edits) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation("reports");
  const c = report.content;
  const [form, setForm] = useState<Edits>({
    contact: { ...c.contact },
    specimens: { ...c.specimens, kinds: [...c.specimens.kinds] },
    tests: c.tests,
    measures: c.measures.map((m) => ({ ...m })),
    remarks: c.remarks,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave({ ...form, measures: form.measures.filter((m) => m.text.trim() !== "") });
  };
  const kinds = ["blood", "stool", "vomit", "other"] as const;
  return (
    <form className="report-edit" onSubmit={submit} data-testid="report-edit-form">
      <fieldset>
        <legend>{t("contact.heading")}</legend>
        <label>
          {t("contact.name")}
          <input
            data-testid="edit-contact-name"
            value={form.contact.name}
            maxLength={100}
            onChange={(e) => setForm({ ...form, contact: { ...form.contact, name: e.target.value } })}
          />
        </label>
        <label>
          {t("contact.phone")}
          <input
            data-testid="edit-contact-phone"
            inputMode="tel"
            value={form.contact.phone}
            maxLength={40}
            onChange={(e) => setForm({ ...form, contact: { ...form.contact, phone: e.target.value } })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("specimens.heading")}</legend>
        <p className="muted">{t("specimens.hint")}</p>
        <label className="check">
          <input
            type="checkbox"
            data-testid="edit-specimens-kept"
            checked={form.specimens.kept}
            onChange={(e) => setForm({ ...form, specimens: { ...form.specimens, kept: e.target.checked } })}
          />
          {t("specimens.kept")}
        </label>
        <div className="report-kinds">
          {kinds.map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                data-testid={`edit-specimen-${k}`}
                checked={form.specimens.kinds.includes(k)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    specimens: {
                      ...form.specimens,
                      kinds: e.target.checked
                        ? [...form.specimens.kinds, k]
                        : form.specimens.kinds.filter((x) => x !== k),
                    },
                  })
                }
              />
              {t(`specimens.kinds.${k}`)}
            </label>
          ))}
        </div>
        <label>
          {t("specimens.note")}
          <input
            value={form.specimens.note}
            maxLength={1000}
            onChange={(e) => setForm({ ...form, specimens: { ...form.specimens, note: e.target.value } })}
          />
        </label>
      </fieldset>
      <label>
        {t("tests")}
        <textarea
          value={form.tests}
          maxLength={4000}
          rows={3}
          onChange={(e) => setForm({ ...form, tests: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t("measures")}</legend>
        {form.measures.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed by position
          <div className="report-measure-row" key={`m-${i}`}>
            <input
              type="date"
              aria-label={t("measureDay")}
              value={m.day}
              onChange={(e) =>
                setForm({
                  ...form,
                  measures: form.measures.map((x, j) => (j === i ? { ...x, day: e.target.value } : x)),
                })
              }
            />
            <input
              aria-label={t("measureText")}
              data-testid={`edit-measure-${i}`}
              value={m.text}
              maxLength={500}
              onChange={(e) =>
                setForm({
                  ...form,
                  measures: form.measures.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)),
                })
              }
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setForm({ ...form, measures: form.measures.filter((_, j) => j !== i) })}
            >
              {t("removeMeasure")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          data-testid="edit-add-measure"
          onClick={() =>
            setForm({ ...form, measures: [...form.measures, { day: report.content.asOfDay, text: "" }] })
          }
        >
          {t("addMeasure")}
        </button>
        <span className="muted"> {shortDay(report.content.asOfDay, lang)}</span>
      </fieldset>
      <label>
        {t("remarks")}
        <textarea
          data-testid="edit-remarks"
          value={form.remarks}
          maxLength={4000}
          rows={3}
          onChange={(e) => setForm({ ...form, remarks: e.target.value })}
        />
      </label>
      <div className="report-toolbar">
        <button type="submit" className="btn btn-primary" data-testid="edit-save">
          {t("save")}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
