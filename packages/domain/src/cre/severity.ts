import type { InfectionSite, SeverityCategory, SeverityDomain } from "./codes.ts";
import { SEVERITY_TABLE_7 } from "./severity-data.ts";

export type SeverityDomains = Record<SeverityDomain, boolean>;

export type SeverityAssessment = {
  category: SeverityCategory;
  failedDomains: SeverityDomain[];
  /** A severe case whose condition has stabilised on treatment: opens step-down to monotherapy (guide ① まとめ). */
  stabilised: boolean;
  source: string;
};

/**
 * Severity of a CRE infection by guide 表7: for a non-urinary infection the case is non-severe only when all three
 * domains hold (haemodynamically stable; no immunodeficiency, or stable despite it; source control achieved); any
 * failed domain makes it severe. 表7 is titled for non-urinary infections, but ※2 gives severe cases a 尿路 column and
 * 治療方針① proposes combination 「非尿路感染症や重症例で」: a urinary infection whose domains were recorded is judged on them
 * like any other; only a urinary infection with nothing recorded is `not_applicable`. `stabilised` is kept only for a
 * severe case.
 *
 * Source: guide 表7, ※2 and 治療方針① まとめ (guide pp.15–20), 表7's lead sentence 「以下 3 つのすべてに合致する場合、「非重症例」…」; cre-reference.md §4.2.
 * @example assessSeverity("bloodstream", { hemodynamicallyStable: false, noImmunodeficiencyOrStable: true,
 *   sourceControlled: true }).failedDomains // ["hemodynamicallyStable"]
 */
export function assessSeverity(
  site: InfectionSite,
  domains: SeverityDomains | undefined,
  stabilisedAfterTreatment = false,
): SeverityAssessment {
  // 表7 is titled for non-urinary infections; for a urinary one it serves as the guide, with ※2's 尿路 column.
  const source = site === "urinary" ? "guide 表7, ※2" : "guide 表7";
  if (domains === undefined) {
    return { category: "not_applicable", failedDomains: [], stabilised: false, source };
  }
  const failedDomains = SEVERITY_TABLE_7.map((d) => d.domain).filter((d) => !domains[d]);
  const severe = failedDomains.length > 0;
  return {
    category: severe ? "severe" : "non_severe",
    failedDomains,
    stabilised: severe && stabilisedAfterTreatment,
    source,
  };
}

/**
 * Derives the three 表7 domains from ticked checklist items (the guide's examples). A domain fails when one of its items
 * is present — except immunodeficiency, which fails only if the patient is also not stable
 * (「免疫不全がない（もしくはあっても患者の状態が安定している）」).
 *
 * Source: guide 表7 examples (guide pp.15–20). @example severityDomainsFromChecklist(["VASOPRESSOR_REQUIRED"])
 *   // { hemodynamicallyStable: false, noImmunodeficiencyOrStable: true, sourceControlled: true }
 * @throws Error for a code that is not a 表7 item.
 */
export function severityDomainsFromChecklist(
  present: readonly string[],
  stableDespiteImmunodeficiency = false,
): SeverityDomains {
  const known = new Set(SEVERITY_TABLE_7.flatMap((d) => d.items.map((i) => i.code)));
  const unknown = present.find((code) => !known.has(code));
  if (unknown) throw new Error(`not a 表7 checklist item: ${unknown}`);
  const hits = (domain: SeverityDomain) =>
    SEVERITY_TABLE_7.find((d) => d.domain === domain)?.items.some((i) => present.includes(i.code)) ?? false;
  return {
    hemodynamicallyStable: !hits("hemodynamicallyStable"),
    noImmunodeficiencyOrStable: !hits("noImmunodeficiencyOrStable") || stableDespiteImmunodeficiency,
    sourceControlled: !hits("sourceControlled"),
  };
}
