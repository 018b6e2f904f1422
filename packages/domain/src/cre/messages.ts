import type { MechanismNote } from "./carbapenemase.ts";
import type { CefiderocolReasonCode } from "./cefiderocol.ts";
import type {
  CarbapenemaseEnzyme,
  CarbapenemaseTest,
  CefiderocolVerdict,
  CreCriterion,
  InfectionSite,
  MechanismCategory,
  OptionRole,
  SeverityCategory,
  UrinaryType,
} from "./codes.ts";
import { CRE_DRUGS, type CreDrugKey } from "./drugs.ts";
import type { NotificationReason } from "./notification.ts";
import type { OrganMark } from "./organ-table.ts";
import type { SirCategory } from "./susceptibility.ts";
import type { CautionCode, DoseKey, OptionCode } from "./treatment-types.ts";

/** A display string in Japanese and English. */
export type Bilingual = { ja: string; en: string };
export type Lang = keyof Bilingual;

/** Display texts for every code of the CRE rules, keyed by kind and code (drug names live in drugs.ts). */
export const CRE_MESSAGES = {
  criterion: {
    meropenem_mic_ge_2: {
      ja: "メロペネム MIC ≥2 µg/mL（届出基準ア）",
      en: "meropenem MIC ≥ 2 mg/L (criterion ア)",
    },
    meropenem_zone_le_22: {
      ja: "メロペネム阻止円径 ≤22 mm（届出基準ア）",
      en: "meropenem zone ≤ 22 mm (criterion ア)",
    },
    imipenem_and_cefmetazole: {
      ja: "イミペネム（MIC ≥2 または ≤22 mm）かつセフメタゾール（MIC ≥64 または ≤12 mm）（届出基準イ）",
      en: "imipenem (MIC ≥ 2 or ≤ 22 mm) and cefmetazole (MIC ≥ 64 or ≤ 12 mm) (criterion イ)",
    },
  } satisfies Record<CreCriterion, Bilingual>,
  notificationReason: {
    NOT_ENTEROBACTERALES: { ja: "腸内細菌目細菌ではない", en: "not an Enterobacterales" },
    NOT_CRE: { ja: "届出基準の薬剤耐性を満たさない", en: "does not meet the resistance criteria" },
    CRE_UNDECIDED: {
      ja: "MICの不等号表記のため届出基準を判定できない（再検査または阻止円径で確認）",
      en: "a qualified MIC leaves the criteria undecided (retest, or read the zone)",
    },
    STERILE_SITE: {
      ja: "通常無菌的な検体から検出: 診断から7日以内に届出",
      en: "isolated from a normally sterile specimen: notify within 7 days of diagnosis",
    },
    NON_STERILE_CAUSATIVE: {
      ja: "通常無菌的でない検体だが医師が起因菌と判断: 診断から7日以内に届出",
      en: "non-sterile specimen judged causative by the physician: notify within 7 days of diagnosis",
    },
    NON_STERILE_NOT_CAUSATIVE: {
      ja: "通常無菌的でない検体で起因菌と判断されていない（保菌は届出対象外）",
      en: "non-sterile specimen not judged causative (carriage is not notified)",
    },
    NON_STERILE_CAUSATIVE_UNDECIDED: {
      ja: "通常無菌的でない検体: 起因菌かどうかの医師の判断待ち",
      en: "non-sterile specimen: awaiting the physician's judgement whether the isolate is causative",
    },
  } satisfies Record<NotificationReason, Bilingual>,
  mechanism: {
    MBL: { ja: "メタロ-β-ラクタマーゼ産生CPE", en: "metallo-β-lactamase-producing CPE" },
    KPC: { ja: "KPC型カルバペネマーゼ産生CPE", en: "KPC-producing CPE" },
    OXA48: { ja: "OXA-48-like型カルバペネマーゼ産生CPE", en: "OXA-48-like-producing CPE" },
    CPE_SERINE_UNTYPED: {
      ja: "セリン型カルバペネマーゼ産生CPE（酵素型未確定）",
      en: "serine-carbapenemase CPE, enzyme type not known",
    },
    CPE_UNTYPED: { ja: "CPE（酵素型・MBLの有無未確定）", en: "CPE, class not known" },
    NON_CP: { ja: "カルバペネマーゼ非産生CRE（non-CP-CRE）", en: "non-carbapenemase-producing CRE" },
    UNRESOLVED: {
      ja: "判定保留（mCIM判定不能/Carba NP無効）",
      en: "unresolved (mCIM indeterminate / Carba NP invalid)",
    },
    NOT_TESTED: { ja: "カルバペネマーゼ確認試験未実施", en: "carbapenemase confirmation not done" },
  } satisfies Record<MechanismCategory, Bilingual>,
  mechanismNote: {
    DISCORDANT_CONFIRMATION: {
      ja: "確認試験の結果が一致しない（陽性を採用）",
      en: "confirmation tests disagree (the positive one is taken)",
    },
    ENZYME_WITHOUT_PHENOTYPE: {
      ja: "酵素が検出されたが表現型確認試験は陽性でない",
      en: "an enzyme was detected although the phenotypic confirmation was not positive",
    },
    ECIM_NOT_FOR_NON_ENTEROBACTERALES: {
      ja: "eCIMは腸内細菌目細菌のみで判定する",
      en: "the eCIM is read for Enterobacterales only",
    },
    ECIM_WITHOUT_POSITIVE_MCIM: {
      ja: "mCIMが陽性でないためeCIMは判定しない",
      en: "the eCIM is not read because the mCIM is not positive",
    },
    KIT_WITHOUT_IMP: {
      ja: "このイムノクロマトキットはIMP型を検出しないため陰性でもCPEを否定できない",
      en: "this immunochromatography kit does not detect IMP: a negative result does not rule out CPE",
    },
    KIT_UNKNOWN: {
      ja: "検出対象が不明なキット: 陰性でもCPEを否定できない",
      en: "kit with unknown targets: a negative result does not rule out CPE",
    },
    CARBA_NP_MISSES_OXA48: {
      ja: "Carba NPはOXA-48-like型で偽陰性となりうる",
      en: "Carba NP can be falsely negative for OXA-48-like enzymes",
    },
    ENZYME_TESTS_NEGATIVE_ONLY: {
      ja: "酵素型検査は陰性だが確認試験（mCIM/Carba NP）が未実施",
      en: "enzyme tests negative, but no mCIM or Carba NP done",
    },
    JAPAN_IMP_PREVALENT: {
      ja: "国内のCPEの85-90%はIMP型（MBL）",
      en: "85–90% of CPE in Japan are IMP type (MBL)",
    },
  } satisfies Record<MechanismNote, Bilingual>,
  test: {
    mCIM: { ja: "mCIM法", en: "mCIM" },
    eCIM: { ja: "eCIM法（mCIMと同時に実施）", en: "eCIM (run with an mCIM)" },
    carbaNP: { ja: "Carba NP法", en: "Carba NP" },
    immunochromatography: {
      ja: "イムノクロマトグラフィ法（IMP型を含むキット）",
      en: "immunochromatography (a kit that detects IMP)",
    },
    pcr: { ja: "遺伝子検査（PCR法・マイクロアレイ法）", en: "genotypic test (PCR, microarray)" },
  } satisfies Record<CarbapenemaseTest, Bilingual>,
  enzyme: {
    KPC: { ja: "KPC型", en: "KPC" },
    OXA48: { ja: "OXA-48-like型", en: "OXA-48-like" },
    VIM: { ja: "VIM型", en: "VIM" },
    IMP: { ja: "IMP型", en: "IMP" },
    NDM: { ja: "NDM型", en: "NDM" },
  } satisfies Record<CarbapenemaseEnzyme, Bilingual>,
  site: {
    urinary: { ja: "尿路", en: "urinary tract" },
    lung: { ja: "肺", en: "lung" },
    intra_abdominal: { ja: "腹腔内", en: "intra-abdominal" },
    bloodstream: { ja: "血流", en: "bloodstream" },
    skin_soft_tissue: { ja: "皮膚軟部組織", en: "skin and soft tissue" },
    other: { ja: "その他", en: "other" },
  } satisfies Record<InfectionSite, Bilingual>,
  urinaryType: {
    cystitis: { ja: "膀胱炎", en: "cystitis" },
    upper_uti: { ja: "上部尿路感染症", en: "upper urinary tract infection" },
  } satisfies Record<UrinaryType, Bilingual>,
  severity: {
    severe: { ja: "重症例", en: "severe" },
    non_severe: { ja: "非重症例", en: "non-severe" },
    not_applicable: {
      ja: "判定なし（尿路感染症で重症度の記録なし）",
      en: "not assessed (urinary infection, no severity recorded)",
    },
  } satisfies Record<SeverityCategory, Bilingual>,
  role: {
    monotherapy: { ja: "単剤治療", en: "monotherapy" },
    combination: { ja: "併用療法", en: "combination" },
    step_down: { ja: "状態安定後の単剤へのステップダウン", en: "step-down to one drug once stable" },
  } satisfies Record<OptionRole, Bilingual>,
  organMark: {
    o: { ja: "○", en: "○ (preferred)" },
    triangle: { ja: "△（単剤不可）", en: "△ (never alone)" },
    x: { ja: "×（併用薬とならない）", en: "× (does not count)" },
  } satisfies Record<OrganMark, Bilingual>,
  sir: {
    S: { ja: "S（感性）", en: "S" },
    I: { ja: "I（中間）", en: "I (intermediate)" },
    R: { ja: "R（耐性）", en: "R" },
    indeterminate: {
      ja: "判定不能（MICが判定基準をまたぐ）",
      en: "indeterminate (MIC straddles a breakpoint)",
    },
    no_breakpoint: { ja: "判定基準なし", en: "no breakpoint" },
    not_tested: { ja: "未検査", en: "not tested" },
  } satisfies Record<SirCategory, Bilingual>,
  verdict: {
    appropriate: { ja: "適正", en: "appropriate" },
    pending_consultation: {
      ja: "相談待ち（投与前に専門医か支援チームへの相談が必要）",
      en: "pending consultation (appropriate once an ID physician or the AST is consulted)",
    },
    questionable: { ja: "要検討", en: "questionable" },
    inappropriate: { ja: "不適正", en: "inappropriate" },
    not_ordered: { ja: "オーダーなし", en: "not ordered" },
  } satisfies Record<CefiderocolVerdict, Bilingual>,
  cefiderocolReason: {
    MBL_CPE: {
      ja: "MBL産生CPE: セフィデロコルはMBL産生CPEに温存する単剤治療可能な唯一のβ-ラクタム系薬",
      en: "MBL-producing CPE: cefiderocol is the only single β-lactam that treats MBL-CPE and is kept for it",
    },
    SEVERE_NON_URINARY: {
      ja: "尿路以外の感染症の重症例",
      en: "severe non-urinary infection",
    },
    SEVERE_URINARY: {
      ja: "尿路感染症の重症例",
      en: "severe urinary infection",
    },
    NO_ACTIVE_ALTERNATIVE: {
      ja: "感染臓器と重症度に合う感性の代替薬がない",
      en: "no active alternative suits the site and severity",
    },
    ACTIVE_ALTERNATIVE_EXISTS: {
      ja: "感性の代替薬がある（非β-ラクタム系薬・既存薬など）",
      en: "an active alternative exists (non-β-lactam or legacy drug)",
    },
    MECHANISM_UNKNOWN: {
      ja: "耐性機序（MBLかどうか）が未確定: 先に検査を",
      en: "mechanism (MBL or not) not yet known: test first",
    },
    NON_MBL_CPE: {
      ja: "MBL以外のCPE: セフィデロコルの使用は極力控える",
      en: "non-MBL CPE: avoid cefiderocol as far as possible",
    },
    NON_CP_CRE: {
      ja: "non-CP-CRE: セフィデロコルの使用は極力控え、他の薬剤が使えない場合に限る",
      en: "non-CP-CRE: avoid cefiderocol; only when no other drug can be used",
    },
    NOT_CRE: { ja: "CREではない（届出基準を満たさない）", en: "not a CRE by the notification criteria" },
    NOT_ENTEROBACTERALES: { ja: "腸内細菌目細菌ではない", en: "not an Enterobacterales" },
    CRE_UNDECIDED: { ja: "CREかどうか判定できない", en: "CRE status undecided" },
    CEFIDEROCOL_SUSCEPTIBILITY_NOT_CONFIRMED: {
      ja: "セフィデロコルの感受性が確認されていない",
      en: "susceptibility to cefiderocol not confirmed",
    },
    NO_CONSULTATION: {
      ja: "感染症専門医または抗菌薬適正使用支援チームへの相談が記録されていない",
      en: "no consultation with an infectious-disease physician or the AST recorded",
    },
  } satisfies Record<CefiderocolReasonCode, Bilingual>,
  option: {
    NON_BETA_LACTAM_MONOTHERAPY: {
      ja: "感受性が確認された非β-ラクタム系薬（FQ・ST合剤、尿路感染症ではアミノグリコシド系も）の単剤治療を優先する",
      en: "An active non-β-lactam (FQ or ST; aminoglycoside too for urinary infection) alone comes first",
    },
    NON_BETA_LACTAM_STEP_DOWN: {
      ja: "重症例でも状態が安定した後はFQ・ST合剤の単剤（経口）へのステップダウンを検討する",
      en: "Once a severe case is stable, step down to FQ or ST alone (oral)",
    },
    LEGACY_MONOTHERAPY: {
      ja: "重症でない尿路感染症でFQ・ST合剤・アミノグリコシド系が使えない場合に、尿路で○の既存薬を単剤で（ほかの選択肢を優先）",
      en: "Non-severe urinary infection without an active FQ, ST or aminoglycoside: one old drug marked ○ for the urinary tract (other options first)",
    },
    LEGACY_STEP_DOWN: {
      ja: "状態安定後、感染臓器で○の既存薬の単剤へ変更する",
      en: "Once stable, one legacy drug marked ○ at the site",
    },
    MEROPENEM_EXTENDED_INFUSION: {
      ja: "イミペネム非感性・メロペネム感性のnon-CP-CREでは高用量・長時間投与のメロペネム（膀胱炎では1回1g 8時間毎）を選択肢とできる（特に尿路感染症や軽症例）",
      en: "Imipenem non-susceptible, meropenem susceptible non-CP-CRE: meropenem (high-dose extended infusion; 1 g q8h for cystitis), above all for urinary or mild infection",
    },
    MBL_CEFIDEROCOL: {
      ja: "MBL産生CPEではセフィデロコル単剤治療がESCMID・IDSAの推奨",
      en: "MBL-producing CPE: cefiderocol alone (ESCMID, IDSA)",
    },
    MBL_CEFTAZIDIME_AVIBACTAM_AZTREONAM: {
      ja: "MBL産生CPEではセフタジジム/アビバクタムとアズトレオナムの併用がESCMID・IDSAの推奨",
      en: "MBL-producing CPE: ceftazidime-avibactam with aztreonam (ESCMID, IDSA)",
    },
    SERINE_CPE_NEW_BETA_LACTAM: {
      ja: "KPC型・OXA-48-like型（セリン型）CPE: 国内の手引きに記載がなく、IDSA 2024の推奨による",
      en: "KPC / OXA-48-like (serine) CPE: not covered by the Japanese guide; IDSA 2024",
    },
    LEGACY_COMBINATION: {
      ja: "新規β-ラクタム系薬が使えない非尿路感染症・重症例では、感染臓器で併用薬となる2剤以上の併用療法が提案される",
      en: "No new β-lactam for a non-urinary or severe infection: a combination of two drugs eligible at the site",
    },
    SINGLE_ELIGIBLE_DRUG: {
      ja: "併用できる組み合わせがなく、感染臓器で○の薬剤が1剤のみ（第一選択ではない: 感染症専門医に相談）",
      en: "No eligible combination: the only drug marked ○ at the site (not a first choice: consult an infectious-disease physician)",
    },
    NON_CP_LAST_RESORT: {
      ja: "non-CP-CREで他の薬剤が使えない場合に限る新規β-ラクタム系薬",
      en: "non-CP-CRE with no other usable drug: a new β-lactam as a last resort",
    },
  } satisfies Record<OptionCode, Bilingual>,
  caution: {
    NOT_ENTEROBACTERALES: {
      ja: "腸内細菌目細菌ではないためCREの手引きは適用されない",
      en: "Not an Enterobacterales: the CRE guide does not apply",
    },
    NOT_CRE: {
      ja: "CREの届出基準を満たさずCPEも確認されていない: CREの治療フローは適用されない",
      en: "Not a CRE by the notification criteria and no CPE confirmed: the CRE treatment chart does not apply",
    },
    CRE_UNDECIDED: {
      ja: "MICの不等号表記のためCREかどうか判定できない",
      en: "A qualified MIC leaves the CRE status undecided",
    },
    MECHANISM_PENDING: {
      ja: "カルバペネマーゼの検査を完了してから新規β-ラクタム系薬を選ぶ",
      en: "Finish the carbapenemase work-up before choosing a new β-lactam",
    },
    STEALTH_CPE: {
      ja: "カルバペネム感性のCPE: カルバペネム治療の予後は不明で治療中の耐性化のリスクがある",
      en: "Carbapenem-susceptible CPE: carbapenem outcome unknown, resistance may emerge on treatment",
    },
    UNDECIDED_SUSCEPTIBILITY: {
      ja: "MICの不等号表記のため感受性を判定できない薬剤は選択肢に含めない",
      en: "Drugs whose qualified MIC straddles a breakpoint are left out",
    },
    SUSCEPTIBILITY_NOT_CONFIRMED: {
      ja: "フローチャートは感受性の確認を前提とする: 未検査の系統がある",
      en: "The chart presumes confirmed susceptibility: some classes were not tested",
    },
    NOT_AVAILABLE: {
      ja: "感性だが院内で使用できない薬剤",
      en: "Active but not available in this hospital",
    },
    EXCLUDED_AT_SITE: {
      ja: "この感染臓器では併用薬の1剤とならない（×）",
      en: "Does not count as a combination drug at this site (×)",
    },
    TRIANGLE_NOT_ALONE: {
      ja: "△の薬剤はこの感染臓器で単剤治療を避ける（○を優先）",
      en: "△ drugs are never used alone at this site (○ first)",
    },
    NO_AMINOGLYCOSIDE_WITH_COLISTIN: {
      ja: "アミノグリコシド系とコリスチンの併用は腎障害のリスクを高めるため避ける",
      en: "Never combine an aminoglycoside with colistin: it raises the risk of kidney injury",
    },
    TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY: {
      ja: "チゲサイクリンを単剤で用いる場合（特に肺炎）は倍量（1回100mg 12時間毎）を検討。併用では通常量",
      en: "Tigecycline alone (particularly for pneumonia): consider the double dose (100 mg every 12 h); usual dose in a combination",
    },
    MEROPENEM_PARTNER_UNDECIDED: {
      ja: "メロペネムのMICが≤8 µg/mLか判定できないため併用薬に含めない",
      en: "Meropenem MIC not known to be ≤ 8 mg/L: not counted as a partner",
    },
    SITE_NOT_IN_ORGAN_TABLE: {
      ja: "感染臓器が表（※2）にない: 全臓器で○の薬剤のみを併用薬とした",
      en: "Site not in the organ table (※2): only drugs marked ○ at every site are counted",
    },
    COMBINATION_NOT_POSSIBLE: {
      ja: "感染臓器で併用薬となる薬剤が2剤そろわない",
      en: "Fewer than two drugs are eligible at this site",
    },
    STEP_DOWN_WHEN_STABLE: {
      ja: "状態が安定したら有害事象を考慮して単剤治療への変更を検討",
      en: "Once stable, consider one drug to limit adverse events",
    },
    FOREIGN_DOSES: {
      ja: "手引きの用量には海外用量を含む: 国内の添付文書で適応症と用量を確認する",
      en: "The guide's doses include overseas doses: check the indication and dose in the Japanese label",
    },
    CEFIDEROCOL_RESERVED_FOR_MBL: {
      ja: "セフィデロコルはMBL産生CPEに温存し、MBL以外のCPE・non-CP-CREでの使用は極力控える",
      en: "Keep cefiderocol for MBL-CPE; avoid it for non-MBL CPE and non-CP-CRE",
    },
    IMIPENEM_RELEBACTAM_NOT_FOR_OXA48: {
      ja: "イミペネム/レレバクタムはOXA-48-like型に活性がない",
      en: "Imipenem-relebactam is not active against OXA-48-like enzymes",
    },
    CEFTAZIDIME_AVIBACTAM_AZTREONAM_TOGETHER: {
      ja: "両剤を同時に投与する。単剤の感受性結果は併用の効果を示さない",
      en: "Give both at the same time; single-drug results do not predict the combination",
    },
    OUTSIDE_JAPANESE_GUIDE: {
      ja: "国内の手引きに記載のない選択肢（IDSA 2024による）",
      en: "An option the Japanese guide does not cover (IDSA 2024)",
    },
    CONSULT_BEFORE_CEFIDEROCOL: {
      ja: "セフィデロコルの投与前に感染症専門医または抗菌薬適正使用支援チームに相談する",
      en: "Consult an infectious-disease physician or the AST before cefiderocol",
    },
    CEFIDEROCOL_OUTSIDE_NOTICE: {
      ja: "カルバペネマーゼ産生菌だがCREの届出基準を満たさない: セフィデロコルの適正使用の通知はCRE感染症が対象のため選択肢に含めない",
      en: "A carbapenemase producer that does not meet the CRE criteria: the notice on cefiderocol covers CRE infections, so cefiderocol is not offered",
    },
    BRACKETED_BREAKPOINT: {
      ja: "この感染部位では判定基準が参考値にとどまる薬: 単独では使わず、ほかの有効な薬と併用する",
      en: "Only a reference (bracketed) breakpoint applies at this site: not alone, use with another active drug",
    },
    NO_OPTION: {
      ja: "規則から選べる治療薬がない: 感染症専門医に相談",
      en: "The rules find no option: consult an infectious-disease physician",
    },
  } satisfies Record<CautionCode, Bilingual>,
  dose: {
    // 表6 gives these three only as a pointer (「AmpC 産生腸内細菌目細菌の項を参照」); the screen shows the dose itself:
    // the Japanese package inserts for levofloxacin and TMP-SMX, IDSA 2024 for amikacin in urinary infection.
    levofloxacin: {
      ja: "点滴静注または経口 1回500 mg 24時間毎（添付文書）",
      en: "500 mg IV or orally every 24 h (Japanese package insert)",
    },
    trimethoprim_sulfamethoxazole: {
      ja: "経口 1回2錠（トリメトプリムとして160 mg）12時間毎（添付文書）",
      en: "2 tablets (trimethoprim 160 mg) orally every 12 h (Japanese package insert)",
    },
    amikacin: {
      ja: "膀胱炎: 15 mg/kg 1回のみ。その他の尿路感染症: 20 mg/kg 24時間毎（血中濃度を測定）（IDSA 2024）",
      en: "Cystitis: 15 mg/kg once. Other urinary infection: 20 mg/kg every 24 h with drug levels (IDSA 2024)",
    },
    ciprofloxacin: {
      ja: "手引きに用量の記載なし: 添付文書に従う",
      en: "No dose in the guide: follow the package insert",
    },
    gentamicin: {
      ja: "手引きに用量の記載なし: 添付文書に従う",
      en: "No dose in the guide: follow the package insert",
    },
    tobramycin: {
      ja: "手引きに用量の記載なし: 添付文書に従う",
      en: "No dose in the guide: follow the package insert",
    },
    fosfomycin: {
      ja: "手引きに用量の記載なし: 添付文書に従う",
      en: "No dose in the guide: follow the package insert",
    },
    colistin: {
      ja: "初回900万単位（300mg相当）負荷投与後、1回450万単位（150mg相当）12時間毎、30分以上かけて点滴静注",
      en: "Load 9 MU (300 mg CBA), then 4.5 MU (150 mg CBA) every 12 h, each over ≥ 30 min IV",
    },
    tigecycline: {
      ja: "初回100-200mg単回投与後、1回50-100mg 12時間毎、30-60分かけて点滴静注",
      en: "100–200 mg once, then 50–100 mg every 12 h over 30–60 min IV",
    },
    tigecycline_monotherapy: {
      ja: "初回100-200mg単回投与後、1回50-100mg 12時間毎、30-60分かけて点滴静注。単剤で用いるとき（特に肺炎）は倍量の1回100mg 12時間毎を検討",
      en: "100–200 mg once, then 50–100 mg every 12 h over 30–60 min IV; used alone (particularly for pneumonia), consider the double dose 100 mg every 12 h",
    },
    meropenem_cystitis: {
      ja: "膀胱炎: 1回1g 8時間毎、1回30分かけて点滴静注",
      en: "Cystitis: 1 g every 8 h, each over 30 min IV",
    },
    meropenem_extended_infusion: {
      ja: "1回2g 8時間毎、1回3時間かけて投与する長時間投与法",
      en: "2 g every 8 h, each infused over 3 h (extended infusion)",
    },
    meropenem_partner: {
      ja: "高用量・長時間投与: 1回2g 8時間毎、1回3時間かけて",
      en: "High dose, extended infusion: 2 g every 8 h over 3 h",
    },
    imipenem_relebactam: {
      ja: "1回1.25g 6時間毎、1回30分かけて点滴静注",
      en: "1.25 g every 6 h, each over 30 min IV",
    },
    ceftazidime_avibactam: {
      ja: "1回2.5g 1日3回、2時間かけて点滴静注（国内添付文書）",
      en: "2.5 g three times a day, each over 2 h IV (Japanese label)",
    },
    aztreonam_with_ceftazidime_avibactam: {
      ja: "アズトレオナム1回2g 8時間毎、セフタジジム/アビバクタムと同時に投与",
      en: "Aztreonam 2 g every 8 h, given at the same time as ceftazidime-avibactam",
    },
    cefiderocol: {
      ja: "1回2g 8時間毎、3時間かけて点滴静注（添付文書）",
      en: "2 g every 8 h over 3 h IV (package insert)",
    },
  } satisfies Record<DoseKey, Bilingual>,
} as const;

export type CreMessageKind = keyof typeof CRE_MESSAGES;

/**
 * What every dose shown is: 表6's column is 「推奨投与量 (肝腎機能正常者)」, so each dose is for normal liver and kidney
 * function and is adjusted otherwise.
 */
export const DOSE_BASIS: Bilingual = {
  ja: "肝機能・腎機能が正常な場合の推奨量。腎機能（肝機能）が低下している場合は調整が必要",
  en: "Recommended dose for normal liver and kidney function; adjust for renal (and hepatic) impairment",
};

/**
 * A dose as shown: the regimen (the drugs of a combination joined by " + "), then {@link DOSE_BASIS} once.
 *
 * Source: guide 表6 column 「推奨投与量 (肝腎機能正常者)」. @example doseText("colistin", "en")
 *   // "Load 9 MU … IV. Recommended dose for normal liver and kidney function; …"
 */
export function doseText(key: DoseKey | readonly DoseKey[], lang: Lang): string {
  const keys: readonly DoseKey[] = typeof key === "string" ? [key] : key;
  const regimen = keys.map((k) => CRE_MESSAGES.dose[k][lang]).join(" + ");
  return lang === "ja" ? `${regimen}。${DOSE_BASIS.ja}` : `${regimen}. ${DOSE_BASIS.en}`;
}

/**
 * The Japanese or English display text of a code of the CRE rules.
 *
 * Source: messages.ts (texts paraphrase the guide passages each code cites).
 * @example creText("mechanism", "MBL", "ja") // "メタロ-β-ラクタマーゼ産生CPE"
 */
export function creText<K extends CreMessageKind>(
  kind: K,
  code: keyof (typeof CRE_MESSAGES)[K],
  lang: Lang,
): string {
  const entry = CRE_MESSAGES[kind][code] as Bilingual;
  return entry[lang];
}

/**
 * A drug's display name. Source: drugs.ts. @example creDrugName("trimethoprim_sulfamethoxazole", "ja") // "ST合剤（…）"
 */
export function creDrugName(drug: CreDrugKey, lang: Lang): string {
  return CRE_DRUGS[drug].name[lang];
}
