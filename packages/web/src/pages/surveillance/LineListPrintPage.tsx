import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { LineListSheet } from "../../components/surveillance/LineListSheet.tsx";
import { todayIn } from "../../lib/dates.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import "../../components/surveillance/surveillance.css";

/** Who is ill now as it prints on A4 landscape, with a print button above it and the way back to the home. */
export function LineListPrintPage() {
  const { t } = useTranslation("surveillance");
  const { t: tForms } = useTranslation("forms");
  const api = useApi();
  const { facility } = useFacility();
  const facilityId = facility?.id ?? null;
  const fetch = useMemo(() => (facilityId ? () => api.lineList(facilityId) : null), [api, facilityId]);
  const { data, error, reload } = useLoad(fetch);
  const printedOn = todayIn(facility?.timeZone ?? "Asia/Tokyo");

  return (
    <div className="form-page line-print-page">
      <div className="form-toolbar no-print">
        <Link href="/" className="btn btn-ghost" data-testid="line-print-back">
          ‹ {t("sheet.back")}
        </Link>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          data-testid="line-print-button"
          disabled={!data || !facility}
          onClick={() => globalThis.print()}
        >
          {t("sheet.print")}
        </button>
      </div>
      <p className="form-lead no-print">{t("sheet.lead")}</p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {!data && !error && <p className="muted no-print">{t("sheet.loading")}</p>}
      {data && facility && (
        <>
          <p className="form-scroll-hint no-print" id="line-print-scroll-hint">
            ⇆ {tForms("common.scrollHint")}
          </p>
          <section
            className="form-scroll"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a sheet that scrolls sideways on a phone must be reachable and scrollable by keyboard.
            tabIndex={0}
            aria-describedby="line-print-scroll-hint"
            aria-label={t("sheet.title")}
          >
            <LineListSheet facility={facility} result={data} printedOn={printedOn} />
          </section>
        </>
      )}
    </div>
  );
}
