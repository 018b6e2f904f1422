import type { SymptomCondition } from "./symptom-mask.ts";
import type { SymptomCode } from "./symptoms.ts";

/**
 * Syndrome groups: "the same infection" while no diagnosis exists (それらが疑われる者).
 *
 * Source: facility-surveillance.md §3, after the symptom classes of manual p.33–35 (発熱, 消化器症状, 呼吸器症状, 皮膚症状):
 * `GI` = vomiting, watery stool or diarrhoea · `RESP` = cough, sputum, sore throat or runny nose · `ILI` = fever together
 * with a RESP symptom on the same day · `FEVER` = fever · `SKIN` = rash or itch.
 */
export const SYNDROME_GROUPS = ["GI", "RESP", "ILI", "FEVER", "SKIN"] as const;
export type SyndromeGroup = (typeof SYNDROME_GROUPS)[number];

const RESP_SYMPTOMS: readonly SymptomCode[] = ["cough", "sputum", "sore_throat", "runny_nose"];

/** Each group as a condition on one person's symptoms of one day. */
export const SYNDROME_GROUP_CONDITIONS: Readonly<Record<SyndromeGroup, SymptomCondition>> = {
  GI: [["vomiting", "watery_stool", "diarrhea"]],
  RESP: [RESP_SYMPTOMS],
  ILI: [["fever"], RESP_SYMPTOMS],
  FEVER: [["fever"]],
  SKIN: [["rash", "itch"]],
};

/**
 * Groups on which the facility rules (reporting criteria A/B, end of outbreak) run by default; `RESP` and `FEVER` feed
 * trends and detection only (facility-surveillance.md §3).
 */
export const FACILITY_RULE_GROUPS: readonly SyndromeGroup[] = ["GI", "ILI", "SKIN"];

/**
 * Whether a string is a syndrome group code.
 *
 * @example isSyndromeGroup("GI") // true
 */
export function isSyndromeGroup(value: string): value is SyndromeGroup {
  return (SYNDROME_GROUPS as readonly string[]).includes(value);
}

/**
 * The groups whose condition a day's symptoms meet.
 *
 * @param symptoms the symptoms of one person on one day (`fever` included when the temperature made it one)
 * @example groupsOfSymptoms(["fever", "cough"]) // ["RESP", "ILI", "FEVER"]
 * @example groupsOfSymptoms(["diarrhea"]) // ["GI"]
 */
export function groupsOfSymptoms(symptoms: readonly SymptomCode[]): SyndromeGroup[] {
  const present = new Set(symptoms);
  return SYNDROME_GROUPS.filter((group) =>
    SYNDROME_GROUP_CONDITIONS[group].every((anyOf) => anyOf.some((code) => present.has(code))),
  );
}
