import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoutineRecord } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { ObligationRow } from "../../components/obligations/ObligationsPanel.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { addDays, todayIn } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { useSave } from "./use-save.ts";

const DOCUMENTS = ["guideline", "manual"] as const;
type DocumentKind = (typeof DOCUMENTS)[number];
/** Versions of the last ten years are listed: more than twice the longest retention most facilities set. */
const SHOWN_YEARS = 10;

/**
 * The facility's infection-control guideline and manual as versioned documents (manual §3 2), p.14–16): each version
 * with its day and what changed, the yearly review's state from the schedule, and each staff member's confirmation
 * that they have read the version (職員に周知).
 */
export function GuidelinePage({ manages }: { manages: boolean }) {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : null;
  const fetch = useCallback(async () => {
    if (today === null || !facility) return null;
    const [versions, obligations] = await Promise.all([
      api.routine.records(["guideline_version"], addDays(today, -365 * SHOWN_YEARS), today),
      api.routine.obligations(facility.id).catch(() => null),
    ]);
    return { versions, review: obligations?.items.find((i) => i.code === "GUIDELINE_REVIEW") ?? null };
  }, [api, today, facility]);
  const { data, error, reload } = useLoad(today === null ? null : fetch);
  const save = useSave();
  const [date, setDate] = useState<string | null>(null);
  const [document, setDocument] = useState<DocumentKind>("guideline");
  const [version, setVersion] = useState("");
  const [summary, setSummary] = useState("");
  if (today === null || !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  const day = date ?? today;

  const submit = () =>
    save.run(async () => {
      await api.routine.create("guideline_version", {
        id: newId(),
        date: day,
        data: { document, version: version.trim(), ...(summary.trim() ? { summary: summary.trim() } : {}) },
      });
      setVersion("");
      setSummary("");
      await reload();
    });
  const acknowledge = async (id: string) => {
    await api.routine.acknowledge(id);
    await reload();
  };
  // "3" reads 第3版; a version written in words (第4版, 2026年度版) is shown as written.
  const versionLabel = (version: string) =>
    /^\d+(\.\d+)*$/.test(version) ? t("guideline.versionLabel", { version }) : version;
  const latestOf = (doc: DocumentKind): RoutineRecord | undefined =>
    data.versions.filter((v) => v.data.document === doc).at(-1);

  return (
    <div className="routine-grid">
      <section className="card" data-testid="guideline-versions">
        <h2>{t("guideline.title")}</h2>
        {data.review && (
          <ul className="obligations-list">
            <ObligationRow item={data.review} today={today} />
          </ul>
        )}
        {data.versions.length === 0 && <p className="muted">{t("guideline.none")}</p>}
        {DOCUMENTS.map((doc) => {
          const versions = data.versions.filter((v) => v.data.document === doc).reverse();
          if (versions.length === 0) return null;
          return (
            <div key={doc}>
              <h3>{t(`labels.${doc}`)}</h3>
              <ul className="record-history">
                {versions.map((v) => {
                  const read = v.acknowledgements.some((a) => a.userId === user.id);
                  const current = latestOf(doc)?.id === v.id;
                  return (
                    <li key={v.id} data-testid="guideline-version">
                      <strong>{versionLabel(String(v.data.version))}</strong>{" "}
                      {shortDay(v.date, i18n.language, today)}
                      {current && (
                        <span className="obligation-badge obligation-badge--ok">
                          {t("guideline.current")}
                        </span>
                      )}
                      {typeof v.data.summary === "string" && <p>{v.data.summary}</p>}
                      <div className="quick-row" style={{ borderBottom: 0 }}>
                        <span className="muted">
                          {t("committee.readCount", { count: v.acknowledgements.length })}
                        </span>
                        {read ? (
                          <span className="quick-done">✓ {t("committee.readDone")}</span>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => void acknowledge(v.id)}
                            data-testid="guideline-read"
                          >
                            {t("committee.read")}
                          </button>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>
      {manages && (
        <section className="card" data-testid="guideline-form">
          <h2>{t("guideline.new")}</h2>
          <p className="muted">{t("guideline.lead")}</p>
          <form
            className="routine-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="routine-grid">
              <label>
                {t("guideline.document")}
                <select
                  value={document}
                  onChange={(e) => setDocument(e.target.value as DocumentKind)}
                  data-testid="guideline-document"
                >
                  {DOCUMENTS.map((d) => (
                    <option key={d} value={d}>
                      {t(`labels.${d}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("guideline.date")}
                <input type="date" value={day} max={today} onChange={(e) => setDate(e.target.value)} />
              </label>
            </div>
            <label>
              {t("guideline.version")}
              <input
                type="text"
                value={version}
                placeholder={t("guideline.versionPlaceholder")}
                onChange={(e) => setVersion(e.target.value)}
                data-testid="guideline-version-input"
              />
            </label>
            <label>
              {t("guideline.summary")}
              <textarea
                rows={3}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                data-testid="guideline-summary"
              />
            </label>
            <ErrorNotice error={save.error} />
            {save.saved && <p className="notice notice--ok">{t("guideline.saved")}</p>}
            <button
              type="submit"
              className="btn btn-primary btn-save"
              disabled={save.busy || version.trim() === ""}
              data-testid="guideline-save"
            >
              {t("guideline.save")}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
