import type { SyndromeGroup } from "./syndrome-groups.ts";

/**
 * Diseases a recorded case may name, and the syndrome groups they belong to.
 *
 * Source: facility-surveillance.md §3 and contracts/evaluate.md: norovirus, infectious gastroenteritis, EHEC and food
 * poisoning → GI; influenza, COVID-19 and RSV → ILI (and RESP); scabies → SKIN. Other diseases are allowed and belong to
 * no group: their "same infection" is the recorded cases of that disease alone.
 */
export const GROUPED_DISEASES = {
  norovirus: ["GI"],
  infectious_gastroenteritis: ["GI"],
  ehec: ["GI"],
  food_poisoning: ["GI"],
  influenza: ["ILI", "RESP"],
  covid19: ["ILI", "RESP"],
  rsv: ["ILI", "RESP"],
  scabies: ["SKIN"],
} as const satisfies Record<string, readonly SyndromeGroup[]>;

export type GroupedDisease = keyof typeof GROUPED_DISEASES;

/** Display names of the grouped diseases (日本語 as the manual writes them) and in English. */
export const DISEASE_LABELS: Readonly<Record<GroupedDisease, { ja: string; en: string }>> = {
  norovirus: { ja: "ノロウイルス感染症", en: "Norovirus" },
  infectious_gastroenteritis: { ja: "感染性胃腸炎", en: "Infectious gastroenteritis" },
  ehec: { ja: "腸管出血性大腸菌感染症", en: "EHEC (e.g. O157)" },
  food_poisoning: { ja: "食中毒", en: "Food poisoning" },
  influenza: { ja: "インフルエンザ", en: "Influenza" },
  covid19: { ja: "新型コロナウイルス感染症", en: "COVID-19" },
  rsv: { ja: "RSウイルス感染症", en: "RSV infection" },
  scabies: { ja: "疥癬", en: "Scabies" },
};

/**
 * The syndrome groups of a disease (empty for a disease in no group).
 *
 * @example groupsOfDisease("covid19") // ["ILI", "RESP"]
 * @example groupsOfDisease("tuberculosis") // []
 */
export function groupsOfDisease(disease: string): readonly SyndromeGroup[] {
  return Object.hasOwn(GROUPED_DISEASES, disease) ? GROUPED_DISEASES[disease as GroupedDisease] : [];
}

/**
 * The group among `ruleGroups` that a disease's facility rules run under, if any.
 *
 * @example facilityGroupOfDisease("influenza", ["GI", "ILI", "SKIN"]) // "ILI"
 * @example facilityGroupOfDisease("tuberculosis", ["GI", "ILI", "SKIN"]) // undefined
 */
export function facilityGroupOfDisease(
  disease: string,
  ruleGroups: readonly SyndromeGroup[],
): SyndromeGroup | undefined {
  return groupsOfDisease(disease).find((group) => ruleGroups.includes(group));
}
