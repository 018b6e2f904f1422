import { type ChangeEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import { ApiError } from "../../api/errors.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

/**
 * The municipality's own report form: upload an .xlsx whose cells carry defined names (the server checks it and
 * lists names it does not know), or go back to the standard form. Its facilities' reports are saved in it as Excel.
 */
export function ReportTemplateCard() {
  const { t, i18n } = useTranslation("region");
  const lang = asLang(i18n.language);
  const api = useApi();
  const fetch = useMemo(() => () => api.region.template(), [api]);
  const info = useLoad(fetch);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown): string | null => {
    if (!(e instanceof ApiError) || e.status !== 400) return null;
    const field = e.fields[0];
    if (field?.code === "unknown_names")
      return t("template.unknownNames", { names: ((field.params?.names as string[]) ?? []).join("、") });
    if (field?.code === "too_large")
      return t("template.tooLarge", { max: Math.round((info.data?.maxBytes ?? 0) / 1024 / 1024) });
    if (field?.code === "no_names") return t("template.noNames");
    return t("template.notXlsx");
  };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await work();
      await info.reload();
      setMessage(done);
    } catch (e) {
      const text = explain(e);
      if (text) setMessage(text);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    void run(async () => api.region.uploadTemplate(file.name, await file.arrayBuffer()), t("template.saved"));
  };

  const current = info.data?.template ?? null;
  return (
    <section className="report-section" data-testid="report-template">
      <h2>{t("template.heading")}</h2>
      <p className="small">{t("template.lead")}</p>
      <ErrorNotice error={info.error ?? error} onRetry={() => void info.reload()} />
      {info.data && (
        <p data-testid="report-template-current">
          {current
            ? t("template.current", {
                name: current.fileName,
                day: shortDay(current.uploadedAt.slice(0, 10), lang),
              })
            : t("template.default")}
        </p>
      )}
      <label className="btn">
        {t("template.upload")}
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sr-only"
          disabled={busy}
          data-testid="report-template-file"
          onChange={onFile}
        />
      </label>
      {current && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={busy}
          onClick={() => void run(() => api.region.removeTemplate(), t("template.removed"))}
        >
          {t("template.remove")}
        </button>
      )}
      {message && (
        <p role="status" data-testid="report-template-message">
          {message}
        </p>
      )}
      {info.data && (
        <details className="small">
          <summary>{t("template.names")}</summary>
          <p>{info.data.knownNames.join("、")}</p>
        </details>
      )}
    </section>
  );
}
