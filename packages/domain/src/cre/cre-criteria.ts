import type { CreCriterion } from "./codes.ts";
import type { CreDrugKey } from "./drugs.ts";
import { formatMic, type MicInterval, micAtLeast } from "./mic.ts";
import type { NotificationCriteriaVersion } from "./notification-criteria.ts";
import { type Tri, triAnd, triOr } from "./tri.ts";

/** One comparison of a raw value with a cut-off of the notification criteria: the evidence behind the answer. */
export type CreCheck = {
  drug: Extract<CreDrugKey, "meropenem" | "imipenem" | "cefmetazole">;
  method: "mic" | "disk";
  /** The value as reported: MIC string ("≤0.25") or zone in mm ("21"). */
  value: string;
  comparison: "≥" | "≤";
  threshold: number;
  unit: "mg/L" | "mm";
  result: Tri;
};

export type CreClassification = {
  value: Tri;
  criterion: CreCriterion | null;
  criteriaId: string;
  enterobacterales: boolean;
  checks: CreCheck[];
  /** Drugs the rule needed but that were not reported (neither MIC nor zone). */
  missing: Array<CreCheck["drug"]>;
  /** Whether branch イ (IPM + CMZ) was evaluated under this criteria version. */
  imipenemCefmetazoleBranch: boolean;
  /**
   * Branch イ was not met because imipenem was not tested (neither MIC nor zone): the answer is by the tests done, and
   * the evidence says so.
   */
  imipenemCefmetazoleUntested: boolean;
};

export type CreLabValues = {
  mic: Partial<Record<CreDrugKey, MicInterval>>;
  zoneMm: Partial<Record<CreDrugKey, number>>;
};

function drugChecks(
  values: CreLabValues,
  drug: CreCheck["drug"],
  micAtLeastMgL: number,
  zoneAtMostMm: number,
): CreCheck[] {
  const checks: CreCheck[] = [];
  const mic = values.mic[drug];
  if (mic) {
    const result = micAtLeast(mic, micAtLeastMgL);
    checks.push({
      drug,
      method: "mic",
      value: formatMic(mic),
      comparison: "≥",
      threshold: micAtLeastMgL,
      unit: "mg/L",
      result,
    });
  }
  const zone = values.zoneMm[drug];
  if (zone !== undefined) {
    const result = zone <= zoneAtMostMm;
    checks.push({
      drug,
      method: "disk",
      value: String(zone),
      comparison: "≤",
      threshold: zoneAtMostMm,
      unit: "mm",
      result,
    });
  }
  return checks;
}

/** MIC or disk: either method meeting the cut-off is enough; a drug with neither value is undecided. */
function drugResult(checks: CreCheck[]): Tri {
  return checks.length === 0 ? "indeterminate" : triOr(...checks.map((c) => c.result));
}

/**
 * Applies the laboratory criteria of the CRE notification standard to raw MIC and zone values — never to S/I/R labels,
 * because EUCAST calls meropenem 2 mg/L "S" and laboratories use older CLSI editions (cre-reference.md §1.2, §8.1).
 *
 * Enterobacterales and (ア: MEPM MIC ≥ 2 mg/L or 10 µg zone ≤ 22 mm, or イ: (IPM MIC ≥ 2 or zone ≤ 22) and (CMZ MIC ≥ 64
 * or zone ≤ 12)). Within a drug, MIC or disk suffices. Qualified MICs that do not decide give "indeterminate" (Kleene
 * logic). Untested is not undecided: with imipenem not tested, branch イ is not met by the tests done (labs rarely test
 * cefmetazole without a reason), so a meropenem result below the cut-off answers false, naming the untested branch;
 * a tested imipenem ≥ 2 with cefmetazole untested stays "indeterminate", and so does an untested meropenem. Branch イ
 * is read from the criteria version (a switch).
 *
 * Source: 感染症法 届出基準 カルバペネム耐性腸内細菌目細菌感染症 (cre-reference.md §1.2, S1/S2/S21). Units: mg/L, mm.
 * @example classifyCre({ mic: { meropenem: parseMic("4") }, zoneMm: {} }, true, notificationCriteria()).criterion
 *   // "meropenem_mic_ge_2"
 */
export function classifyCre(
  values: CreLabValues,
  enterobacterales: boolean,
  criteria: NotificationCriteriaVersion,
): CreClassification {
  const meropenem = drugChecks(
    values,
    "meropenem",
    criteria.meropenemMicAtLeastMgL,
    criteria.meropenemZoneAtMostMm,
  );
  const branchB = criteria.imipenemCefmetazoleBranch;
  const imipenem = branchB
    ? drugChecks(values, "imipenem", branchB.imipenemMicAtLeastMgL, branchB.imipenemZoneAtMostMm)
    : [];
  const cefmetazole = branchB
    ? drugChecks(values, "cefmetazole", branchB.cefmetazoleMicAtLeastMgL, branchB.cefmetazoleZoneAtMostMm)
    : [];
  const a = drugResult(meropenem);
  const imipenemUntested = branchB !== null && imipenem.length === 0;
  const b: Tri = branchB && !imipenemUntested ? triAnd(drugResult(imipenem), drugResult(cefmetazole)) : false;
  const value: Tri = enterobacterales ? triOr(a, b) : false;
  let criterion: CreCriterion | null = null;
  if (value === true) {
    if (meropenem.some((c) => c.method === "mic" && c.result === true)) criterion = "meropenem_mic_ge_2";
    else if (meropenem.some((c) => c.method === "disk" && c.result === true))
      criterion = "meropenem_zone_le_22";
    else criterion = "imipenem_and_cefmetazole";
  }
  const missing: Array<CreCheck["drug"]> = [];
  if (meropenem.length === 0) missing.push("meropenem");
  if (branchB && imipenem.length === 0) missing.push("imipenem");
  if (branchB && cefmetazole.length === 0) missing.push("cefmetazole");
  return {
    value,
    criterion,
    criteriaId: criteria.id,
    enterobacterales,
    checks: [...meropenem, ...imipenem, ...cefmetazole],
    missing,
    imipenemCefmetazoleBranch: branchB !== null,
    imipenemCefmetazoleUntested: imipenemUntested,
  };
}
