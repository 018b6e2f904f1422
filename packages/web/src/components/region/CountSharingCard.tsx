import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

/**
 * The director's or administrator's switch: share the facility's daily new-onset counts (numbers per kind of
 * symptoms, no names) with its health centre's region view, or stop. The server dates and audits the change.
 */
export function CountSharingCard() {
  const { t, i18n } = useTranslation("region");
  const lang = asLang(i18n.language);
  const api = useApi();
  const fetch = useMemo(() => () => api.region.sharing(), [api]);
  const sharing = useLoad(fetch);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const data = sharing.data;

  const change = async (share: boolean) => {
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await api.region.setSharing(share);
      await sharing.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="report-section" data-testid="count-sharing">
      <h2>{t("sharing.heading")}</h2>
      <ErrorNotice error={sharing.error ?? error} onRetry={() => void sharing.reload()} />
      {data &&
        (data.healthCentre === null ? (
          <p className="muted">{t("sharing.noOffice")}</p>
        ) : (
          <>
            <p className="small">{t("sharing.lead", { office: data.healthCentre.name })}</p>
            <p data-testid="count-sharing-state">
              <strong>
                {data.shared && data.since
                  ? t("sharing.on", { day: shortDay(data.since.slice(0, 10), lang) })
                  : t("sharing.off")}
              </strong>
            </p>
            <button
              type="button"
              className={data.shared ? "btn" : "btn btn-primary"}
              disabled={saving}
              data-testid="count-sharing-toggle"
              onClick={() => void change(!data.shared)}
            >
              {data.shared ? t("sharing.turnOff") : t("sharing.turnOn")}
            </button>
            {saved && (
              <span className="muted small" role="status">
                {" "}
                {t("sharing.saved")}
              </span>
            )}
          </>
        ))}
    </section>
  );
}
