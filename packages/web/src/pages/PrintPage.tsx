import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Round } from "../api/types.ts";
import { DailyReportSheet } from "../components/DailyReportSheet.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { isDay, todayIn } from "../lib/dates.ts";
import { reportLines } from "../round/daily-report.ts";
import { buildRows, sectionsOf } from "../round/round-state.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useOutboxItems } from "../state/OutboxProvider.tsx";

/** The 健康調査日報 of one unit and day as it will print on A4, with a print button above it. */
export function PrintPage({ unitId, date }: { unitId: string; date: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { facility } = useFacility();
  const items = useOutboxItems();
  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printedAt] = useState(() => new Date().toISOString());

  const timeZone = facility?.timeZone ?? "Asia/Tokyo";
  const day = isDay(date) ? date : todayIn(timeZone);

  useEffect(() => {
    let cancelled = false;
    api.round(unitId, day).then(
      (r) => !cancelled && setRound(r),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, unitId, day]);

  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link href={`/round/${unitId}/${day}`} className="btn btn-ghost" data-testid="print-back">
          ‹ {t("print.back")}
        </Link>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="print-button"
          disabled={round === null}
          onClick={() => globalThis.print()}
        >
          {t("print.button")}
        </button>
      </div>
      <ErrorNotice error={error} />
      {round === null && !error && <p className="muted no-print">{t("app.loading")}</p>}
      {round && (
        <DailyReportSheet
          facilityName={facility?.name ?? ""}
          unitName={round.unit.name}
          day={round.date}
          lines={reportLines(sectionsOf(buildRows(round, items)).flatMap((section) => section.rows))}
          timeZone={timeZone}
          printedAt={printedAt}
        />
      )}
    </div>
  );
}
