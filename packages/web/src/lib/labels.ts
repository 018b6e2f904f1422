import {
  PERSON_KIND_LABELS,
  type PersonKind,
  STAFF_JOB_LABELS,
  type StaffJob,
  SYMPTOM_LABELS,
  type SymptomCode,
} from "@mamori/domain/surveillance";

/** The two languages of the app; Japanese first. */
export type Lang = "ja" | "en";

export const asLang = (value: string | undefined): Lang => (value?.startsWith("en") ? "en" : "ja");

export const symptomLabel = (code: SymptomCode, lang: Lang): string => SYMPTOM_LABELS[code][lang];
/** A symptom code as an older record kept it (the audit log's versions): its label, or the code if no longer known. */
export const keptSymptomLabel = (code: string, lang: Lang): string =>
  Object.hasOwn(SYMPTOM_LABELS, code) ? symptomLabel(code as SymptomCode, lang) : code;
export const kindLabel = (kind: PersonKind, lang: Lang): string => PERSON_KIND_LABELS[kind][lang];
export const jobLabel = (job: StaffJob, lang: Lang): string => STAFF_JOB_LABELS[job][lang];

/** A temperature as thermometers show it, one decimal: 36.5. */
export const formatTempC = (tempC: number): string => tempC.toFixed(1);
