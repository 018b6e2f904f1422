import type { CarbapenemaseInput } from "./carbapenemase.ts";
import type { InfectionSite, MechanismCategory, SeverityCategory, SeverityDomain } from "./codes.ts";

/**
 * The worked examples of the guide (別冊 pp.15–20, after 表7): 【非尿路感染症（重症例）の具体例】 cases 1–5,
 * 【（非重症例）の具体例】 cases 1–2, 【（重症であったが治療後に状態の安定した場合）の具体例】 cases 1–2.
 * `findings` are the 表7 checklist items the narrative states; `statedSeverity` is the heading the guide puts the case
 * under. The carbapenemase evidence encodes the enzyme the narrative names (IMP, NDM, OXA-48-like, KPC) or, for
 * non-CP-CRE, a negative mCIM — the guide gives no zone values, so those are representative.
 */
export type GuideCase = {
  id: string;
  passage: string;
  summary: string;
  site: InfectionSite;
  findings: string[];
  stableDespiteImmunodeficiency: boolean;
  stabilisedAfterTreatment: boolean;
  statedSeverity: Exclude<SeverityCategory, "not_applicable">;
  expectedFailedDomains: SeverityDomain[];
  carbapenemase: CarbapenemaseInput;
  expectedMechanism: MechanismCategory;
};

const IMP: CarbapenemaseInput = { immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] } };
const NON_CP: CarbapenemaseInput = { mCIM: { zoneMm: 22, pinpointColonies: false } };

export const GUIDE_CASES: readonly GuideCase[] = [
  {
    id: "severe-1",
    passage: "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例1",
    summary:
      "直腸切除後の縫合不全による二次性腹膜炎で敗血症性ショック。血液・腹水（ドレーン挿入時）から IMP 型 CPE。",
    site: "intra_abdominal",
    findings: ["VASOPRESSOR_REQUIRED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: IMP,
    expectedMechanism: "MBL",
  },
  {
    id: "severe-2",
    passage: "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例2",
    summary:
      "総胆管結石による急性閉塞性化膿性胆管炎で敗血症性ショックと急性腎障害。血液・胆汁（緊急胆道ドレナージ時）から non-CP-CRE。",
    site: "intra_abdominal",
    findings: ["VASOPRESSOR_REQUIRED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: NON_CP,
    expectedMechanism: "NON_CP",
  },
  {
    id: "severe-3",
    passage: "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例3",
    summary:
      "COPD の既往、トルコの ICU から医療搬送後の再肺炎で酸素需要、PaO₂/FiO₂ 比 180。喀痰から OXA-48-like 型 CPE。",
    site: "lung",
    findings: ["FIO2_GE_40_NEEDED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: { pcr: { genes: ["OXA48"] } },
    expectedMechanism: "OXA48",
  },
  {
    id: "severe-4",
    passage: "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例4",
    summary: "急性骨髄性白血病で化学療法中の好中球減少性発熱・好中球減少性腸炎。血液から IMP 型 CPE。",
    site: "bloodstream",
    findings: ["NEUTROPENIA_LT_500", "CHEMOTHERAPY_6M"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "severe",
    expectedFailedDomains: ["noImmunodeficiencyOrStable"],
    carbapenemase: IMP,
    expectedMechanism: "MBL",
  },
  {
    id: "severe-5",
    passage: "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例5",
    summary: "糖尿病性足壊疽の感染による壊死性筋膜炎で敗血症性ショック。創部・血液から NDM 型 CPE。",
    site: "skin_soft_tissue",
    findings: ["VASOPRESSOR_REQUIRED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: { immunochromatography: { kit: "NG-Test CARBA 5", detected: ["NDM"] } },
    expectedMechanism: "MBL",
  },
  {
    id: "non-severe-1",
    passage: "guide pp.15–20 【非尿路感染症（非重症例）の具体例】症例1",
    summary: "パーキンソン病、誤嚥性肺炎。バイタルサイン安定、カヌラ 1L/分で SpO₂ 97%。喀痰から non-CP-CRE。",
    site: "lung",
    findings: [],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "non_severe",
    expectedFailedDomains: [],
    carbapenemase: NON_CP,
    expectedMechanism: "NON_CP",
  },
  {
    id: "non-severe-2",
    passage: "guide pp.15–20 【非尿路感染症（非重症例）の具体例】症例2",
    summary:
      "関節リウマチでプレドニゾロン 5mg（20mg 未満）内服中の蜂窩織炎、血行動態安定。創部滲出液から IMP 型 CPE。",
    site: "skin_soft_tissue",
    findings: [],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: false,
    statedSeverity: "non_severe",
    expectedFailedDomains: [],
    carbapenemase: IMP,
    expectedMechanism: "MBL",
  },
  {
    id: "stabilised-1",
    passage: "guide pp.15–20 【非尿路感染症（重症であったが治療後に状態の安定した場合）の具体例】症例1",
    summary:
      "仙骨部褥瘡周囲の蜂窩織炎・皮下膿瘍・仙骨髄炎。入院時敗血症性ショック、1 週間目にバイタル正常化。膿から non-CP-CRE。",
    site: "skin_soft_tissue",
    findings: ["VASOPRESSOR_REQUIRED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: true,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: NON_CP,
    expectedMechanism: "NON_CP",
  },
  {
    id: "stabilised-2",
    passage: "guide pp.15–20 【非尿路感染症（重症であったが治療後に状態の安定した場合）の具体例】症例2",
    summary:
      "肝膿瘍で敗血症性ショック（昇圧剤）、緊急ドレナージ、2 週間後に全身状態良好。血液・膿瘍ドレナージ液から KPC 産生 K. pneumoniae。",
    site: "intra_abdominal",
    findings: ["VASOPRESSOR_REQUIRED"],
    stableDespiteImmunodeficiency: false,
    stabilisedAfterTreatment: true,
    statedSeverity: "severe",
    expectedFailedDomains: ["hemodynamicallyStable"],
    carbapenemase: { immunochromatography: { kit: "NG-Test CARBA 5", detected: ["KPC"] } },
    expectedMechanism: "KPC",
  },
];
