import type { StandardBody } from "./breakpoints/tables.ts";
import { formatMic, type MicInterval, micAbove, micAtLeast } from "./mic.ts";
import { type Tri, triOr } from "./tri.ts";

/** Screening cut-offs for carbapenemase production (cre-reference.md §2.4). */
export const CPE_SCREEN = {
  /** 手引き第三版: meropenem MIC ≥ 0.25 mg/L. */
  guideMeropenemMicAtLeastMgL: 0.25,
  /** EUCAST: meropenem MIC > 0.125 mg/L … */
  eucastMeropenemMicAboveMgL: 0.125,
  /** … or a 10 µg meropenem zone < 28 mm (the only published zone cut-off, used for either standard). */
  meropenemZoneBelowMm: 28,
} as const;

export type CpeScreen = {
  positive: Tri;
  /** Which cut-offs were read, with the raw values: e.g. "meropenem MIC 4 ≥ 0.25". */
  checks: Array<{
    method: "mic" | "disk";
    value: string;
    comparison: "≥" | ">" | "<";
    threshold: number;
    result: Tri;
  }>;
  source: string;
};

/**
 * CPE screening on meropenem: positive at MIC ≥ 0.25 mg/L (guide; EUCAST labs: MIC > 0.125 mg/L), or a 10 µg meropenem
 * zone < 28 mm — even when the isolate is reported "S". A positive screen goes to mCIM or Carba NP. A qualified MIC that
 * straddles the cut-off ("≤0.25") gives "indeterminate" unless the zone decides; no meropenem value at all gives
 * "indeterminate".
 *
 * Source: guide 微生物学的診断 (guide pp.15–20: 「CPE のスクリーニング基準としてはメロペネムの MIC ≥0.25 μg/mL が推奨される」);
 * EUCAST guideline for the detection of resistance mechanisms v2.0 screening cut-off (cre-reference.md §2.4, S8, S23).
 * Units: mg/L, mm. @example screenCpe(parseMic("0.25"), undefined, "CLSI").positive // true
 */
export function screenCpe(
  mic: MicInterval | undefined,
  zoneMm: number | undefined,
  body: StandardBody,
): CpeScreen {
  const checks: CpeScreen["checks"] = [];
  if (mic) {
    if (body === "EUCAST") {
      const t = CPE_SCREEN.eucastMeropenemMicAboveMgL;
      checks.push({
        method: "mic",
        value: formatMic(mic),
        comparison: ">",
        threshold: t,
        result: micAbove(mic, t),
      });
    } else {
      const t = CPE_SCREEN.guideMeropenemMicAtLeastMgL;
      checks.push({
        method: "mic",
        value: formatMic(mic),
        comparison: "≥",
        threshold: t,
        result: micAtLeast(mic, t),
      });
    }
  }
  if (zoneMm !== undefined) {
    const t = CPE_SCREEN.meropenemZoneBelowMm;
    checks.push({ method: "disk", value: String(zoneMm), comparison: "<", threshold: t, result: zoneMm < t });
  }
  const positive: Tri = checks.length === 0 ? "indeterminate" : triOr(...checks.map((c) => c.result));
  const source =
    body === "EUCAST"
      ? "EUCAST screening cut-off (cre-reference.md §2.4)"
      : "guide 微生物学的診断 (cre-reference.md §2.4)";
  return { positive, checks, source };
}
