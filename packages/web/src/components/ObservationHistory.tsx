import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Revision } from "../api/types.ts";
import { formatInstant } from "../lib/dates.ts";
import { errorText } from "../lib/error-text.ts";
import { asLang, formatTempC, keptSymptomLabel } from "../lib/labels.ts";

interface Props {
  observationId: string;
  timeZone: string;
  load: (id: string) => Promise<Revision[]>;
}

/** Every version of one entry, newest first, with who changed it, when, and why. */
export function ObservationHistory({ observationId, timeZone, load }: Props) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    load(observationId).then(
      (list) => !cancelled && setRevisions([...list].sort((a, b) => b.version - a.version)),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [observationId, load]);

  if (error) return <p className="error">{errorText(t, error)}</p>;
  if (revisions === null) return <p className="muted">{t("app.loading")}</p>;
  if (revisions.length <= 1) return <p className="muted">{t("editor.noHistory")}</p>;
  return (
    <ol className="history" data-testid={`history-${observationId}`}>
      {revisions.map((r) => (
        <li key={r.version}>
          <strong>{t("editor.version", { version: r.version })}</strong>{" "}
          <span className="muted">
            {formatInstant(r.changedAt, timeZone, lang)}
            {r.changedBy ? ` · ${r.changedBy}` : ""}
          </span>
          <div>
            {r.tempC !== null ? `${formatTempC(r.tempC)}℃ ` : ""}
            {r.symptoms.length > 0
              ? r.symptoms.map((s) => keptSymptomLabel(s, lang)).join("・")
              : t("editor.nothingNew")}
            {r.note ? ` — ${r.note}` : ""}
          </div>
          {r.reason && <div className="muted">{`${t("editor.reasonShort")}: ${r.reason}`}</div>}
        </li>
      ))}
    </ol>
  );
}
