import type { EvaluateFacilityInput } from "./evaluate-facility.ts";
import type { ObservationInput, PersonInput } from "./inputs.ts";
import type { SymptomCode } from "./symptoms.ts";

/**
 * Small builders for the surveillance tests (not part of the public API): Tokyo instants, people and scenarios.
 */

/** An instant in Tokyo: `tokyo("2026-01-10", "08:30")` → `2026-01-10T08:30:00+09:00`. */
export function tokyo(day: string, time = "09:00"): string {
  return `${day}T${time}:00+09:00`;
}

/** `count` residents `r01`, `r02`, … with a usual temperature of 36.2 °C. */
export function residents(count: number, prefix = "r"): PersonInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(2, "0")}`,
    kind: "resident" as const,
    baselineTempC: 36.2,
  }));
}

/** `count` care staff `s01`, `s02`, …. */
export function staff(count: number): PersonInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${String(i + 1).padStart(2, "0")}`,
    kind: "staff" as const,
    job: "care" as const,
  }));
}

/** One observation. */
export function seen(
  personId: string,
  at: string,
  symptoms: SymptomCode[] = [],
  tempC?: number,
): ObservationInput {
  return tempC === undefined ? { personId, at, symptoms } : { personId, at, symptoms, tempC };
}

/** A daily "checked, none" round for each person on each day from `from` for `days` days. */
export function quietRounds(
  personIds: readonly string[],
  from: string,
  days: number,
  time = "09:00",
): ObservationInput[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const rounds: ObservationInput[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (const id of personIds)
      rounds.push({ personId: id, at: tokyo(day, time), symptoms: [], tempC: 36.4 });
  }
  return rounds;
}

/** A scenario with a Tokyo facility and defaults for everything not given. */
export function scenario(
  parts: Partial<EvaluateFacilityInput> & Pick<EvaluateFacilityInput, "asOf">,
): EvaluateFacilityInput {
  return {
    facility: { id: "f1", type: "elderly_care", timeZone: "Asia/Tokyo" },
    people: [],
    observations: [],
    ...parts,
  };
}

/** Codes and days of the alerts, as `DAY CODE SUBJECT` lines, for compact expectations. */
export function alertLines(result: {
  alerts: readonly { code: string; day: string; subject: object }[];
}): string[] {
  return result.alerts.map((alert) => `${alert.day} ${alert.code} ${Object.values(alert.subject).join("/")}`);
}
