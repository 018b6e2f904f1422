import { RECORDABLE_SYMPTOMS, type SymptomCode } from "@mamori/domain/surveillance";

export type SymptomGroupKey = "gi" | "resp" | "skin" | "general";

// Chips are grouped the way the 健康調査日報 columns run (付録4①): stomach and bowel, throat and cough, skin, the rest.
const GROUPS: { key: Exclude<SymptomGroupKey, "general">; codes: readonly SymptomCode[] }[] = [
  { key: "gi", codes: ["vomiting", "nausea", "diarrhea", "watery_stool", "bloody_stool", "abdominal_pain"] },
  { key: "resp", codes: ["cough", "sputum", "sore_throat", "runny_nose"] },
  { key: "skin", codes: ["rash", "skin_redness_swelling", "itch"] },
];

/** The groups of symptom chips: every recordable symptom exactly once; those not grouped fall under "general". */
export function symptomGroups(): { key: SymptomGroupKey; codes: SymptomCode[] }[] {
  const grouped = new Set<SymptomCode>(GROUPS.flatMap((g) => g.codes));
  const groups = GROUPS.map((g) => ({
    key: g.key,
    codes: g.codes.filter((c) => RECORDABLE_SYMPTOMS.includes(c)),
  }));
  return [...groups, { key: "general" as const, codes: RECORDABLE_SYMPTOMS.filter((c) => !grouped.has(c)) }];
}
