import {
  type EpisodeInput,
  type EvaluateFacilityResult,
  evaluateFacility,
  type ObservationInput,
  type PersonInput,
} from "@mamori/domain/surveillance";
import type { AlertsResult } from "../api/records-types.ts";
import type { Person } from "../api/types.ts";

// Alerts for the alert screens' tests, made by the real rules engine from a small Tokyo facility: 12 residents over
// two units and one care worker. On 2026-01-10 eleven residents start vomiting within the morning (the 24-hour cluster
// of manual p.54, and criterion B of p.48: 10 or more people), and one more runs 38.4 °C (fever, p.33). Every other
// day from 2026-01-03 to 2026-01-18 everyone is checked with nothing new.

export const CLUSTER_DAY = "2026-01-10";

const UNIT_OF = (i: number) => (i <= 6 ? "unit-1" : "unit-2");

/** The people as GET /api/people gives them. */
export const FIXTURE_PEOPLE: Person[] = [
  ...Array.from({ length: 12 }, (_, k) => {
    const i = k + 1;
    const id = `p${String(i).padStart(2, "0")}`;
    return {
      id,
      name: `入所者${i} ${["花子", "太郎", "和子", "一郎", "幸子", "茂"][k % 6]}`,
      nameKana: null,
      kind: "resident" as const,
      job: null,
      unit: UNIT_OF(i) === "unit-1" ? "1階 さくらユニット" : "2階 もみじユニット",
      unitId: UNIT_OF(i),
      room: `${UNIT_OF(i) === "unit-1" ? 1 : 2}0${(k % 6) + 1}号室`,
      roomId: null,
      baselineTempC: 36.2,
      birthDate: null,
      active: true,
    };
  }),
  {
    id: "s01",
    name: "介護 花子",
    nameKana: null,
    kind: "staff",
    job: "care",
    unit: "1階 さくらユニット",
    unitId: "unit-1",
    room: null,
    roomId: null,
    baselineTempC: null,
    birthDate: null,
    active: true,
  },
];

function observations(): ObservationInput[] {
  const list: ObservationInput[] = [];
  // Quiet rounds for a week before the cluster and a week after it.
  for (const d of [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18]) {
    const day = `2026-01-${String(d).padStart(2, "0")}`;
    for (const p of FIXTURE_PEOPLE)
      list.push({ personId: p.id, at: `${day}T07:30:00+09:00`, tempC: 36.4, symptoms: [] });
  }
  for (let i = 1; i <= 11; i++) {
    const minute = String(i * 4).padStart(2, "0");
    list.push({
      personId: `p${String(i).padStart(2, "0")}`,
      at: `${CLUSTER_DAY}T07:${minute}:00+09:00`,
      symptoms: ["vomiting"],
    });
  }
  list.push({ personId: "p12", at: `${CLUSTER_DAY}T07:50:00+09:00`, tempC: 38.4, symptoms: [] });
  return list;
}

/**
 * The engine's answer as the API gives it, for `lookback` days ending at `asOf`; `episodes` for outbreaks declared or
 * closed by the committee.
 */
export function fixtureAlerts(asOf: string, lookback: number, episodes: EpisodeInput[] = []): AlertsResult {
  const people: PersonInput[] = FIXTURE_PEOPLE.map((p) => ({
    id: p.id,
    kind: p.kind,
    job: p.job,
    unit: p.unitId,
    baselineTempC: p.baselineTempC,
  }));
  const result: EvaluateFacilityResult = evaluateFacility({
    facility: { id: "f1", timeZone: "Asia/Tokyo" },
    people,
    observations: observations(),
    asOf,
    lookbackDays: lookback,
    episodes,
  });
  return JSON.parse(JSON.stringify(result)) as AlertsResult;
}
