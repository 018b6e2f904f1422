import { GROUP_TEXT, type OutbreakMeasure, outbreakMeasuresFor } from "@mamori/domain/surveillance";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { diseaseLabel, personLabel, shortDay } from "../../alerts/alert-labels.ts";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import type { EpisodeCase, EpisodeDetail, EpisodeMeasure } from "../../api/episodes.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { episodeErrors, episodeSubjectText } from "../../components/episodes/episode-labels.ts";
import { canCloseEpisodes, canRecordEpisodes } from "../../components/episodes/episode-roles.ts";
import { EpisodeReports } from "../../components/reports/EpisodeReports.tsx";
import { formatDay } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { asLang, type Lang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/episodes/episodes.css";

type Editing =
  | { kind: "measure"; measure: OutbreakMeasure | null }
  | { kind: "resolve"; held: EpisodeCase }
  | null;

/**
 * One outbreak episode (アウトブレイク対応): what it is about and how it started, the countdown to the end (manual p.56),
 * the ill people linked to it and those of the same group not yet linked, the manual's measures as a checklist with
 * who did them and when, other measures, the timeline, and the committee's closing (lead or director) or reopening.
 */
export function EpisodePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation("episodes");
  const { t: ta } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const { people } = usePeopleById();
  const fetch = useMemo(
    () => (facility ? () => api.episodes.get(facility.id, id) : null),
    [api, facility, id],
  );
  const { data, error, reload } = useLoad(fetch);
  const [detail, setDetail] = useState<EpisodeDetail | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const shown = detail?.episode.id === id ? detail : data;

  if (error && !shown) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!facility || !shown) return <p className="muted">{t("loading")}</p>;

  const { episode, today } = shown;
  const open = episode.state.status === "open";
  const mayRecord = canRecordEpisodes(user) && open;
  const updated = (next: EpisodeDetail) => {
    setDetail(next);
    setEditing(null);
  };
  const personName = (personId: string) => personLabel(ta, people?.get(personId));
  const subjectText = episodeSubjectText(ta, episode.subject, lang);

  return (
    <div className="episode-page" data-testid="episode-page">
      <p className="no-print">
        <Link href="/">‹ {t("back")}</Link>
      </p>
      <header className="episode-head">
        <h1>
          {t("title")}：{subjectText}
        </h1>
        <span
          className={open ? "episode-status episode-status--open" : "episode-status episode-status--closed"}
          data-testid="episode-status"
        >
          {open ? t("statusOpen") : t("statusClosed")}
        </span>
      </header>
      <p className="muted">
        {t("opened", { date: formatDay(episode.openedDate, lang), who: episode.openedBy })}
        {" · "}
        {episode.alert
          ? t("fromAlert", {
              alert: ta(`category.${episode.alert.code as "NORO_CLUSTER_24H"}`),
              date: shortDay(episode.alert.day, lang),
            })
          : t("byHand")}
      </p>
      {episode.note && <p>{t("note", { note: episode.note })}</p>}

      <Countdown detail={shown} lang={lang} />

      <CasesSection
        detail={shown}
        lang={lang}
        personName={personName}
        mayRecord={mayRecord}
        facilityId={facility.id}
        onUpdated={updated}
        onResolve={(held) => setEditing({ kind: "resolve", held })}
        groupName={"group" in episode.subject ? GROUP_TEXT[episode.subject.group].name[lang] : subjectText}
      />

      <MeasuresSection
        detail={shown}
        lang={lang}
        mayRecord={mayRecord}
        onRecord={(measure) => setEditing({ kind: "measure", measure })}
      />

      <Timeline detail={shown} lang={lang} personName={personName} />

      <EpisodeReports episodeId={episode.id} />

      <CloseSection
        detail={shown}
        lang={lang}
        facilityId={facility.id}
        mayClose={canCloseEpisodes(user)}
        onUpdated={updated}
      />

      {editing?.kind === "measure" && (
        <Dialog
          title={
            editing.measure
              ? t("measures.recordTitle", { title: editing.measure.title[lang] })
              : t("measures.freeTitle")
          }
          closeLabel={ta("records.cancel")}
          onClose={() => setEditing(null)}
          testId="measure-dialog"
        >
          <MeasureForm
            measure={editing.measure}
            today={today}
            lang={lang}
            submit={(body) => api.episodes.addMeasure(facility.id, episode.id, body)}
            onSaved={updated}
          />
        </Dialog>
      )}
      {editing?.kind === "resolve" && editing.held.linkId && (
        <Dialog
          title={t("cases.resolvedTitle", { name: people?.get(editing.held.personId)?.name ?? "" })}
          closeLabel={ta("records.cancel")}
          onClose={() => setEditing(null)}
          testId="resolve-dialog"
        >
          <ResolveForm
            held={editing.held}
            today={today}
            lang={lang}
            submit={(resolvedDate) =>
              api.episodes.resolveCase(facility.id, episode.id, editing.held.linkId!, resolvedDate)
            }
            onSaved={updated}
          />
        </Dialog>
      )}
    </div>
  );
}

function Countdown({ detail, lang }: { detail: EpisodeDetail; lang: Lang }) {
  const { t } = useTranslation("episodes");
  const { state, closedDate, closedBy } = detail.episode;
  return (
    <section className="card episode-countdown-card" data-testid="episode-countdown">
      <h2>{t("countdown.heading")}</h2>
      {closedDate ? (
        <p className="episode-big">
          {t("countdown.closed", { date: formatDay(closedDate, lang), who: closedBy ?? "" })}
        </p>
      ) : (
        <>
          <p
            className={state.eligible ? "episode-big episode-big--eligible" : "episode-big"}
            data-testid="countdown-text"
          >
            {state.eligible
              ? t("countdown.eligible", { quiet: state.quietDays })
              : t("countdown.waiting", {
                  days: state.daysUntilEligible,
                  date: formatDay(state.eligibleOn, lang),
                })}
          </p>
          <div
            className="episode-meter"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={state.quietDays}
            aria-valuenow={Math.min(state.daysWithoutNewOnset, state.quietDays)}
            aria-label={t("countdown.heading")}
          >
            <span
              style={{
                width: `${(100 * Math.min(state.daysWithoutNewOnset, state.quietDays)) / state.quietDays}%`,
              }}
            />
          </div>
        </>
      )}
      <p className="muted small">
        {state.lastOnset
          ? t("countdown.lastOnset", {
              date: shortDay(state.lastOnset, lang),
              days: state.daysWithoutNewOnset,
            })
          : t("countdown.noOnset")}
      </p>
      <p className="muted small">{t("countdown.rule", { quiet: state.quietDays })}</p>
    </section>
  );
}

function CasesSection(props: {
  detail: EpisodeDetail;
  lang: Lang;
  personName: (id: string) => string;
  mayRecord: boolean;
  facilityId: string;
  groupName: string;
  onUpdated: (next: EpisodeDetail) => void;
  onResolve: (held: EpisodeCase) => void;
}) {
  const { t } = useTranslation("episodes");
  const { t: ta } = useTranslation("alerts");
  const api = useApi();
  const { detail, lang, personName } = props;
  const [error, setError] = useState<unknown>(null);
  const what = (held: EpisodeCase) =>
    held.disease ? diseaseLabel(ta, held.disease, lang) : t("cases.fromSymptoms", { group: props.groupName });
  const link = async (held: EpisodeCase) => {
    try {
      props.onUpdated(
        await api.episodes.linkCase(
          props.facilityId,
          detail.episode.id,
          held.caseId ? { caseId: held.caseId } : { personId: held.personId, onsetDate: held.onsetDate },
        ),
      );
    } catch (e) {
      setError(e);
    }
  };
  const problem = episodeErrors(t, lang, error);
  return (
    <section className="card" data-testid="episode-cases">
      <h2>{t("cases.heading", { count: detail.cases.length })}</h2>
      {detail.cases.length === 0 ? (
        <p className="muted">{t("cases.empty")}</p>
      ) : (
        <div className="episode-table-wrap">
          <table className="table episode-table">
            <thead>
              <tr>
                <th>{t("cases.onset")}</th>
                <th>{t("cases.person")}</th>
                <th>{t("cases.what")}</th>
                <th>{t("cases.resolved")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.cases.map((held) => (
                <tr key={held.linkId ?? held.personId} data-testid={`episode-case-${held.personId}`}>
                  <td>{shortDay(held.onsetDate, lang)}</td>
                  <td>{personName(held.personId)}</td>
                  <td>{what(held)}</td>
                  <td>
                    {held.resolvedDate ? (
                      shortDay(held.resolvedDate, lang)
                    ) : (
                      <span className="muted">{t("cases.ongoing")}</span>
                    )}
                    {props.mayRecord && (
                      <button
                        type="button"
                        className="btn btn-small episode-inline-btn"
                        data-testid="case-resolve"
                        onClick={() => props.onResolve(held)}
                      >
                        {t("cases.setResolved")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail.candidates.length > 0 && (
        <div className="episode-candidates" data-testid="episode-candidates">
          <h3>{t("cases.candidates")}</h3>
          <p className="muted small">{t("cases.candidatesLead")}</p>
          <ul>
            {detail.candidates.map((held) => (
              <li key={`${held.caseId ?? held.personId}-${held.onsetDate}`}>
                {shortDay(held.onsetDate, lang)} {personName(held.personId)} — {what(held)}
                {props.mayRecord && (
                  <button
                    type="button"
                    className="btn btn-small episode-inline-btn"
                    onClick={() => void link(held)}
                  >
                    {t("cases.add")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem.line && <p className="field-error">{problem.line}</p>}
    </section>
  );
}

function MeasuresSection(props: {
  detail: EpisodeDetail;
  lang: Lang;
  mayRecord: boolean;
  onRecord: (measure: OutbreakMeasure | null) => void;
}) {
  const { t } = useTranslation("episodes");
  const { detail, lang } = props;
  const catalogue = outbreakMeasuresFor(detail.episode.subject);
  const byCatalogue = new Map<string, EpisodeMeasure[]>();
  for (const m of detail.measures)
    if (m.catalogueId) byCatalogue.set(m.catalogueId, [...(byCatalogue.get(m.catalogueId) ?? []), m]);
  const free = detail.measures.filter((m) => !m.catalogueId);
  const doneLine = (m: EpisodeMeasure) => (
    <li key={m.id} className="measure-done" data-testid="measure-done">
      ✓ {t("measures.done", { date: shortDay(m.doneDate, lang), who: m.doneBy ?? m.recordedBy })}
      {m.text && <span> — {m.text}</span>}
      {m.note && <span className="muted"> — {m.note}</span>}
    </li>
  );
  return (
    <section className="card" data-testid="episode-measures">
      <h2>{t("measures.heading")}</h2>
      <p className="muted small">{t("measures.lead")}</p>
      {!props.mayRecord && detail.episode.state.status === "open" && (
        <p className="muted small">{t("measures.notAllowed")}</p>
      )}
      <ul className="measure-list">
        {catalogue.map((measure) => {
          const done = byCatalogue.get(measure.id) ?? [];
          return (
            <li
              key={measure.id}
              className={done.length > 0 ? "measure measure--done" : "measure"}
              data-testid={`measure-${measure.id}`}
            >
              <div className="measure-head">
                <span className="measure-check" aria-hidden="true">
                  {done.length > 0 ? "☑" : "☐"}
                </span>
                <span className="measure-title">{measure.title[lang]}</span>
                <span className="measure-page">{t("measures.page", { pages: measure.source.pages })}</span>
              </div>
              <details className="measure-words">
                <summary>{t("measures.manualWords")}</summary>
                <p>「{measure.words}」</p>
                <p className="muted small">{measure.source.section}</p>
              </details>
              {measure.tool === "disinfection-vomit" && (
                <p className="measure-tool">
                  <Link href="/disinfection?use=vomit" data-testid="measure-disinfection-link">
                    {t("measures.disinfection")} ›
                  </Link>
                </p>
              )}
              {done.length > 0 && <ul className="measure-done-list">{done.map(doneLine)}</ul>}
              {props.mayRecord && (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="measure-record"
                  onClick={() => props.onRecord(measure)}
                >
                  {t("measures.record")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{t("measures.free")}</h3>
      {free.length > 0 && (
        <ul className="measure-done-list" data-testid="measures-free">
          {free.map(doneLine)}
        </ul>
      )}
      {props.mayRecord && (
        <button
          type="button"
          className="btn"
          data-testid="measure-free-add"
          onClick={() => props.onRecord(null)}
        >
          {t("measures.freeAdd")}
        </button>
      )}
    </section>
  );
}

function MeasureForm(props: {
  measure: OutbreakMeasure | null;
  today: string;
  lang: Lang;
  submit: (body: {
    id: string;
    catalogueId?: string;
    text?: string;
    doneDate: string;
    doneBy?: string;
    note?: string;
  }) => Promise<EpisodeDetail>;
  onSaved: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const [id] = useState(newId);
  const [doneDate, setDoneDate] = useState(props.today);
  const [text, setText] = useState("");
  const [doneBy, setDoneBy] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = episodeErrors(t, props.lang, error);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      props.onSaved(
        await props.submit({
          id,
          ...(props.measure ? { catalogueId: props.measure.id } : { text: text.trim() }),
          doneDate,
          ...(doneBy.trim() ? { doneBy: doneBy.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form className="episode-form" onSubmit={(e) => void save(e)}>
      {!props.measure && (
        <label className="field">
          <span className="field-label">{t("measures.freeText")}</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={500}
            data-testid="measure-text"
            required
          />
          {problem.fields.text && <span className="field-error">{problem.fields.text}</span>}
        </label>
      )}
      <label className="field">
        <span className="field-label">{t("measures.doneDate")}</span>
        <input
          type="date"
          value={doneDate}
          max={props.today}
          onChange={(e) => setDoneDate(e.target.value)}
          data-testid="measure-date"
          required
        />
        {problem.fields.doneDate && (
          <span className="field-error" data-testid="measure-date-error">
            {problem.fields.doneDate}
          </span>
        )}
      </label>
      <label className="field">
        <span className="field-label">{t("measures.doneBy")}</span>
        <input
          value={doneBy}
          onChange={(e) => setDoneBy(e.target.value)}
          maxLength={100}
          data-testid="measure-by"
        />
      </label>
      <label className="field">
        <span className="field-label">{t("measures.note")}</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          data-testid="measure-note"
        />
      </label>
      {problem.line && <p className="field-error">{problem.line}</p>}
      {Object.entries(problem.fields)
        .filter(([path]) => !["doneDate", "text"].includes(path))
        .map(([path, message]) => (
          <p key={path} className="field-error">
            {message}
          </p>
        ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="measure-save">
          {t("measures.save")}
        </button>
      </div>
    </form>
  );
}

function ResolveForm(props: {
  held: EpisodeCase;
  today: string;
  lang: Lang;
  submit: (resolvedDate: string) => Promise<EpisodeDetail>;
  onSaved: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const [day, setDay] = useState(props.held.resolvedDate ?? props.today);
  const [error, setError] = useState<unknown>(null);
  const problem = episodeErrors(t, props.lang, error);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onSaved(await props.submit(day));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="episode-form" onSubmit={(e) => void save(e)}>
      <label className="field">
        <span className="field-label">{t("cases.resolvedLabel")}</span>
        <input
          type="date"
          value={day}
          min={props.held.onsetDate}
          max={props.today}
          onChange={(e) => setDay(e.target.value)}
          data-testid="resolve-date"
          required
        />
        {(problem.fields.resolvedDate ?? problem.line) && (
          <span className="field-error">{problem.fields.resolvedDate ?? problem.line}</span>
        )}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="resolve-save">
          {t("cases.save")}
        </button>
      </div>
    </form>
  );
}

function Timeline({
  detail,
  lang,
  personName,
}: {
  detail: EpisodeDetail;
  lang: Lang;
  personName: (id: string) => string;
}) {
  const { t } = useTranslation("episodes");
  const titleOf = (ref: string | null) =>
    ref ? (outbreakMeasuresFor(detail.episode.subject).find((m) => m.id === ref)?.title[lang] ?? "") : "";
  return (
    <section className="card" data-testid="episode-timeline">
      <h2>{t("timeline.heading")}</h2>
      <ol className="episode-timeline">
        {detail.timeline.map((entry) => (
          <li
            key={`${entry.kind}-${entry.at}-${entry.ref ?? ""}-${entry.text ?? ""}`}
            className={`timeline-${entry.kind}`}
          >
            <span className="timeline-day">{shortDay(entry.day, lang)}</span>
            <span className="timeline-what">
              {t(`timeline.${entry.kind}`)}
              {entry.kind === "measure" && `：${entry.text ?? titleOf(entry.ref)}`}
              {entry.kind === "case" && entry.ref && `：${personName(entry.ref)}`}
              {entry.kind !== "measure" && entry.kind !== "case" && entry.text && `：${entry.text}`}
            </span>
            <span className="timeline-who muted">{entry.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CloseSection(props: {
  detail: EpisodeDetail;
  lang: Lang;
  facilityId: string;
  mayClose: boolean;
  onUpdated: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const api = useApi();
  const { detail, lang } = props;
  const { episode, today } = detail;
  const [decision, setDecision] = useState("");
  const [decisionDate, setDecisionDate] = useState(today);
  const [override, setOverride] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const problem = episodeErrors(t, lang, error);
  const open = episode.state.status === "open";
  const notYet = decisionDate < episode.state.eligibleOn;

  const close = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onUpdated(
        await api.episodes.close(props.facilityId, episode.id, {
          decision: decision.trim(),
          decisionDate,
          ...(notYet && override.trim() ? { overrideReason: override.trim() } : {}),
        }),
      );
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  const reopen = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onUpdated(await api.episodes.reopen(props.facilityId, episode.id, reason.trim()));
      setReason("");
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  if (!open)
    return (
      <section className="card" data-testid="episode-closed">
        <h2>{t("close.heading")}</h2>
        <p data-testid="episode-decision">{t("close.decided", { decision: episode.decision ?? "" })}</p>
        {episode.overrideReason && <p>{t("close.overrideReason", { reason: episode.overrideReason })}</p>}
        {props.mayClose && (
          <form className="episode-form no-print" onSubmit={(e) => void reopen(e)}>
            <label className="field">
              <span className="field-label">{t("close.reopenReason")}</span>
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                maxLength={2000}
                data-testid="reopen-reason"
              />
            </label>
            {problem.line && <p className="field-error">{problem.line}</p>}
            {Object.values(problem.fields).map((message) => (
              <p key={message} className="field-error">
                {message}
              </p>
            ))}
            <button type="submit" className="btn" data-testid="reopen-submit">
              {t("close.reopenSubmit")}
            </button>
          </form>
        )}
      </section>
    );

  return (
    <section className="card no-print" data-testid="episode-close">
      <h2>{t("close.heading")}</h2>
      {!props.mayClose ? (
        <p className="muted">{t("close.onlyLead")}</p>
      ) : (
        <form className="episode-form" onSubmit={(e) => void close(e)}>
          <p className="muted small">{t("close.lead")}</p>
          {episode.state.openCaseCount > 0 && (
            <p className="notice notice--error" data-testid="close-ill">
              {t("close.ill", { count: episode.state.openCaseCount })}
            </p>
          )}
          <label className="field">
            <span className="field-label">{t("close.decision")}</span>
            <textarea
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
              rows={3}
              maxLength={2000}
              required
              data-testid="close-decision"
            />
            {problem.fields.decision && <span className="field-error">{problem.fields.decision}</span>}
          </label>
          <label className="field">
            <span className="field-label">{t("close.decisionDate")}</span>
            <input
              type="date"
              value={decisionDate}
              min={episode.openedDate}
              max={today}
              onChange={(e) => setDecisionDate(e.target.value)}
              required
              data-testid="close-date"
            />
            {problem.fields.decisionDate && (
              <span className="field-error">{problem.fields.decisionDate}</span>
            )}
          </label>
          {notYet && (
            <label className="field">
              <span className="field-label">{t("close.override")}</span>
              <span className="muted small">
                {t("close.notYet", { date: formatDay(episode.state.eligibleOn, lang) })}
              </span>
              <textarea
                value={override}
                onChange={(e) => setOverride(e.target.value)}
                rows={2}
                maxLength={2000}
                data-testid="close-override"
              />
              {problem.fields.overrideReason && (
                <span className="field-error">{problem.fields.overrideReason}</span>
              )}
            </label>
          )}
          {problem.fields.cases && (
            <p className="field-error" data-testid="close-error-cases">
              {problem.fields.cases}
            </p>
          )}
          {problem.line && <p className="field-error">{problem.line}</p>}
          <button type="submit" className="btn btn-primary" data-testid="close-submit">
            {t("close.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
