import { OBLIGATION_SCHEDULE, type ObligationCode } from "@mamori/domain/obligations";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoutineSettings } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useSave } from "./use-save.ts";

type Key = keyof RoutineSettings;

/**
 * Each setting: its bounds (the server's, packages/server/src/routes/routine/schema.ts), its default, and the rules it
 * changes — the obligations whose source is shown next to it, or the manual's words on staff returning to work.
 */
const FIELDS: readonly { key: Key; min: number; max: number; default: number; codes: ObligationCode[] }[] = [
  { key: "committeeEveryMonths", min: 1, max: 12, default: 3, codes: ["COMMITTEE"] },
  { key: "guidelineReviewMonths", min: 1, max: 36, default: 12, codes: ["GUIDELINE_REVIEW"] },
  { key: "regularTrainingsPerYear", min: 1, max: 12, default: 2, codes: ["REGULAR_TRAINING"] },
  { key: "fiscalYearStartMonth", min: 1, max: 12, default: 4, codes: ["REGULAR_TRAINING"] },
  { key: "newHireTrainingDays", min: 1, max: 180, default: 30, codes: ["NEW_HIRE_TRAINING"] },
  { key: "healthCheckEveryMonths", min: 1, max: 24, default: 12, codes: ["STAFF_HEALTH_CHECK"] },
  {
    key: "fluVaccineDueMonth",
    min: 10,
    max: 12,
    default: 12,
    codes: ["STAFF_FLU_VACCINE", "RESIDENT_FLU_VACCINE"],
  },
  { key: "circulatingBathWaterChangeDays", min: 1, max: 7, default: 7, codes: ["BATH_WATER_CHANGE"] },
  { key: "retentionYears", min: 3, max: 30, default: 5, codes: ["BATH_CHLORINE"] },
  { key: "influenzaDaysAfterOnset", min: 0, max: 14, default: 5, codes: [] },
  { key: "influenzaDaysAfterFever", min: 0, max: 7, default: 2, codes: [] },
  { key: "giSymptomFreeDays", min: 0, max: 14, default: 2, codes: [] },
];

/**
 * The facility's routine settings (for the infection-control lead, the director and the administrator): each rule's
 * number with its unit, the default, and where the rule comes from; saved together, checked by the server and audited.
 */
export function SettingsPage() {
  const { t } = useTranslation("routine");
  const api = useApi();
  const fetch = useCallback(() => api.routine.settings(), [api]);
  const { data, error, reload } = useLoad(fetch);
  const [draft, setDraft] = useState<Partial<Record<Key, string>>>({});
  const save = useSave();
  if (!data) return <ErrorNotice error={error} onRetry={() => void reload()} />;

  const value = (key: Key) => draft[key] ?? String(data[key]);
  const bad = FIELDS.filter((f) => {
    const v = value(f.key).trim();
    const n = Number(v);
    return v === "" || !Number.isInteger(n) || n < f.min || n > f.max;
  }).map((f) => f.key);
  const submit = () =>
    save.run(async () => {
      const settings = Object.fromEntries(
        FIELDS.map((f) => [f.key, Number(value(f.key))]),
      ) as unknown as RoutineSettings;
      await api.routine.saveSettings(settings);
      setDraft({});
      await reload();
    });

  return (
    <section className="card" data-testid="routine-settings">
      <h2>{t("settings.title")}</h2>
      <p className="muted">{t("settings.lead")}</p>
      <form
        className="routine-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {FIELDS.map((f) => (
          <div key={f.key} className="setting-row" data-testid={`setting-${f.key}`}>
            <label>
              {t(`settings.field.${f.key}`)}
              <span className="setting-input">
                <input
                  type="number"
                  inputMode="numeric"
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={value(f.key)}
                  aria-invalid={bad.includes(f.key) || undefined}
                  onChange={(e) => {
                    save.reset();
                    setDraft({ ...draft, [f.key]: e.target.value });
                  }}
                  data-testid={`setting-input-${f.key}`}
                />
                <span>{t(`settings.unit.${f.key}`)}</span>
              </span>
            </label>
            <p className="muted setting-hint">
              {t("settings.range", { min: f.min, max: f.max, default: f.default })}
              {bad.includes(f.key) && (
                <strong className="chlorine-verdict--bad"> {t("settings.outOfRange")}</strong>
              )}
            </p>
            <details className="setting-source">
              <summary>{t("panel.why")}</summary>
              {f.codes.length > 0 ? (
                f.codes.map((code) => {
                  const { rule, source } = OBLIGATION_SCHEDULE[code];
                  return (
                    <div key={code}>
                      <p>{rule}</p>
                      <blockquote>「{source.quote}」</blockquote>
                      <p className="muted">
                        {source.document}　{source.section}　
                        {t("panel.page", { pages: source.pages.join("・") })}
                      </p>
                    </div>
                  );
                })
              ) : (
                <p>{f.key === "giSymptomFreeDays" ? t("settings.sourceGi") : t("settings.sourceFlu")}</p>
              )}
              {f.key === "retentionYears" && <p>{t("settings.retentionNote")}</p>}
            </details>
          </div>
        ))}
        <ErrorNotice error={save.error} />
        {save.saved && (
          <p className="notice notice--ok" data-testid="settings-saved">
            {t("settings.saved")}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-save"
          disabled={save.busy || bad.length > 0}
          data-testid="settings-save"
        >
          {t("settings.save")}
        </button>
      </form>
    </section>
  );
}
