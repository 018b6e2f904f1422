import type { CreCheck, CreClassification } from "./cre-criteria.ts";
import { CRE_DRUGS, type CreDrugKey } from "./drugs.ts";
import { creText, type Lang } from "./messages.ts";
import type { CpeScreen } from "./screening.ts";
import type { Tri } from "./tri.ts";

const NEGATION: Record<string, string> = { "≥": "<", "≤": ">", ">": "≤", "<": "≥" };
const JA_RELATION: Record<string, string> = { "≥": "以上", "≤": "以下", ">": "超", "<": "未満" };

type Comparison = {
  method: "mic" | "disk";
  value: string;
  comparison: string;
  threshold: number;
  result: Tri;
};

/**
 * One comparison as text: "meropenem MIC 4 ≥ 2", "meropenem zone 24 > 22 mm", or, when a qualified MIC does not
 * decide, "meropenem MIC ≤4: ≥ 2 undecided".
 *
 * Source: contracts/cre-advise.md (evidence strings). @example comparisonText("meropenem", check, "en")
 */
export function comparisonText(drug: CreDrugKey, check: Comparison, lang: Lang): string {
  const name = CRE_DRUGS[drug].name[lang];
  const what =
    check.method === "mic"
      ? `${name} MIC ${check.value}`
      : `${name} ${lang === "ja" ? "阻止円径" : "zone"} ${check.value}`;
  const unit = check.method === "mic" ? "" : " mm";
  if (check.result === "indeterminate") {
    return lang === "ja"
      ? `${what}: ${check.comparison} ${check.threshold}${unit} か判定できない`
      : `${what}: ${check.comparison} ${check.threshold}${unit} undecided`;
  }
  // A qualified value (≥64) next to the rule's own sign would read 「MIC ≥64 ≥ 64」: say whether it meets the rule.
  if (/^[≤<≥>]/.test(check.value)) {
    const rule = `${check.comparison} ${check.threshold}${unit}`;
    if (lang === "ja") {
      const words = `${check.threshold}${unit}${JA_RELATION[check.comparison] ?? check.comparison}`;
      return `${what}（基準 ${words}を${check.result ? "満たす" : "満たさない"}）`;
    }
    return `${what} (${check.result ? "meets" : "does not meet"} ${rule})`;
  }
  const comparison = check.result ? check.comparison : (NEGATION[check.comparison] ?? check.comparison);
  return `${what} ${comparison} ${check.threshold}${unit}`;
}

/**
 * The evidence of the CRE classification as one line: the deciding comparisons for a CRE, every comparison otherwise,
 * plus the drugs the rule needed that were not reported.
 *
 * Source: notification criteria (cre-reference.md §1.2). @example creEvidenceText(cre, "en") // "meropenem MIC 4 ≥ 2 — …"
 */
export function creEvidenceText(cre: CreClassification, lang: Lang): string {
  if (!cre.enterobacterales) return creText("notificationReason", "NOT_ENTEROBACTERALES", lang);
  const text = (c: CreCheck) => comparisonText(c.drug, c, lang);
  if (cre.value === true && cre.criterion) {
    const deciding = cre.checks.filter((c) =>
      cre.criterion === "meropenem_mic_ge_2"
        ? c.drug === "meropenem" && c.method === "mic"
        : cre.criterion === "meropenem_zone_le_22"
          ? c.drug === "meropenem" && c.method === "disk"
          : c.drug !== "meropenem" && c.result === true,
    );
    return `${deciding.map(text).join("; ")} — ${creText("criterion", cre.criterion, lang)}`;
  }
  const parts = cre.checks.map(text);
  for (const drug of cre.missing) {
    if (drug !== "meropenem" && cre.imipenemCefmetazoleUntested && cre.value === false) continue;
    parts.push(lang === "ja" ? `${CRE_DRUGS[drug].name.ja}は未検査` : `${drug} not tested`);
  }
  if (cre.imipenemCefmetazoleUntested && cre.value === false) {
    parts.push(
      lang === "ja"
        ? "届出基準イ（イミペネム+セフメタゾール）はイミペネム未検査のため実施した検査では満たさない"
        : "criterion イ (imipenem + cefmetazole) is not met by the tests done: imipenem not tested",
    );
  }
  if (!cre.imipenemCefmetazoleBranch) {
    parts.push(
      lang === "ja" ? "届出基準イ（IPM+CMZ）は適用しない版" : "criterion イ (IPM + CMZ) not in this version",
    );
  }
  return parts.join("; ");
}

/**
 * The CPE screen as one line, e.g. "meropenem MIC 4 ≥ 0.25"; "no meropenem MIC or zone" when nothing was reported.
 *
 * Source: guide 微生物学的診断 (cre-reference.md §2.4). @example screenReasonText(screen, "en")
 */
export function screenReasonText(screen: CpeScreen, lang: Lang): string {
  if (screen.checks.length === 0) {
    return lang === "ja" ? "メロペネムのMIC・阻止円径の報告なし" : "no meropenem MIC or zone reported";
  }
  return screen.checks.map((c) => comparisonText("meropenem", c, lang)).join("; ");
}
