/**
 * The schedule of a facility's infection-control routine between outbreaks, as data: each obligation's rule in plain
 * words, the default that a facility may change, and the source text with its page.
 *
 * Sources: 高齢者介護施設における感染対策マニュアル 改訂版 (厚生労働省, 2019, seeds/002), pages as in its table of
 * contents (§3 p.10–43; §5 p.50–66; 付録1 p.69; 付録3 p.82; 付録6 p.91). The three-monthly committee meeting is not in
 * the 2019 manual (it says only 定期的な開催, p.12): it comes from the operating standards for care facilities as amended
 * in 2021 (指定介護老人福祉施設の人員、設備及び運営に関する基準 第27条, おおむね3月に1回以上), which the manual's
 * §3 heading cites as 基準省令第27条.
 */

export const OBLIGATION_CODES = [
  "COMMITTEE",
  "GUIDELINE_REVIEW",
  "NEW_HIRE_TRAINING",
  "REGULAR_TRAINING",
  "STAFF_IMMUNITY",
  "STAFF_HEALTH_CHECK",
  "STAFF_FLU_VACCINE",
  "RESIDENT_FLU_VACCINE",
  "EXPOSURE_FOLLOW_UP",
  "HUMIDIFIER_TANK",
  "HUMIDIFIER_INSPECTION",
  "HUMIDIFIER_CLEANING",
  "HUMIDIFIER_DRAIN",
  "BATH_CHLORINE",
  "BATH_WATER_CHANGE",
  "BATH_LEGIONELLA_TEST",
  "KITCHEN_CHECK",
  "CLEANING_ROUND",
] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

/** Where a rule comes from: the document, its section, pages, and its own words. */
export type ObligationSource = {
  readonly document: string;
  readonly section: string;
  readonly pages: readonly number[];
  readonly quote: string;
};

const MANUAL = "高齢者介護施設における感染対策マニュアル 改訂版（2019年3月）";

/** The facility's settings of the schedule; every field has the default shown in `DEFAULT_OBLIGATION_SETTINGS`. */
export type ObligationSettings = {
  /** Committee meets at least every this many calendar months. */
  committeeEveryMonths: number;
  /** A new hire is trained within this many days of hiring. */
  newHireTrainingDays: number;
  /** Regular trainings per fiscal year. */
  regularTrainingsPerYear: number;
  /** First month (1–12) of the fiscal year. */
  fiscalYearStartMonth: number;
  /** The guideline and manual are reviewed at least every this many months. */
  guidelineReviewMonths: number;
  /** Staff health check at least every this many months. */
  healthCheckEveryMonths: number;
  /** The influenza vaccine of a season (October–March) is due by the end of this month (10–12). */
  fluVaccineDueMonth: number;
  /** A circulating bath's water is changed at least every this many days (non-circulating: daily). */
  circulatingBathWaterChangeDays: number;
  /** Records are kept this many years; deletion before then is refused. */
  retentionYears: number;
};

export const DEFAULT_OBLIGATION_SETTINGS: ObligationSettings = {
  committeeEveryMonths: 3,
  newHireTrainingDays: 30,
  regularTrainingsPerYear: 2,
  fiscalYearStartMonth: 4,
  guidelineReviewMonths: 12,
  healthCheckEveryMonths: 12,
  fluVaccineDueMonth: 12,
  circulatingBathWaterChangeDays: 7,
  retentionYears: 5,
};

/** Residual chlorine of bath water that is in range, mg/L (manual p.24: 残留塩素濃度（基準 0.2～0.4 mg/L）). */
export const BATH_CHLORINE_RANGE_MG_L = { min: 0.2, max: 0.4 } as const;

/** The diseases whose history, vaccination or antibody is checked on hiring (manual p.30, §3 6)(1)). */
export const STAFF_IMMUNITY_DISEASES = ["measles", "rubella", "varicella", "mumps", "hepatitis_b"] as const;
export type StaffImmunityDisease = (typeof STAFF_IMMUNITY_DISEASES)[number];

/** One obligation of the schedule: its rule in plain words, the settings it reads, and the source. */
export type ObligationRule = {
  readonly code: ObligationCode;
  readonly rule: string;
  readonly settings: readonly (keyof ObligationSettings)[];
  readonly source: ObligationSource;
};

export const OBLIGATION_SCHEDULE: Readonly<Record<ObligationCode, ObligationRule>> = {
  COMMITTEE: {
    code: "COMMITTEE",
    rule: "感染対策委員会を定期的に開催する（既定はおおむね3か月に1回）。感染症の流行時期や疑いのある場合は随時開催する。",
    settings: ["committeeEveryMonths"],
    source: {
      document: `${MANUAL}；指定介護老人福祉施設の人員、設備及び運営に関する基準 第27条（2021年改正）`,
      section: "3. 1) (3) 開催頻度",
      pages: [12],
      quote:
        "基本的には定期的な開催に加えて、感染症が発生しやすい時期や感染症の疑いのある場合は、必要に応じて随時開催することが必要です。",
    },
  },
  GUIDELINE_REVIEW: {
    code: "GUIDELINE_REVIEW",
    rule: "感染対策の指針・マニュアルを少なくとも年1回見直し、職員に周知する。",
    settings: ["guidelineReviewMonths"],
    source: {
      document: MANUAL,
      section: "3. 2) (4) マニュアルの見直しの必要性",
      pages: [16],
      quote: "実施状況に照らし合わせて、実態にあわないところは改定する。",
    },
  },
  NEW_HIRE_TRAINING: {
    code: "NEW_HIRE_TRAINING",
    rule: "新規採用者には採用後できるだけ早く（既定は30日以内）感染対策の研修を行う。",
    settings: ["newHireTrainingDays"],
    source: {
      document: MANUAL,
      section: "3. 4) (2) 研修を行う時期",
      pages: [19],
      quote: "新規採用者に対しては、採用後のできるだけ早い時期に、感染対策の研修を必ず実施します。",
    },
  },
  REGULAR_TRAINING: {
    code: "REGULAR_TRAINING",
    rule: "全職員を対象に、年度ごとに2回以上の定期研修を行う。",
    settings: ["regularTrainingsPerYear", "fiscalYearStartMonth"],
    source: {
      document: `${MANUAL}；付録1①「社会福祉施設等における感染症等発生時に係る報告について」8`,
      section: "3. 4) (2) 研修を行う時期；付録1① 8",
      pages: [19, 69],
      quote:
        "指針に基づいた研修プログラムを作成し、年2回以上の定期的な研修を実施します。／年1回以上、職員を対象として衛生管理に関する研修を行うこと。",
    },
  },
  STAFF_IMMUNITY: {
    code: "STAFF_IMMUNITY",
    rule: "入職時に、麻しん・風しん・水痘・流行性耳下腺炎・B型肝炎の既往、予防接種、抗体価を確認する。",
    settings: [],
    source: {
      document: MANUAL,
      section: "3. 6) (1) 入職時の確認",
      pages: [30],
      quote:
        "職員の入職時に、感染症（水痘、麻しん、風しん、流行性耳下腺炎、およびB型肝炎）の既往や予防接種の状況、抗体価の状況を確認しておきます。",
    },
  },
  STAFF_HEALTH_CHECK: {
    code: "STAFF_HEALTH_CHECK",
    rule: "職員の定期健康診断を年1回行う。",
    settings: ["healthCheckEveryMonths"],
    source: {
      document: `${MANUAL}；労働安全衛生法 第66条`,
      section: "3. 6) (3) 定期的な健康診断",
      pages: [30],
      quote: "事業者は、職員に対し、定期の健康診断を行う義務があります（労働安全衛生法第66条第1項）。",
    },
  },
  STAFF_FLU_VACCINE: {
    code: "STAFF_FLU_VACCINE",
    rule: "職員はインフルエンザワクチンを毎シーズン接種する（既定は12月末まで）。",
    settings: ["fluVaccineDueMonth"],
    source: {
      document: MANUAL,
      section: "3. 6) (4) ワクチンによる予防",
      pages: [31],
      quote: "インフルエンザワクチン　毎年、必ず接種します。",
    },
  },
  RESIDENT_FLU_VACCINE: {
    code: "RESIDENT_FLU_VACCINE",
    rule: "入所者にはインフルエンザが流行する前に予防接種を説明し、同意を得て接種する（同意しない場合はその記録）。",
    settings: ["fluVaccineDueMonth"],
    source: {
      document: MANUAL,
      section: "2. 2) 感染対策の基礎知識；5. 1) (1) インフルエンザ",
      pages: [4, 51],
      quote:
        "本人や家族にワクチンの意義や有効性、副反応等も説明のうえ、同意を得た上で、積極的に予防接種の機会を提供します。／入所者に対しては、インフルエンザが流行するシーズン前に、予防接種の必要性、有効性、副反応について十分説明します。",
    },
  },
  EXPOSURE_FOLLOW_UP: {
    code: "EXPOSURE_FOLLOW_UP",
    rule: "針刺しや血液・体液への曝露は医師の処置と経過観察を受け、その終了を記録する。",
    settings: [],
    source: {
      document: MANUAL,
      section: "3. 6) (5) 職業感染対策",
      pages: [31],
      quote:
        "医師による適切な処置（感染リスクの評価、曝露部位の洗浄、予防薬の投与の必要性の判断、予防薬の投与、経過観察、治療等）を仰ぐ体制を整備しておくことが重要です。",
    },
  },
  HUMIDIFIER_TANK: {
    code: "HUMIDIFIER_TANK",
    rule: "家庭用加湿器のタンクの水は毎日完全に換え、タンク内を清掃する。",
    settings: [],
    source: {
      document: `${MANUAL}；付録3（レジオネラ症を予防するために必要な措置に関する技術上の指針 第五 三 4）`,
      section: "3. 5) (2) 加湿器；付録3",
      pages: [24, 82],
      quote: "家庭用加湿器のタンクの水は、毎日完全に換えるとともに、タンク内を清掃すること。",
    },
  },
  HUMIDIFIER_INSPECTION: {
    code: "HUMIDIFIER_INSPECTION",
    rule: "建物に組み込まれた加湿装置は、使用期間中1か月に1回以上汚れを点検する。",
    settings: [],
    source: {
      document: `${MANUAL}；付録3（第五 三 2）`,
      section: "付録3",
      pages: [82],
      quote:
        "加湿装置の使用開始時及び使用期間中は一か月に一回以上、加湿装置の汚れの状況を点検し、必要に応じ加湿装置の清掃等を実施する",
    },
  },
  HUMIDIFIER_CLEANING: {
    code: "HUMIDIFIER_CLEANING",
    rule: "加湿装置は1年に1回以上清掃する。",
    settings: [],
    source: {
      document: `${MANUAL}；付録3（第五 三 2）`,
      section: "付録3",
      pages: [82],
      quote: "一年に一回以上、清掃を実施すること。",
    },
  },
  HUMIDIFIER_DRAIN: {
    code: "HUMIDIFIER_DRAIN",
    rule: "加湿装置は使用開始時と使用終了時に水抜きと清掃をする。",
    settings: [],
    source: {
      document: `${MANUAL}；付録3（第五 三 3）`,
      section: "3. 5) (2) 加湿器；付録3",
      pages: [24, 82],
      quote: "加湿装置の使用開始時及び使用終了時に、水抜き及び清掃を実施すること。",
    },
  },
  BATH_CHLORINE: {
    code: "BATH_CHLORINE",
    rule: "浴槽水の残留塩素濃度を毎日、時間を決めて測定し記録する（基準 0.2～0.4 mg/L）。",
    settings: [],
    source: {
      document: MANUAL,
      section: "3. 5) (2) 浴室",
      pages: [24],
      quote:
        "残留塩素濃度（基準 0.2～0.4 mg/L）の測定 時間を決め残留塩素測定器で測定 結果は記録し3年間保管します。",
    },
  },
  BATH_WATER_CHANGE: {
    code: "BATH_WATER_CHANGE",
    rule: "浴槽の換水：非循環型は毎日、循環型は1週間に1回以上。",
    settings: ["circulatingBathWaterChangeDays"],
    source: {
      document: MANUAL,
      section: "3. 5) (2) 浴室",
      pages: [24],
      quote: "浴槽の換水（非循環型は毎日、循環型は1週間に1回以上）",
    },
  },
  BATH_LEGIONELLA_TEST: {
    code: "BATH_LEGIONELLA_TEST",
    rule: "少なくとも年1回、浴槽水のレジオネラ属菌検査を行い、結果を3年間保管する。",
    settings: [],
    source: {
      document: MANUAL,
      section: "3. 5) (2) 浴室；5. 1) (6) レジオネラ症",
      pages: [24, 62],
      quote: "少なくとも年1回以上、浴槽水のレジオネラ属菌等の検査を行います。",
    },
  },
  KITCHEN_CHECK: {
    code: "KITCHEN_CHECK",
    rule: "厨房の衛生点検（手洗い、器具の洗浄・殺菌、検食の保存、調理従事者の健康状態）を毎日記録する。",
    settings: [],
    source: {
      document: `${MANUAL}；付録1②（大量調理施設衛生管理マニュアル）`,
      section: "付録1②",
      pages: [71],
      quote:
        "各材料ごとに、50g程度ずつ清潔な容器（ビニール袋等）に密封して入れ、-20℃以下で2週間以上保存する。（検食用）",
    },
  },
  CLEANING_ROUND: {
    code: "CLEANING_ROUND",
    rule: "各所を原則1日1回以上湿式清掃し、換気して乾燥させる。",
    settings: [],
    source: {
      document: MANUAL,
      section: "3. 5) (2) 施設内の清掃",
      pages: [23],
      quote: "各所、原則 1 日 1 回以上の湿式清掃し、換気（空気の入れ換え）を行い乾燥させます。",
    },
  },
};
