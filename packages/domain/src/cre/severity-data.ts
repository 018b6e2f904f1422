import type { SeverityDomain } from "./codes.ts";

/**
 * Guide 表7 「非尿路感染症の重症例と非重症例の判断の目安」 (guide pp.15–20): three domains, each with the guide's examples. Every
 * item is written as the finding that makes its domain fail, so a checklist ticks what is present.
 */
export type SeverityChecklistItem = { code: string; ja: string; en: string };

export type SeverityDomainDefinition = {
  domain: SeverityDomain;
  title: { ja: string; en: string };
  items: SeverityChecklistItem[];
  source: string;
};

export const SEVERITY_TABLE_7: readonly SeverityDomainDefinition[] = [
  {
    domain: "hemodynamicallyStable",
    title: { ja: "血行動態が安定化している", en: "Haemodynamically stable" },
    source: "guide 表7 ①",
    items: [
      {
        code: "VASOPRESSOR_REQUIRED",
        ja: "初期輸液蘇生で血圧を維持できず昇圧剤を要する",
        en: "Vasopressor needed despite initial fluid resuscitation",
      },
      { code: "HEART_RATE_GE_130", ja: "頻脈（130回/分以上）", en: "Heart rate ≥ 130/min" },
      { code: "RESPIRATORY_RATE_GE_25", ja: "頻呼吸（25回/分以上）", en: "Respiratory rate ≥ 25/min" },
      {
        code: "FIO2_GE_40_NEEDED",
        ja: "SpO₂ 93%以上（既知のCOPDでは89%以上）の維持にFiO₂ 40%相当以上の酸素投与が必要",
        en: "FiO₂ ≥ 40% needed to keep SpO₂ ≥ 93% (≥ 89% with known COPD)",
      },
      {
        code: "SYSTOLIC_BP_LOW",
        ja: "収縮期血圧が90mmHg未満（かつ普段の収縮期血圧−40mmHg未満）",
        en: "Systolic BP < 90 mmHg (and below usual systolic BP − 40 mmHg)",
      },
      {
        // 表7: 「18 時間以上の無尿状態ではない、もしくは 0.5mL/kg/時 以上の尿量がある」 — either one keeps the item, so
        // it fails only when both fail.
        code: "ANURIA_18H_AND_URINE_LT_0_5",
        ja: "18時間以上の無尿があり、かつ尿量が0.5mL/kg/時未満",
        en: "Anuria for ≥ 18 h and urine output < 0.5 mL/kg/h",
      },
      {
        code: "CYANOSIS_PALLOR_MOTTLING",
        ja: "皮膚・口唇・舌のチアノーゼ、皮膚の蒼白、斑状皮疹",
        en: "Cyanosis of skin, lips or tongue; pallor; mottled skin",
      },
      { code: "NON_BLANCHING_RASH", ja: "圧迫にて退色しない皮疹", en: "Non-blanching rash" },
    ],
  },
  {
    domain: "noImmunodeficiencyOrStable",
    title: {
      ja: "免疫不全がない（もしくはあっても患者の状態が安定している）",
      en: "No immunodeficiency (or the patient is stable despite it)",
    },
    source: "guide 表7 ②",
    items: [
      { code: "NEUTROPENIA_LT_500", ja: "好中球減少症（<500/μL）", en: "Neutropenia (< 500/µL)" },
      {
        code: "AIDS",
        ja: "AIDS確定例（CD4<200/mm³もしくはAIDS指標疾患あり）",
        en: "AIDS (CD4 < 200/mm³ or an AIDS-defining illness)",
      },
      {
        code: "STEROID_PSL_20MG_2W",
        ja: "ステロイド使用（プレドニゾロン20mg/日と同等量以上を2週間以上）",
        en: "Corticosteroid ≥ prednisolone 20 mg/day equivalent for ≥ 2 weeks",
      },
      {
        code: "CHEMOTHERAPY_6M",
        ja: "6か月以内の抗がん剤治療",
        en: "Anticancer chemotherapy within 6 months",
      },
      {
        code: "IMMUNOSUPPRESSANT_1M",
        ja: "1か月以内の免疫抑制剤・生物学的製剤（TNF阻害薬、抗IL-6受容体抗体、T細胞選択的共刺激調節剤、抗CD20抗体、メトトレキサート等）",
        en: "Immunosuppressant or biologic within 1 month (TNF inhibitor, anti-IL-6R, T-cell co-stimulation modulator, anti-CD20, methotrexate …)",
      },
      {
        code: "HSCT_1Y",
        ja: "1年以内の造血幹細胞移植",
        en: "Haematopoietic stem-cell transplant within 1 year",
      },
      { code: "SOLID_ORGAN_TRANSPLANT", ja: "固形臓器移植", en: "Solid-organ transplant" },
      { code: "CONGENITAL_IMMUNODEFICIENCY", ja: "先天性免疫不全", en: "Congenital immunodeficiency" },
    ],
  },
  {
    domain: "sourceControlled",
    title: { ja: "ソースコントロールができている", en: "Source control achieved" },
    source: "guide 表7 ③",
    items: [
      {
        code: "INFECTED_DEVICE_NOT_REMOVED",
        ja: "感染した人工物やカテーテル・デバイスが除去されていない",
        en: "Infected prosthesis, catheter or device not removed",
      },
      {
        code: "INFECTED_COLLECTION_NOT_DRAINED",
        ja: "感染性液体貯留がドレナージされていない",
        en: "Infected fluid collection not drained",
      },
      {
        code: "OBSTRUCTION_NOT_RELIEVED",
        ja: "感染した尿路・胆道の閉塞が解除されていない",
        en: "Obstruction of an infected urinary or biliary tract not relieved",
      },
    ],
  },
];
