import { GROUP_TEXT } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { RegionAlert } from "../../api/region.ts";
import { asLang, type Lang } from "../../lib/labels.ts";

type T = ReturnType<typeof useTranslation<"region">>["t"];

/** One alert of a facility in words: which criterion or notice, for what, how many, and the days it held. */
export function regionAlertText(alert: RegionAlert, asOfDay: string, t: T, lang: Lang): string {
  const subject = alert.group
    ? GROUP_TEXT[alert.group].name[lang]
    : (alert.diseaseName?.[lang] ?? alert.disease ?? "");
  const values = {
    subject,
    count: alert.count,
    threshold: alert.threshold ?? "",
  };
  const words =
    alert.criterion === "A"
      ? t("alerts.A", values)
      : alert.criterion === "B"
        ? alert.users
          ? t("alerts.BUsers", { ...values, count: alert.users.count, total: alert.users.total })
          : alert.threshold === null
            ? t("alerts.BCount", values)
            : t("alerts.B", values)
        : alert.criterion === "C"
          ? t("alerts.C", values)
          : t(
              `alerts.${alert.code as "NORO_CLUSTER_24H" | "OUTBREAK_END_ELIGIBLE" | "NOTIFY_DEADLINE"}`,
              values,
            );
  const since = shortDay(alert.since, lang);
  const day = shortDay(alert.day, lang);
  const period =
    alert.day === asOfDay
      ? alert.since === asOfDay
        ? t("alerts.periodToday")
        : t("alerts.periodFrom", { since })
      : alert.since === alert.day
        ? t("alerts.periodDay", { day })
        : t("alerts.periodSpan", { since, day });
  return words + period;
}

/** A facility's alerts as a list of sentences, reporting criteria first (the server's order). */
export function RegionFacilityAlerts({
  alerts,
  asOfDay,
}: {
  alerts: readonly RegionAlert[];
  asOfDay: string;
}) {
  const { t, i18n } = useTranslation("region");
  const lang = asLang(i18n.language);
  if (alerts.length === 0) return null;
  return (
    <ul className="region-alerts" data-testid="region-alerts">
      {alerts.map((alert) => (
        <li
          key={`${alert.code}-${alert.group ?? alert.disease}`}
          className={
            alert.criterion === "A" || alert.criterion === "B" ? "region-alert is-report" : "region-alert"
          }
          data-code={alert.code}
        >
          {regionAlertText(alert, asOfDay, t, lang)}
        </li>
      ))}
    </ul>
  );
}
