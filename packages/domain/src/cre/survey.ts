import type { CarbapenemaseInput } from "./carbapenemase.ts";
import type { CreDrugKey } from "./drugs.ts";
import type { Tri } from "./tri.ts";

/**
 * Whether the attending physician owes the national survey 「CRE感染症の治療薬の適正使用に関するアンケート調査」 for
 * this case: every case in which cefiderocol is used to treat a CRE infection. An undecided CRE status does not yet
 * require it (the survey's first question is "is the organism CRE?").
 *
 * Source: MHLW 事務連絡 2024-01-25 記3 and 参考2 (cre-reference.md §5). @example surveyRequired(true, true) // true
 */
export function surveyRequired(cre: Tri, cefiderocolOrdered: boolean): boolean {
  return cre === true && cefiderocolOrdered;
}

/** Answers of the survey's laboratory questions (Q18–21, 別添) that the isolate already tells. */
export type SurveyLabPrefill = {
  meropenemMicReported: boolean;
  imipenemMicReported: boolean;
  cefmetazoleMicReported: boolean;
  stReported: boolean;
  fluoroquinoloneReported: boolean;
  aminoglycosideReported: boolean;
  /** 確認試験（mCIM、Carba NP 等）を実施した: yes, or null when not known (no / no capacity is the lab's answer). */
  confirmationTestDone: true | null;
  /** 耐性遺伝子の鑑別試験を実施した (any result counts). */
  enzymeTypingDone: true | null;
};

/**
 * Pre-fills the survey's laboratory items from the isolate: MIC reported for meropenem, imipenem and cefmetazole;
 * results reported for ST, fluoroquinolones and aminoglycosides; carbapenemase confirmation and enzyme-typing tests
 * done. "No" versus "no testing capacity" cannot be told from the isolate and stays null for the laboratory to answer.
 *
 * Source: 参考2 別添 「臨床検査技師による確認を推奨する設問（抄）」 (cre-reference.md §5).
 * @example surveyLabPrefill({ meropenem: "4" }, {}, { mCIM: {…} }).confirmationTestDone // true
 */
export function surveyLabPrefill(
  mic: Partial<Record<CreDrugKey, string>>,
  zoneMm: Partial<Record<CreDrugKey, number>>,
  carbapenemase: CarbapenemaseInput,
): SurveyLabPrefill {
  const reported = (drugs: CreDrugKey[]) =>
    drugs.some((d) => mic[d] !== undefined || zoneMm[d] !== undefined);
  return {
    meropenemMicReported: mic.meropenem !== undefined,
    imipenemMicReported: mic.imipenem !== undefined,
    cefmetazoleMicReported: mic.cefmetazole !== undefined,
    stReported: reported(["trimethoprim_sulfamethoxazole"]),
    fluoroquinoloneReported: reported(["levofloxacin", "ciprofloxacin"]),
    aminoglycosideReported: reported(["amikacin", "gentamicin", "tobramycin"]),
    confirmationTestDone: carbapenemase.mCIM || carbapenemase.carbaNP ? true : null,
    enzymeTypingDone: carbapenemase.immunochromatography || carbapenemase.pcr ? true : null,
  };
}
