/**
 * The antimicrobials the CRE rules read: the drugs of `cre-reference.md` §2 (breakpoint tables) and of the guide's
 * treatment section (§5 of `cre-stewardship.md`). Keys are the snake_case English names of the case file
 * (`contracts/cre-advise.md`).
 */
export const CRE_DRUG_KEYS = [
  "meropenem",
  "imipenem",
  "ertapenem",
  "cefmetazole",
  "levofloxacin",
  "ciprofloxacin",
  "trimethoprim_sulfamethoxazole",
  "amikacin",
  "gentamicin",
  "tobramycin",
  "colistin",
  "tigecycline",
  "fosfomycin",
  "ceftazidime_avibactam",
  "meropenem_vaborbactam",
  "imipenem_relebactam",
  "cefiderocol",
  "aztreonam",
] as const;

export type CreDrugKey = (typeof CRE_DRUG_KEYS)[number];

/**
 * Drug classes. The organ table (guide ※2) has one row per class: fluoroquinolone, ST, aminoglycoside, tigecycline,
 * fosfomycin (IV), colistin, meropenem.
 */
export type CreDrugClass =
  | "carbapenem"
  | "cephamycin"
  | "fluoroquinolone"
  | "trimethoprim_sulfamethoxazole"
  | "aminoglycoside"
  | "polymyxin"
  | "glycylcycline"
  | "fosfomycin"
  | "new_beta_lactam"
  | "monobactam";

export type CreDrug = {
  key: CreDrugKey;
  cls: CreDrugClass;
  name: { ja: string; en: string };
  /** Marketed in Japan (cre-reference.md §4.9; ertapenem and meropenem-vaborbactam are not). */
  marketedInJapan: boolean;
  /** Named in the guide's treatment section or 表6 / ※2 (and so part of the default availability). */
  treatmentDrug: boolean;
};

export const CRE_DRUGS: Readonly<Record<CreDrugKey, CreDrug>> = {
  meropenem: {
    key: "meropenem",
    cls: "carbapenem",
    name: { ja: "メロペネム", en: "meropenem" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  imipenem: {
    key: "imipenem",
    cls: "carbapenem",
    name: { ja: "イミペネム/シラスタチン", en: "imipenem" },
    marketedInJapan: true,
    treatmentDrug: false,
  },
  ertapenem: {
    key: "ertapenem",
    cls: "carbapenem",
    name: { ja: "エルタペネム", en: "ertapenem" },
    marketedInJapan: false,
    treatmentDrug: false,
  },
  cefmetazole: {
    key: "cefmetazole",
    cls: "cephamycin",
    name: { ja: "セフメタゾール", en: "cefmetazole" },
    marketedInJapan: true,
    treatmentDrug: false,
  },
  levofloxacin: {
    key: "levofloxacin",
    cls: "fluoroquinolone",
    name: { ja: "レボフロキサシン", en: "levofloxacin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  ciprofloxacin: {
    key: "ciprofloxacin",
    cls: "fluoroquinolone",
    name: { ja: "シプロフロキサシン", en: "ciprofloxacin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  trimethoprim_sulfamethoxazole: {
    key: "trimethoprim_sulfamethoxazole",
    cls: "trimethoprim_sulfamethoxazole",
    name: { ja: "ST合剤（スルファメトキサゾール・トリメトプリム）", en: "trimethoprim-sulfamethoxazole" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  amikacin: {
    key: "amikacin",
    cls: "aminoglycoside",
    name: { ja: "アミカシン", en: "amikacin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  gentamicin: {
    key: "gentamicin",
    cls: "aminoglycoside",
    name: { ja: "ゲンタマイシン", en: "gentamicin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  tobramycin: {
    key: "tobramycin",
    cls: "aminoglycoside",
    name: { ja: "トブラマイシン", en: "tobramycin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  colistin: {
    key: "colistin",
    cls: "polymyxin",
    name: { ja: "コリスチン", en: "colistin" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  tigecycline: {
    key: "tigecycline",
    cls: "glycylcycline",
    name: { ja: "チゲサイクリン", en: "tigecycline" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  fosfomycin: {
    key: "fosfomycin",
    cls: "fosfomycin",
    name: { ja: "ホスホマイシン（静注）", en: "fosfomycin (intravenous)" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  ceftazidime_avibactam: {
    key: "ceftazidime_avibactam",
    cls: "new_beta_lactam",
    name: { ja: "セフタジジム/アビバクタム", en: "ceftazidime-avibactam" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  meropenem_vaborbactam: {
    key: "meropenem_vaborbactam",
    cls: "new_beta_lactam",
    name: { ja: "メロペネム/バボルバクタム", en: "meropenem-vaborbactam" },
    marketedInJapan: false,
    treatmentDrug: true,
  },
  imipenem_relebactam: {
    key: "imipenem_relebactam",
    cls: "new_beta_lactam",
    name: { ja: "レレバクタム/イミペネム/シラスタチン", en: "imipenem-relebactam" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  cefiderocol: {
    key: "cefiderocol",
    cls: "new_beta_lactam",
    name: { ja: "セフィデロコル", en: "cefiderocol" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
  aztreonam: {
    key: "aztreonam",
    cls: "monobactam",
    name: { ja: "アズトレオナム", en: "aztreonam" },
    marketedInJapan: true,
    treatmentDrug: true,
  },
};

/**
 * Type guard for the drug keys of the case file.
 *
 * Source: contracts/cre-advise.md (drug keys). @example isCreDrugKey("meropenem") // true; isCreDrugKey("mero") // false
 */
export function isCreDrugKey(key: string): key is CreDrugKey {
  return Object.hasOwn(CRE_DRUGS, key);
}

/**
 * The default hospital formulary for the CRE rules: every treatment drug of the guide that is marketed in Japan —
 * ceftazidime-avibactam included (priced for the NHI list in 2024), meropenem-vaborbactam not.
 *
 * Source: `cre-reference.md` §4.9 (availability timeline); the guide's 表6 and ※2 for which drugs are treatment drugs.
 * @example defaultCreAvailability().includes("meropenem_vaborbactam") // false
 */
export function defaultCreAvailability(): CreDrugKey[] {
  return CRE_DRUG_KEYS.filter((key) => CRE_DRUGS[key].treatmentDrug && CRE_DRUGS[key].marketedInJapan);
}

/**
 * The drug list for screens, in the order of the case file, with Japanese and English names.
 *
 * Source: `contracts/cre-advise.md` (drug keys). @example creDrugList()[0] // { key: "meropenem", name: { ja: "メロペネム", … } }
 */
export function creDrugList(): CreDrug[] {
  return CRE_DRUG_KEYS.map((key) => CRE_DRUGS[key]);
}
