import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import { ApiError } from "../../api/errors.ts";
import type { InboxState, Report, ReportContent } from "../../api/reports.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { diseaseText, instantText, isOfficer, symptomText } from "../../components/reports/report-text.ts";
import { INBOX_CHANGED } from "../../components/reports/UnreadReports.tsx";
import { newId } from "../../lib/ids.ts";
import { asLang, type Lang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/reports/reports.css";

const STATES: InboxState[] = ["new", "acknowledged", "instructed", "closed"];

/**
 * One report to the offices (付録1① item 4: 人数、症状、対応状況等) for whoever may read it: the facility's staff see
 * the current version, and the director edits, submits once to both offices, and drafts follow-up and final reports;
 * the offices see the submitted version with what changed, reply or send instructions, keep notes between themselves
 * (item 7) and move it through their inbox. Prints on A4 and downloads as Excel.
 */
export function ReportPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation("reports");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const fetch = useMemo(() => () => api.reports.get(id), [api, id]);
  const { data, error, reload } = useLoad(fetch);
  const [updated, setUpdated] = useState<Report | null>(null);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const report = updated?.id === id ? updated : data;
  // Opening a report marks it read for the officer's office: the header's count follows.
  useEffect(() => {
    if (data && isOfficer(user.role)) globalThis.dispatchEvent(new Event(INBOX_CHANGED));
  }, [data, user.role]);

  if (error && !report) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!report) return <p className="muted">{t("loading")}</p>;

  const officer = isOfficer(user.role);
  const director = user.role === "director" && user.organisation.kind === "facility";
  const c = report.content;
  const pending = report.submittedVersion !== null && report.status === "draft";
  const act = async (work: () => Promise<Report | undefined>) => {
    setBusy(true);
    setActionError(null);
    try {
      const next = await work();
      if (next) setUpdated(next);
      else await reload().then(() => setUpdated(null));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const to = report.recipients.length ? report.recipients.map((r) => r.name).join("・") : t("to");
  const submit = () => {
    if (!globalThis.confirm(t("confirmSubmit", { to }))) return;
    void act(() => api.reports.submit(report.id, report.version));
  };
  const followUp = (kind: "follow_up" | "final") =>
    void act(async () => {
      const next = await api.reports.followUp(report.id, { id: newId(), kind });
      navigate(`/reports/${next.id}`);
      return next;
    });

  return (
    <div className="report-page" data-testid="report-page">
      <p className="no-print">
        <Link href={officer ? "/" : "/reports"}>‹ {t("back")}</Link>
      </p>
      <header className="report-head">
        <h1>
          {t("title")}（{t(`kind.${report.kind}`)}）
        </h1>
        <p className="report-badges">
          <span className={`report-status report-status--${report.status}`} data-testid="report-status">
            {t(`status.${report.status}`)}
          </span>
          <span className="muted">{t("version", { version: report.version })}</span>
          {report.submittedAt && (
            <span className="muted">{t("submittedAt", { at: instantText(report.submittedAt, lang) })}</span>
          )}
        </p>
        <p>
          <strong data-testid="report-facility">{report.facility.name}</strong>
          {" · "}
          {t(`group.${report.group}`)}
          {" · "}
          {t("asOf", { day: shortDay(c.asOfDay, lang) })}
        </p>
        {report.recipients.length > 0 && (
          <p data-testid="report-recipients">
            {t("to")}：
            {report.recipients.map((r) => (
              <span key={r.organisationId} className="report-recipient">
                {r.name}（{t(`state.${r.state}`)}）
              </span>
            ))}
          </p>
        )}
      </header>

      <div className="report-toolbar no-print">
        <button type="button" className="btn btn-ghost" onClick={() => globalThis.print()}>
          {t("print")}
        </button>
        <a
          className="btn btn-ghost"
          href={api.reports.workbookUrl(report.id)}
          download
          data-testid="report-excel"
        >
          {t("excel")}
        </a>
        {director && !editing && (
          <button type="button" className="btn" data-testid="report-edit" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        )}
        {director && report.status === "draft" && !editing && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="report-submit"
            disabled={busy}
            onClick={submit}
          >
            {pending ? t("resubmit") : t("submit")}
          </button>
        )}
        {director && report.submittedVersion !== null && report.kind !== "final" && (
          <>
            <button
              type="button"
              className="btn"
              data-testid="report-follow-up"
              disabled={busy}
              onClick={() => followUp("follow_up")}
            >
              {t("followUp")}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="report-final"
              disabled={busy}
              onClick={() => followUp("final")}
            >
              {t("final")}
            </button>
          </>
        )}
      </div>
      {actionError !== null && <ReportActionError error={actionError} onRetry={() => void reload()} />}
      {director && pending && <p className="notice notice--warn">{t("pendingEdit")}</p>}
      {director &&
        report.status === "submitted" &&
        report.kind === "first" &&
        report.replies.length === 0 && (
          <p className="notice notice--ok no-print" data-testid="report-submitted">
            {t("submittedNotice")}
          </p>
        )}
      {officer && report.changes.length > 0 && (
        <p className="notice notice--warn" data-testid="report-changes">
          {t("changes", {
            fields: [...new Set(report.changes.map((f) => f.split(".")[0]!))]
              .map((f) => t(`field.${f as "remarks"}`, { defaultValue: f }))
              .join("、"),
          })}
        </p>
      )}

      {editing ? (
        <EditForm
          report={report}
          lang={lang}
          onCancel={() => setEditing(false)}
          onSave={(body) =>
            act(async () => {
              const next = await api.reports.edit(report.id, { version: report.version, ...body });
              setEditing(false);
              return next;
            })
          }
        />
      ) : (
        <ReportBody report={report} lang={lang} />
      )}

      {report.followUps.length > 0 && (
        <section className="report-section">
          <h2>{t("followUps")}</h2>
          <ul>
            {report.followUps.map((f) => (
              <li key={f.id}>
                <Link href={`/reports/${f.id}`}>
                  {t(`kind.${f.kind as "follow_up"}`)}（{t(`status.${f.status as "draft"}`)}）
                </Link>
              </li>
            ))}
          </ul>
          {report.parentId && (
            <p>
              <Link href={`/reports/${report.parentId}`}>{t("kind.first")}</Link>
            </p>
          )}
        </section>
      )}
      {report.parentId && report.followUps.length === 0 && (
        <p className="no-print">
          <Link href={`/reports/${report.parentId}`}>‹ {t("kind.first")}</Link>
        </p>
      )}

      <Messages report={report} lang={lang} />
      {officer && <OfficeActions report={report} onChanged={(next) => setUpdated(next)} reload={reload} />}
    </div>
  );
}

function ReportActionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("reports");
  if (error instanceof ApiError && error.status === 409)
    return (
      <p className="notice notice--error" role="alert">
        {/no health centre/i.test(error.message) ? t("errors.noOffices") : t("errors.stale")}
      </p>
    );
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

function Tallies({
  label,
  users,
  staff,
}: {
  label: string;
  users: ReportContent["persons"]["users"];
  staff: ReportContent["persons"]["staff"];
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{users.new}</td>
      <td>{users.cumulative}</td>
      <td>{staff.new}</td>
      <td>{staff.cumulative}</td>
    </tr>
  );
}

function ReportBody({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useTranslation("reports");
  const c = report.content;
  const ev = report.evidence;
  const count = ev.evidence.count as number | undefined;
  const threshold = ev.evidence.threshold as number | undefined;
  return (
    <>
      <section className="report-section" data-testid="report-evidence">
        <h2>{t("evidence.heading")}</h2>
        <p>
          <strong>{t(`criterion.${report.criterion}`)}</strong>
        </p>
        <p>
          {ev.holds && ev.day
            ? count !== undefined && threshold !== undefined && threshold !== null
              ? t("evidence.holds", { day: shortDay(ev.day, lang), count, threshold })
              : t("evidence.holdsNoCount", { day: shortDay(ev.day, lang) })
            : t("evidence.notHolds")}
        </p>
        <p className="muted">{t("evidence.snapshot")}</p>
      </section>

      <section className="report-section">
        <p>
          {t("outline", {
            type: t(`facilityType.${c.facility.type as "elderly_care"}`, { defaultValue: c.facility.type }),
            users: c.facility.users,
            staff: c.facility.staff,
          })}
        </p>
      </section>

      <section className="report-section" data-testid="report-numbers">
        <h2>{t("numbers.heading")}</h2>
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th rowSpan={2}>{t("numbers.floor")}</th>
                <th colSpan={2}>{t("numbers.users")}</th>
                <th colSpan={2}>{t("numbers.staff")}</th>
              </tr>
              <tr>
                <th>{t("numbers.new")}</th>
                <th>{t("numbers.cumulative")}</th>
                <th>{t("numbers.new")}</th>
                <th>{t("numbers.cumulative")}</th>
              </tr>
            </thead>
            <tbody>
              {c.byFloor.map((f) => (
                <Tallies
                  key={f.unitId ?? "none"}
                  label={f.name ?? t("numbers.noFloor")}
                  users={f.users}
                  staff={f.staff}
                />
              ))}
            </tbody>
            <tfoot>
              <Tallies label={t("numbers.total")} users={c.persons.users} staff={c.persons.staff} />
            </tfoot>
          </table>
        </div>
        <dl className="report-facts">
          <dt>{t("numbers.total")}</dt>
          <dd data-testid="report-total">
            {t("numbers.new")} {t("numbers.persons", { count: c.persons.total.new })}・
            {t("numbers.cumulative")} {t("numbers.persons", { count: c.persons.total.cumulative })}
          </dd>
          <dt>{t("numbers.firstOnset")}</dt>
          <dd>{c.firstOnset ? shortDay(c.firstOnset, lang) : "—"}</dd>
          <dt>{t("numbers.hospitalised")}</dt>
          <dd data-testid="report-hospitalised">{t("numbers.persons", { count: c.hospitalised })}</dd>
          <dt>{t("numbers.deaths")}</dt>
          <dd data-testid="report-deaths">{t("numbers.persons", { count: c.deaths })}</dd>
        </dl>
      </section>

      <section className="report-section">
        <h2>{t("symptoms")}</h2>
        {c.symptoms.length === 0 ? (
          <p className="muted">{t("noSymptoms")}</p>
        ) : (
          <p data-testid="report-symptoms">
            {c.symptoms
              .map((s) => `${symptomText(s.code, lang)} ${t("numbers.persons", { count: s.persons })}`)
              .join("、")}
          </p>
        )}
        <h2>{t("diagnoses")}</h2>
        {c.diagnoses.length === 0 ? (
          <p className="muted">{t("noDiagnoses")}</p>
        ) : (
          <p>
            {c.diagnoses
              .map((d) => `${diseaseText(d.disease, lang)} ${t("numbers.persons", { count: d.persons })}`)
              .join("、")}
          </p>
        )}
        {c.tests && (
          <>
            <h3>{t("tests")}</h3>
            <p className="report-text">{c.tests}</p>
          </>
        )}
      </section>

      <section className="report-section">
        <h2>{t("measures")}</h2>
        {c.measures.length === 0 ? (
          <p className="muted">{t("noMeasures")}</p>
        ) : (
          <ul className="report-measures" data-testid="report-measures">
            {c.measures.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once; the same day and text may repeat
              <li key={`${m.day}-${i}`}>
                <span className="report-day">{shortDay(m.day, lang)}</span> {m.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="report-section">
        <h2>{t("specimens.heading")}</h2>
        <p data-testid="report-specimens">
          {c.specimens.kept
            ? `${t("specimens.kept")}（${c.specimens.kinds.map((k) => t(`specimens.kinds.${k}`)).join("・")}）`
            : t("specimens.notKept")}
          {c.specimens.note && ` ${c.specimens.note}`}
        </p>
        <h2>{t("contact.heading")}</h2>
        <p data-testid="report-contact">
          {c.contact.name || "—"}
          {c.contact.phone && `（${c.contact.phone}）`}
        </p>
        {c.remarks && (
          <>
            <h2>{t("remarks")}</h2>
            <p className="report-text" data-testid="report-remarks">
              {c.remarks}
            </p>
          </>
        )}
      </section>

      <section className="report-section report-progress">
        <h2>{t("progress.heading")}</h2>
        <div className="report-table-wrap">
          <table className="report-table" data-testid="report-progress">
            <thead>
              <tr>
                <th>{t("progress.day")}</th>
                <th>{t("progress.newUsers")}</th>
                <th>{t("progress.newStaff")}</th>
                <th>{t("progress.cumulative")}</th>
                <th>{t("progress.ill")}</th>
                <th>{t("progress.hospitalised")}</th>
                <th>{t("progress.deaths")}</th>
              </tr>
            </thead>
            <tbody>
              {c.progress.map((p) => (
                <tr key={p.day}>
                  <th scope="row">{shortDay(p.day, lang)}</th>
                  <td>{p.newUsers}</td>
                  <td>{p.newStaff}</td>
                  <td>{p.cumulative}</td>
                  <td>{p.ill}</td>
                  <td>{p.hospitalised}</td>
                  <td>{p.deaths}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

type Edits = Pick<ReportContent, "contact" | "specimens" | "tests" | "measures" | "remarks">;

function EditForm({
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

function Messages({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useTranslation("reports");
  return (
    <>
      <section className="report-section" data-testid="report-replies">
        <h2>{t("replies.heading")}</h2>
        {report.replies.length === 0 ? (
          <p className="muted">{t("replies.empty")}</p>
        ) : (
          <ul className="report-messages">
            {report.replies.map((m) => (
              <li key={m.id} className={`report-message report-message--${m.kind}`}>
                <p className="report-message-head">
                  <strong>{t(`replies.${m.kind as "reply"}`)}</strong> {m.from.name}（{m.by}）
                  <span className="muted"> {instantText(m.at, lang)}</span>
                </p>
                <p className="report-text">{m.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.notes && (
        <section className="report-section no-print" data-testid="report-notes">
          <h2>{t("notes.heading")}</h2>
          <p className="muted">{t("notes.hint")}</p>
          {report.notes.length === 0 ? (
            <p className="muted">{t("notes.empty")}</p>
          ) : (
            <ul className="report-messages">
              {report.notes.map((m) => (
                <li key={m.id} className="report-message">
                  <p className="report-message-head">
                    {m.from.name}（{m.by}）<span className="muted"> {instantText(m.at, lang)}</span>
                  </p>
                  <p className="report-text">{m.text}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function OfficeActions({
  report,
  onChanged,
  reload,
}: {
  report: Report;
  onChanged: (r: Report) => void;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation("reports");
  const api = useApi();
  const user = useUser();
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const mine = report.recipients.find((r) => r.organisationId === user.organisation.id);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged(await api.reports.get(report.id));
    } catch (e) {
      setError(e);
    }
  };
  const send = (kind: "reply" | "instruction") => {
    if (text.trim() === "") {
      setError(new Error(t("errors.empty")));
      return;
    }
    void run(async () => {
      await api.reports.reply(report.id, { id: newId(), text, kind });
      setText("");
    });
  };
  return (
    <section className="report-section no-print" data-testid="office-actions">
      {error !== null && <ErrorNotice error={error} onRetry={() => void reload()} />}
      {mine && (
        <label className="report-state">
          {t("stateLabel")}
          <select
            data-testid="office-state"
            value={mine.state}
            onChange={(e) => void run(() => api.reports.setState(report.id, e.target.value as InboxState))}
          >
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <h2>{t("reply.heading")}</h2>
      <label>
        {t("reply.text")}
        <textarea
          data-testid="reply-text"
          value={text}
          maxLength={4000}
          rows={4}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="report-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="reply-instruct"
          onClick={() => send("instruction")}
        >
          {t("reply.instruct")}
        </button>
        <button type="button" className="btn" data-testid="reply-send" onClick={() => send("reply")}>
          {t("reply.send")}
        </button>
      </div>
      <h3>{t("notes.add")}</h3>
      <p className="muted">{t("notes.hint")}</p>
      <textarea
        data-testid="note-text"
        value={note}
        maxLength={4000}
        rows={2}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="report-toolbar">
        <button
          type="button"
          className="btn"
          data-testid="note-add"
          onClick={() => {
            if (note.trim() === "") return setError(new Error(t("errors.empty")));
            void run(async () => {
              await api.reports.note(report.id, { id: newId(), text: note });
              setNote("");
            });
          }}
        >
          {t("notes.add")}
        </button>
      </div>
    </section>
  );
}
