import { classifyTemperature } from "../surveillance/temperature.ts";
import { addIsoDays } from "./dates.ts";

/** The facility's rules for staff returning to work; each has the default shown in `DEFAULT_RETURN_RULES`. */
export type ReturnRules = {
  /** Influenza: days after onset that must have passed (the onset day is day 0). */
  influenzaDaysAfterOnset: number;
  /** Influenza: days after the fever resolved that must have passed (the first day without fever is day 0). */
  influenzaDaysAfterFever: number;
  /** Vomiting or diarrhoea: full days without either before kitchen work and resident care. */
  giSymptomFreeDays: number;
};

/**
 * Defaults. Influenza: the school rule that the manual cites for the facility to set its own (p.52: 職員が感染した場合の
 * 休業期間を施設で決めておきます。現在、学校保健安全法では、「発症した後5日を経過し、かつ、解熱した後2日を経過するまで」を
 * インフルエンザによる出席停止期間としています。). Vomiting or diarrhoea: the manual (p.56, ノロウイルス カ 解除の判断)
 * keeps staff off work and away from food "for a certain period" after the symptoms stop (職員の感染者は症状が消失しても、
 * 一定期間は就業制限したり、食品を扱う部署から外れたり) without a number; Mamori's default of 2 symptom-free days is the
 * facility's to change.
 */
export const DEFAULT_RETURN_RULES: ReturnRules = {
  influenzaDaysAfterOnset: 5,
  influenzaDaysAfterFever: 2,
  giSymptomFreeDays: 2,
};

const GI_SYMPTOMS = new Set(["vomiting", "diarrhea", "watery_stool"]);

export type StaffRoundEntry = {
  staffId: string;
  /** Local day of the round entry. */
  date: string;
  tempC: number | null;
  symptoms: readonly string[];
};

export type WorkRestriction =
  | {
      staffId: string;
      reason: "gi_symptoms";
      /** Off kitchen work and care of residents. */
      offDuties: readonly ("kitchen" | "resident_care")[];
      lastSymptomOn: string;
      /** First day back to those duties, if no symptom is recorded again. */
      returnOn: string;
    }
  | {
      staffId: string;
      reason: "influenza";
      offDuties: readonly "all_work"[];
      onsetOn: string;
      /** First day without fever after the last day with fever, or null while the fever has not been seen to go. */
      feverResolvedOn: string | null;
      /** First day back, or null until the fever has resolved. */
      returnOn: string | null;
    };

/**
 * Which staff members are not yet fit for which work on a local day, from the daily round (staff are in it too) and
 * the recorded influenza cases, with the day they may come back.
 *
 * - Vomiting, diarrhoea or watery stool in the round: off kitchen work and resident care until `giSymptomFreeDays` full
 *   days have passed without them (manual p.56). `returnOn` = last symptom day + `giSymptomFreeDays` + 1.
 * - Influenza (a recorded case): off work until `influenzaDaysAfterOnset` days after onset and
 *   `influenzaDaysAfterFever` days after the fever resolved (manual p.52, school rule). The onset day and the day the
 *   fever resolved count as day 0, as the school rule counts them, so with the defaults `returnOn` = max(onset + 6,
 *   resolved + 3). The fever resolved on the first round entry after the last fever (38.0 ℃ or 1 ℃ above the usual
 *   temperature, p.33) whose temperature is not a fever.
 *
 * Restrictions whose `returnOn` is on or before `asOf` are over and left out.
 *
 * @example staffWorkRestrictions({asOf: "2026-12-02", round: [{staffId: "s1", date: "2026-12-01", tempC: null,
 *   symptoms: ["vomiting"]}], influenzaCases: []}) // [{reason: "gi_symptoms", returnOn: "2026-12-04", ...}]
 */
export function staffWorkRestrictions(input: {
  asOf: string;
  round: readonly StaffRoundEntry[];
  influenzaCases: readonly { staffId: string; onsetDate: string; baselineTempC?: number | null }[];
  rules?: Partial<ReturnRules>;
}): WorkRestriction[] {
  const rules = { ...DEFAULT_RETURN_RULES, ...input.rules };
  const round = input.round.filter((e) => e.date <= input.asOf);
  const result: WorkRestriction[] = [];

  const lastGi = new Map<string, string>();
  for (const entry of round) {
    if (!entry.symptoms.some((s) => GI_SYMPTOMS.has(s))) continue;
    const previous = lastGi.get(entry.staffId);
    if (previous === undefined || entry.date > previous) lastGi.set(entry.staffId, entry.date);
  }
  for (const [staffId, lastSymptomOn] of lastGi) {
    const returnOn = addIsoDays(lastSymptomOn, rules.giSymptomFreeDays + 1);
    if (returnOn <= input.asOf) continue;
    result.push({
      staffId,
      reason: "gi_symptoms",
      offDuties: ["kitchen", "resident_care"],
      lastSymptomOn,
      returnOn,
    });
  }

  for (const flu of input.influenzaCases) {
    if (flu.onsetDate > input.asOf) continue;
    const entries = round
      .filter((e) => e.staffId === flu.staffId && e.date >= flu.onsetDate)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const isFever = (e: StaffRoundEntry) =>
      e.symptoms.includes("fever") ||
      (e.tempC !== null && classifyTemperature(e.tempC, flu.baselineTempC ?? null) === "fever");
    const lastFever = entries.filter(isFever).at(-1)?.date ?? flu.onsetDate;
    const resolved = entries.find((e) => e.date > lastFever && e.tempC !== null && !isFever(e));
    const feverResolvedOn = resolved?.date ?? null;
    const afterOnset = addIsoDays(flu.onsetDate, rules.influenzaDaysAfterOnset + 1);
    const returnOn =
      feverResolvedOn === null
        ? null
        : [afterOnset, addIsoDays(feverResolvedOn, rules.influenzaDaysAfterFever + 1)].sort().at(-1)!;
    if (returnOn !== null && returnOn <= input.asOf) continue;
    result.push({
      staffId: flu.staffId,
      reason: "influenza",
      offDuties: ["all_work"],
      onsetOn: flu.onsetDate,
      feverResolvedOn,
      returnOn,
    });
  }
  return result.sort((a, b) => (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0));
}
