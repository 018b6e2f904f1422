import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxState, Report } from "../../api/reports.ts";
import { newId } from "../../lib/ids.ts";
import type { Lang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { instantText } from "./report-text.ts";

const STATES: InboxState[] = ["new", "acknowledged", "instructed", "closed"];

/** The offices' replies and instructions (seen by the facility) and, for the offices, their shared notes. */
export function Messages({ report, lang }: { report: Report; lang: Lang }) {
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

/** The officer's side: reply, send instructions, add a note, move the report through the inbox. */
export function OfficeActions({
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
      onChanged(await api.reports.get(report));
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
      await api.reports.reply(report, { id: newId(), text, kind });
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
            onChange={(e) => void run(() => api.reports.setState(report, e.target.value as InboxState))}
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
              await api.reports.note(report, { id: newId(), text: note });
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
