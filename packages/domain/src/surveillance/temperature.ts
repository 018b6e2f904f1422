/**
 * Fever and low-grade fever from one body temperature.
 *
 * Source: manual p.33–34 and 付録4① (facility-surveillance.md §2): fever is 38.0 °C or more, or a rise of 1.0 °C or more
 * over the person's usual temperature (平熱より1℃以上の上昇) when it is known; low-grade fever (微熱) is 37.5 °C up to
 * 38.0 °C when the usual-temperature rule does not already make it a fever.
 */
export const FEVER_THRESHOLD_C = 38.0;
export const LOW_GRADE_FEVER_THRESHOLD_C = 37.5;
export const FEVER_RISE_OVER_USUAL_C = 1.0;

/** The lowest and highest body temperatures a thermometer reading is accepted as (°C). */
export const TEMPERATURE_RANGE_C = { min: 30, max: 45 } as const;

export type TemperatureClass = "fever" | "low_grade_fever" | "normal";

/**
 * Classifies a temperature as fever, low-grade fever or normal.
 *
 * Temperatures are compared in tenths of a degree, as thermometers show them, so that 36.2 + 1.0 is exactly 37.2 and no
 * floating-point residue moves a reading across a cut-off.
 *
 * @param tempC body temperature in °C
 * @param baselineTempC the person's usual temperature in °C, when known
 * @example classifyTemperature(38.0) // "fever"
 * @example classifyTemperature(37.2, 36.2) // "fever" (usual + 1.0)
 * @example classifyTemperature(37.6) // "low_grade_fever"
 */
export function classifyTemperature(tempC: number, baselineTempC?: number | null): TemperatureClass {
  const tenths = Math.round(tempC * 10);
  if (tenths >= Math.round(FEVER_THRESHOLD_C * 10)) return "fever";
  if (baselineTempC != null && tenths >= Math.round((baselineTempC + FEVER_RISE_OVER_USUAL_C) * 10))
    return "fever";
  if (tenths >= Math.round(LOW_GRADE_FEVER_THRESHOLD_C * 10)) return "low_grade_fever";
  return "normal";
}
