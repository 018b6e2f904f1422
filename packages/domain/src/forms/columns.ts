import { maskOfSymptoms } from "../surveillance/symptom-mask.ts";
import { SYMPTOM_CODES, type SymptomCode } from "../surveillance/symptoms.ts";

/**
 * The symptom columns of the 健康調査日報 (manual 付録4① p.83): 発熱, 嘔吐(吐き気), 下痢・腹痛, 咳, 咽頭痛 鼻水, 発疹,
 * その他. They are the rows of the weekly trend sheet (付録4②) and, for fever, vomiting and diarrhoea, the marks of the
 * physician report (付録4③). Contract: docs/contracts/forms.md, "Shared definitions".
 */
export const FORM_COLUMNS = ["fever", "vomiting", "diarrhea", "cough", "throat", "rash", "other"] as const;
export type FormColumn = (typeof FORM_COLUMNS)[number];

const NAMED_COLUMN_SYMPTOMS: Record<Exclude<FormColumn, "other">, readonly SymptomCode[]> = {
  fever: ["fever"],
  vomiting: ["vomiting", "nausea"],
  diarrhea: ["diarrhea", "watery_stool", "bloody_stool", "abdominal_pain"],
  cough: ["cough", "sputum"],
  throat: ["sore_throat", "runny_nose"],
  rash: ["rash", "skin_redness_swelling", "itch"],
};

const NAMED = new Set<SymptomCode>(Object.values(NAMED_COLUMN_SYMPTOMS).flat());

/** The symptom codes of each column; `other` holds every code of the vocabulary the named columns do not. */
export const FORM_COLUMN_SYMPTOMS: Readonly<Record<FormColumn, readonly SymptomCode[]>> = {
  ...NAMED_COLUMN_SYMPTOMS,
  other: SYMPTOM_CODES.filter((code) => !NAMED.has(code)),
};

/**
 * Bit mask of each column over the symptom masks of `symptom-mask.ts`. The low-grade-fever bit is in none of them:
 * 微熱 counts in no column (the form's own note: 「38°C未満の熱は微熱」).
 */
export const FORM_COLUMN_MASK: Readonly<Record<FormColumn, number>> = Object.fromEntries(
  FORM_COLUMNS.map((column) => [column, maskOfSymptoms(FORM_COLUMN_SYMPTOMS[column])]),
) as Record<FormColumn, number>;

/** The column headings as the manual's forms print them. */
export const FORM_COLUMN_LABELS: Readonly<Record<FormColumn, { ja: string; en: string }>> = {
  fever: { ja: "発熱", en: "Fever" },
  vomiting: { ja: "吐き気・嘔吐", en: "Nausea, vomiting" },
  diarrhea: { ja: "下痢・腹痛", en: "Diarrhoea, abdominal pain" },
  cough: { ja: "咳", en: "Cough" },
  throat: { ja: "咽頭痛・鼻水", en: "Sore throat, runny nose" },
  rash: { ja: "発疹", en: "Rash" },
  other: { ja: "その他", en: "Other" },
};
