import type { CefiderocolVerdict, InfectionSite, MechanismCategory } from "./codes.ts";
import type { TreatmentAdvice, TreatmentPhase } from "./treatment-types.ts";
import type { Tri } from "./tri.ts";

export const CEFIDEROCOL_REASON_CODES = [
  "MBL_CPE",
  "SEVERE_NON_URINARY",
  "SEVERE_URINARY",
  "NO_ACTIVE_ALTERNATIVE",
  "ACTIVE_ALTERNATIVE_EXISTS",
  "MECHANISM_UNKNOWN",
  "NON_MBL_CPE",
  "NON_CP_CRE",
  "NOT_CRE",
  "NOT_ENTEROBACTERALES",
  "CRE_UNDECIDED",
  "CEFIDEROCOL_SUSCEPTIBILITY_NOT_CONFIRMED",
  "NO_CONSULTATION",
] as const;
export type CefiderocolReasonCode = (typeof CEFIDEROCOL_REASON_CODES)[number];

export type CefiderocolReason = { code: CefiderocolReasonCode; source: string };

export type CefiderocolCheck = { verdict: CefiderocolVerdict; reasons: CefiderocolReason[] };

export type CefiderocolCheckInput = {
  ordered: boolean;
  enterobacterales: boolean;
  cre: Tri;
  category: MechanismCategory;
  phase: TreatmentPhase;
  site: InfectionSite;
  /** Whether the isolate is susceptible to cefiderocol (S/I/R read by the table's standard; ※1). */
  cefiderocolActive: Tri;
  advice: TreatmentAdvice;
  /** Whether an ID physician or the AST was consulted; undefined = not recorded. */
  consulted: boolean | undefined;
};

const SOURCES: Record<CefiderocolReasonCode, string> = {
  MBL_CPE: "guide ②",
  SEVERE_NON_URINARY: "guide ① まとめ, ②",
  SEVERE_URINARY: "guide ① まとめ, ②, ※2",
  NO_ACTIVE_ALTERNATIVE: "guide ②",
  ACTIVE_ALTERNATIVE_EXISTS: "guide ① まとめ, ②",
  MECHANISM_UNKNOWN: "guide 微生物学的診断, 図1",
  NON_MBL_CPE: "guide ②",
  NON_CP_CRE: "guide ②, ③",
  NOT_CRE: "MHLW 事務連絡 2024-01-25 記1",
  NOT_ENTEROBACTERALES: "MHLW 事務連絡 2024-01-25 記1",
  CRE_UNDECIDED: "MHLW 事務連絡 2024-01-25 記1",
  CEFIDEROCOL_SUSCEPTIBILITY_NOT_CONFIRMED: "guide ※1",
  NO_CONSULTATION: "MHLW 事務連絡 2024-01-25 記2",
};

function reason(code: CefiderocolReasonCode): CefiderocolReason {
  return { code, source: SOURCES[code] };
}

/** Options that treat the case without cefiderocol and are not the other MBL regimen of ② (ceftazidime-avibactam + aztreonam). */
function activeAlternatives(advice: TreatmentAdvice) {
  return advice.options.filter(
    (o) => !o.drugs.includes("cefiderocol") && o.code !== "MBL_CEFTAZIDIME_AVIBACTAM_AZTREONAM",
  );
}

/**
 * Checks a cefiderocol order against the MHLW request of 2024-01-25 and the guide it cites:
 * - `appropriate`: a CRE (notification criteria) with an MBL, and either an acute severe infection (urinary included,
 *   when its severity was recorded) or no active alternative for the site and severity (② keeps cefiderocol for
 *   MBL-CPE) — and an ID physician or the AST consulted;
 * - `pending_consultation`: would be appropriate, but no consultation is recorded (記2 「感染症治療に十分な治療と経験を
 *   持つ医師又は抗菌薬適正使用支援チームに相談の上、投与すること」) — never `appropriate` without one;
 * - `questionable`: mechanism not yet known (test first), the CRE status undecided, an MBL with an active alternative,
 *   a non-MBL CRE with no alternative left (③ "only when no other drug can be used"), or cefiderocol susceptibility not
 *   confirmed (※1);
 * - `inappropriate`: not a CRE (or not an Enterobacterales), or KPC / OXA-48-like / serine CPE / non-CP-CRE with an
 *   active alternative (② 「極力控えるべき」);
 * - `not_ordered` when there is no order. A missing consultation with an ID physician or the AST adds `NO_CONSULTATION`
 *   to any verdict of an order (記2).
 *
 * Source: MHLW 事務連絡 2024-01-25 記1–記2; guide ①–③ (pp.15–20); cre-stewardship.md §6.
 * @example checkCefiderocol({ ordered: true, cre: true, category: "MBL", phase: "acute_severe", consulted: true, … })
 *   // { verdict: "appropriate", reasons: [{ code: "MBL_CPE", … }, { code: "SEVERE_NON_URINARY", … }] }
 */
export function checkCefiderocol(input: CefiderocolCheckInput): CefiderocolCheck {
  if (!input.ordered) return { verdict: "not_ordered", reasons: [] };
  const reasons: CefiderocolReason[] = [];
  let verdict: CefiderocolVerdict;
  const alternatives = activeAlternatives(input.advice).length > 0;
  if (!input.enterobacterales) {
    verdict = "inappropriate";
    reasons.push(reason("NOT_ENTEROBACTERALES"));
  } else if (input.cre === false) {
    verdict = "inappropriate";
    reasons.push(reason("NOT_CRE"));
  } else if (input.category === "MBL") {
    reasons.push(reason("MBL_CPE"));
    if (input.phase === "acute_severe") {
      verdict = "appropriate";
      reasons.push(reason(input.site === "urinary" ? "SEVERE_URINARY" : "SEVERE_NON_URINARY"));
    } else if (!alternatives) {
      verdict = "appropriate";
      reasons.push(reason("NO_ACTIVE_ALTERNATIVE"));
    } else {
      verdict = "questionable";
      reasons.push(reason("ACTIVE_ALTERNATIVE_EXISTS"));
    }
  } else if (
    input.category === "NON_CP" ||
    input.category === "KPC" ||
    input.category === "OXA48" ||
    input.category === "CPE_SERINE_UNTYPED"
  ) {
    reasons.push(reason(input.category === "NON_CP" ? "NON_CP_CRE" : "NON_MBL_CPE"));
    if (alternatives) {
      verdict = "inappropriate";
      reasons.push(reason("ACTIVE_ALTERNATIVE_EXISTS"));
    } else {
      verdict = "questionable";
      reasons.push(reason("NO_ACTIVE_ALTERNATIVE"));
    }
  } else {
    verdict = "questionable";
    reasons.push(reason("MECHANISM_UNKNOWN"));
  }
  if (input.cre === "indeterminate" && verdict !== "inappropriate") {
    verdict = "questionable";
    reasons.push(reason("CRE_UNDECIDED"));
  }
  if (input.cefiderocolActive !== true && verdict !== "inappropriate") {
    verdict = "questionable";
    reasons.push(reason("CEFIDEROCOL_SUSCEPTIBILITY_NOT_CONFIRMED"));
  }
  if (input.consulted !== true) {
    reasons.push(reason("NO_CONSULTATION"));
    if (verdict === "appropriate") verdict = "pending_consultation";
  }
  return { verdict, reasons };
}
