import { classifyTemperature, FEVER_THRESHOLD_C, type TemperatureClass } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";

type Props =
  | { temperatureClass: TemperatureClass | null; tempC?: undefined; baselineTempC?: undefined }
  | { tempC: number | null; baselineTempC: number | null; temperatureClass?: undefined };

/**
 * 発熱 or 微熱, decided from the person's usual temperature (38.0 °C or usual + 1.0 °C; 37.5 °C up to 38.0 °C —
 * manual p.33–34 via `classifyTemperature`). Shows nothing for a normal reading or none.
 */
export function FeverBadge(props: Props) {
  const { t } = useTranslation();
  const cls =
    props.temperatureClass !== undefined
      ? props.temperatureClass
      : props.tempC === null || props.tempC === undefined
        ? null
        : classifyTemperature(props.tempC, props.baselineTempC);
  if (cls !== "fever" && cls !== "low_grade_fever") return null;
  // Say why when the usual temperature, not the 38.0 °C line, made it a fever.
  const byBaseline =
    cls === "fever" && props.tempC != null && Math.round(props.tempC * 10) < FEVER_THRESHOLD_C * 10;
  return (
    <span className="fever">
      <span className={`badge badge--${cls}`} data-testid="fever-badge" data-class={cls} role="status">
        {t(`fever.${cls}`)}
      </span>
      {byBaseline && (
        <span className="fever-why" data-testid="fever-by-baseline">
          {t("fever.byBaseline")}
        </span>
      )}
    </span>
  );
}
