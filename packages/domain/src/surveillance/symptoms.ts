/**
 * The symptom vocabulary of the daily health round.
 *
 * Source: 高齢者介護施設における感染対策マニュアル 改訂版 (2019) p.33 and 付録4① (健康調査日報), as listed in
 * facility-surveillance.md §2. `fever` is derived from the temperature (see `classifyTemperature`) but may also be recorded.
 */
export const SYMPTOM_CODES = [
  "fever",
  "nausea",
  "vomiting",
  "diarrhea",
  "watery_stool",
  "bloody_stool",
  "abdominal_pain",
  "cough",
  "sputum",
  "sore_throat",
  "runny_nose",
  "rash",
  "skin_redness_swelling",
  "itch",
  "poor_intake",
  "headache",
  "reduced_consciousness",
  "abnormal_pulse",
  "tachypnea",
  "pallor_cyanosis",
  "urine_abnormal",
  "other",
] as const;

export type SymptomCode = (typeof SYMPTOM_CODES)[number];

/** Symptoms a care worker taps; `fever` is left out because the temperature decides it. */
export const RECORDABLE_SYMPTOMS: readonly SymptomCode[] = SYMPTOM_CODES.filter((code) => code !== "fever");

/** Display names in the manual's own words (日本語) and in English. */
export const SYMPTOM_LABELS: Record<SymptomCode, { ja: string; en: string }> = {
  fever: { ja: "発熱", en: "Fever" },
  nausea: { ja: "吐き気", en: "Nausea" },
  vomiting: { ja: "嘔吐", en: "Vomiting" },
  diarrhea: { ja: "下痢", en: "Diarrhoea" },
  watery_stool: { ja: "水様便", en: "Watery stool" },
  bloody_stool: { ja: "血便", en: "Bloody stool" },
  abdominal_pain: { ja: "腹痛", en: "Abdominal pain" },
  cough: { ja: "咳", en: "Cough" },
  sputum: { ja: "喀痰の増加", en: "More sputum" },
  sore_throat: { ja: "咽頭痛", en: "Sore throat" },
  runny_nose: { ja: "鼻水", en: "Runny nose" },
  rash: { ja: "発疹", en: "Rash" },
  skin_redness_swelling: { ja: "発赤・腫脹・熱感", en: "Redness, swelling, warmth" },
  itch: { ja: "掻痒感", en: "Itch" },
  poor_intake: { ja: "摂食不良", en: "Poor intake" },
  headache: { ja: "頭痛", en: "Headache" },
  reduced_consciousness: { ja: "意識レベルの低下", en: "Reduced consciousness" },
  abnormal_pulse: { ja: "頻脈・徐脈", en: "Fast or slow pulse" },
  tachypnea: { ja: "呼吸数の上昇", en: "Fast breathing" },
  pallor_cyanosis: { ja: "顔色・唇の色が悪い", en: "Pale face or blue lips" },
  urine_abnormal: { ja: "尿の臭い・混濁", en: "Smelly or cloudy urine" },
  other: { ja: "その他", en: "Other" },
};

/**
 * Whether a string is a symptom code of the vocabulary.
 * @example isSymptomCode("vomiting") // true
 */
export function isSymptomCode(value: string): value is SymptomCode {
  return (SYMPTOM_CODES as readonly string[]).includes(value);
}
