/**
 * The notifiable-disease table: which diseases a physician must notify to the health centre, under which law and
 * category, how they are counted (全数 / 定点) and by when, with the period each rule is in force.
 *
 * Data, not code. The base is the manual's 付録2 表A2 「感染症法に基づく対象疾病と届出」(2019.1 施行, p.78–80), itself
 * made from the MHLW page 「感染症法に基づく医師の届出のお願い」; the changes after 2019 listed in
 * docs/domain/notifiable-diseases.md are carried as periods with their dates; food poisoning comes from 食品衛生法.
 * A diagnosis is judged by the period in force on the day of diagnosis.
 */

export type NotifiableLaw = "infection_act" | "food_sanitation_act";
/** 感染症法 の類型: 1–5類, 新型インフルエンザ等感染症, 指定感染症; `food` for 食品衛生法. */
export type NotifiableCategory = "1" | "2" | "3" | "4" | "5" | "new_influenza" | "designated" | "food";
/** 全数把握 (every physician, every case) or 定点把握 (designated sentinel institutions only). */
export type Surveillance = "all_cases" | "sentinel";
/** 直ちに / 7日以内 / 次の月曜日 / 翌月初日. */
export type DeadlineKind = "immediate" | "within_7_days" | "next_monday" | "first_of_next_month";
/** Who notifies a sentinel disease: 小児科・インフルエンザ/COVID-19・眼科・基幹・性感染症・急性呼吸器感染症 定点. */
export type SentinelKind =
  | "pediatric"
  | "influenza"
  | "influenza_covid"
  | "ophthalmology"
  | "basic"
  | "std"
  | "ari";

export type Bilingual = { ja: string; en: string };

export type NotifiablePeriod = {
  /** First day the rule applies (ISO date), or null: in force at the manual's date (2019-01), earlier history not carried. */
  from: string | null;
  /** Last day the rule applies, or null while in force. */
  to: string | null;
  law: NotifiableLaw;
  category: NotifiableCategory;
  surveillance: Surveillance;
  deadline: DeadlineKind;
  /** For sentinel diseases: which sentinel institutions notify (more than one for 感染性胃腸炎). */
  sentinel?: readonly SentinelKind[];
  /** The disease's legal name in this period, when it differs from the entry's name. */
  name?: Bilingual;
  /** Whether a suspected case (疑似症患者 / 疑いのある者) is notified too. */
  suspected: boolean;
  /** Where the rule comes from, in words a reader can look up. */
  source: string;
};

export type NotifiableDisease = {
  id: string;
  name: Bilingual;
  /** Other names it is recorded under (former legal names, everyday names), matched like the name. */
  aliases: readonly string[];
  periods: readonly NotifiablePeriod[];
};

const A2 = "高齢者介護施設における感染対策マニュアル 改訂版（2019年）付録2 表A2（p.78–80）";
const A2_HISTORY = "同マニュアル 付録2 本文（p.78）";
const ACT_12 = "感染症法 第12条第1項";

type Row = [id: string, ja: string, en: string, aliases?: readonly string[]];
type Rule = Omit<NotifiablePeriod, "from" | "to" | "source" | "suspected"> & { suspected?: boolean };

/** Rows of 表A2 that share one rule, in force at the manual's date. */
function tableRows(rule: Rule, rows: readonly Row[]): NotifiableDisease[] {
  return rows.map(([id, ja, en, aliases = []]) => ({
    id,
    name: { ja, en },
    aliases,
    periods: [{ from: null, to: null, suspected: false, ...rule, source: `${A2}; ${ACT_12}` }],
  }));
}

const CAT1: Rule = {
  law: "infection_act",
  category: "1",
  surveillance: "all_cases",
  deadline: "immediate",
  suspected: true,
};
const CAT2: Rule = { law: "infection_act", category: "2", surveillance: "all_cases", deadline: "immediate" };
const CAT3: Rule = { law: "infection_act", category: "3", surveillance: "all_cases", deadline: "immediate" };
const CAT4: Rule = { law: "infection_act", category: "4", surveillance: "all_cases", deadline: "immediate" };
const CAT5_NOW: Rule = {
  law: "infection_act",
  category: "5",
  surveillance: "all_cases",
  deadline: "immediate",
};
const CAT5_7D: Rule = {
  law: "infection_act",
  category: "5",
  surveillance: "all_cases",
  deadline: "within_7_days",
};
const sentinel = (deadline: DeadlineKind, ...kinds: SentinelKind[]): Rule => ({
  law: "infection_act",
  category: "5",
  surveillance: "sentinel",
  deadline,
  sentinel: kinds,
});

/** 2類 diseases whose suspected cases are notified too (感染症法 第8条第1項, 施行令 第4条). */
const CAT2_SUSPECTED = new Set([
  "tuberculosis",
  "sars",
  "mers",
  "avian_influenza_h5n1",
  "avian_influenza_h7n9",
]);

const BASE: NotifiableDisease[] = [
  ...tableRows(CAT1, [
    ["ebola", "エボラ出血熱", "Ebola haemorrhagic fever"],
    ["cchf", "クリミア・コンゴ出血熱", "Crimean-Congo haemorrhagic fever"],
    ["smallpox", "痘そう", "Smallpox", ["天然痘"]],
    ["south_american_hf", "南米出血熱", "South American haemorrhagic fever"],
    ["plague", "ペスト", "Plague"],
    ["marburg", "マールブルグ病", "Marburg disease"],
    ["lassa", "ラッサ熱", "Lassa fever"],
  ]),
  ...tableRows(CAT2, [
    ["polio", "急性灰白髄炎", "Poliomyelitis", ["ポリオ"]],
    ["tuberculosis", "結核", "Tuberculosis", ["TB"]],
    ["diphtheria", "ジフテリア", "Diphtheria"],
    ["sars", "重症急性呼吸器症候群（SARSコロナウイルスに限る）", "SARS", ["SARS", "重症急性呼吸器症候群"]],
    ["mers", "中東呼吸器症候群（MERSコロナウイルスに限る）", "MERS", ["MERS", "中東呼吸器症候群"]],
    ["avian_influenza_h5n1", "鳥インフルエンザ（H5N1）", "Avian influenza (H5N1)"],
    ["avian_influenza_h7n9", "鳥インフルエンザ（H7N9）", "Avian influenza (H7N9)"],
  ]).map((d) => ({ ...d, periods: d.periods.map((p) => ({ ...p, suspected: CAT2_SUSPECTED.has(d.id) })) })),
  ...tableRows(CAT3, [
    ["cholera", "コレラ", "Cholera"],
    ["shigellosis", "細菌性赤痢", "Shigellosis", ["赤痢"]],
    ["ehec", "腸管出血性大腸菌感染症", "EHEC infection", ["O157", "EHEC", "腸管出血性大腸菌"]],
    ["typhoid", "腸チフス", "Typhoid fever"],
    ["paratyphoid", "パラチフス", "Paratyphoid fever"],
  ]),
  ...tableRows(CAT4, [
    ["hepatitis_e", "E型肝炎", "Hepatitis E"],
    ["west_nile", "ウエストナイル熱（ウエストナイル脳炎含む）", "West Nile fever", ["ウエストナイル熱"]],
    ["hepatitis_a", "A型肝炎", "Hepatitis A"],
    ["echinococcosis", "エキノコックス症", "Echinococcosis"],
    ["yellow_fever", "黄熱", "Yellow fever"],
    ["psittacosis", "オウム病", "Psittacosis"],
    ["omsk_hf", "オムスク出血熱", "Omsk haemorrhagic fever"],
    ["relapsing_fever", "回帰熱", "Relapsing fever"],
    ["kyasanur", "キャサヌル森林病", "Kyasanur forest disease"],
    ["q_fever", "Q熱", "Q fever"],
    ["rabies", "狂犬病", "Rabies"],
    ["coccidioidomycosis", "コクシジオイデス症", "Coccidioidomycosis"],
    ["zika", "ジカウイルス感染症", "Zika virus infection"],
    ["sfts", "重症熱性血小板減少症候群（SFTSウイルスに限る）", "SFTS", ["SFTS", "重症熱性血小板減少症候群"]],
    ["hfrs", "腎症候性出血熱", "Haemorrhagic fever with renal syndrome"],
    ["wee", "西部ウマ脳炎", "Western equine encephalitis"],
    ["tbe", "ダニ媒介脳炎", "Tick-borne encephalitis"],
    ["anthrax", "炭疽", "Anthrax"],
    ["chikungunya", "チクングニア熱", "Chikungunya fever"],
    ["scrub_typhus", "つつが虫病", "Scrub typhus"],
    ["dengue", "デング熱", "Dengue fever"],
    ["eee", "東部ウマ脳炎", "Eastern equine encephalitis"],
    [
      "avian_influenza_other",
      "鳥インフルエンザ（H5N1及びH7N9を除く）",
      "Avian influenza (other than H5N1 and H7N9)",
    ],
    ["nipah", "ニパウイルス感染症", "Nipah virus infection"],
    ["japanese_spotted_fever", "日本紅斑熱", "Japanese spotted fever"],
    ["japanese_encephalitis", "日本脳炎", "Japanese encephalitis"],
    ["hps", "ハンタウイルス肺症候群", "Hantavirus pulmonary syndrome"],
    ["b_virus", "Bウイルス病", "B virus disease"],
    ["glanders", "鼻疽", "Glanders"],
    ["brucellosis", "ブルセラ症", "Brucellosis"],
    ["vee", "ベネズエラウマ脳炎", "Venezuelan equine encephalitis"],
    ["hendra", "ヘンドラウイルス感染症", "Hendra virus infection"],
    ["epidemic_typhus", "発しんチフス", "Epidemic typhus"],
    ["botulism", "ボツリヌス症", "Botulism"],
    ["malaria", "マラリア", "Malaria"],
    ["tularemia", "野兎病", "Tularaemia"],
    ["lyme", "ライム病", "Lyme disease"],
    ["lyssavirus", "リッサウイルス感染症", "Lyssavirus infection"],
    ["rift_valley", "リフトバレー熱", "Rift Valley fever"],
    ["melioidosis", "類鼻疽", "Melioidosis"],
    ["legionellosis", "レジオネラ症", "Legionellosis", ["レジオネラ", "legionella"]],
    ["leptospirosis", "レプトスピラ症", "Leptospirosis"],
    ["rmsf", "ロッキー山紅斑熱", "Rocky Mountain spotted fever"],
  ]),
  ...tableRows(CAT5_NOW, [
    ["invasive_meningococcal", "侵襲性髄膜炎菌感染症", "Invasive meningococcal disease"],
    ["measles", "麻しん", "Measles", ["麻疹", "はしか"]],
  ]),
  ...tableRows(CAT5_7D, [
    ["amoebic_dysentery", "アメーバ赤痢", "Amoebic dysentery"],
    [
      "viral_hepatitis",
      "ウイルス性肝炎（E型肝炎及びA型肝炎を除く）",
      "Viral hepatitis (other than A and E)",
      ["B型肝炎", "C型肝炎"],
    ],
    ["afp", "急性弛緩性麻痺", "Acute flaccid paralysis"],
    ["acute_encephalitis", "急性脳炎", "Acute encephalitis"],
    ["cryptosporidiosis", "クリプトスポリジウム症", "Cryptosporidiosis"],
    ["cjd", "クロイツフェルト・ヤコブ病", "Creutzfeldt-Jakob disease", ["CJD"]],
    ["stss", "劇症型溶血性レンサ球菌感染症", "Streptococcal toxic shock syndrome"],
    ["aids", "後天性免疫不全症候群", "AIDS", ["HIV感染症", "エイズ"]],
    ["giardiasis", "ジアルジア症", "Giardiasis", ["ジアルシア症"]],
    ["invasive_hib", "侵襲性インフルエンザ菌感染症", "Invasive Haemophilus influenzae disease"],
    ["invasive_pneumococcal", "侵襲性肺炎球菌感染症", "Invasive pneumococcal disease", ["IPD"]],
    ["varicella_inpatient", "水痘（入院例に限る）", "Varicella (inpatients)"],
    ["congenital_rubella", "先天性風しん症候群", "Congenital rubella syndrome"],
    ["syphilis", "梅毒", "Syphilis"],
    ["disseminated_cryptococcosis", "播種性クリプトコックス症", "Disseminated cryptococcosis"],
    ["tetanus", "破傷風", "Tetanus"],
    ["vrsa", "バンコマイシン耐性黄色ブドウ球菌感染症", "VRSA infection", ["VRSA"]],
    ["vre", "バンコマイシン耐性腸球菌感染症", "VRE infection", ["VRE"]],
    ["mdra", "薬剤耐性アシネトバクター感染症", "Multidrug-resistant Acinetobacter infection", ["MDRA"]],
  ]),
  ...tableRows(sentinel("next_monday", "pediatric"), [
    ["rsv", "RSウイルス感染症", "RSV infection"],
    ["pharyngoconjunctival_fever", "咽頭結膜熱", "Pharyngoconjunctival fever"],
    ["gas_pharyngitis", "A群溶血性レンサ球菌咽頭炎", "Group A streptococcal pharyngitis"],
    ["varicella", "水痘", "Varicella", ["水ぼうそう"]],
    ["hfmd", "手足口病", "Hand, foot and mouth disease"],
    ["erythema_infectiosum", "伝染性紅斑", "Erythema infectiosum"],
    ["exanthem_subitum", "突発性発疹", "Exanthem subitum"],
    ["herpangina", "ヘルパンギーナ", "Herpangina"],
    ["mumps", "流行性耳下腺炎", "Mumps", ["おたふくかぜ"]],
  ]),
  ...tableRows(sentinel("next_monday", "pediatric", "basic"), [
    [
      "infectious_gastroenteritis",
      "感染性胃腸炎",
      "Infectious gastroenteritis",
      ["norovirus", "ノロウイルス感染症", "ノロウイルス", "胃腸炎"],
    ],
  ]),
  ...tableRows(sentinel("next_monday", "influenza", "basic"), [
    [
      "influenza",
      "インフルエンザ（鳥インフルエンザ及び新型インフルエンザ等感染症を除く）",
      "Influenza",
      ["インフルエンザ"],
    ],
  ]),
  ...tableRows(sentinel("next_monday", "ophthalmology"), [
    ["acute_hemorrhagic_conjunctivitis", "急性出血性結膜炎", "Acute haemorrhagic conjunctivitis"],
    ["ekc", "流行性角結膜炎", "Epidemic keratoconjunctivitis"],
  ]),
  ...tableRows(sentinel("next_monday", "basic"), [
    [
      "rotavirus_gastroenteritis",
      "感染性胃腸炎（ロタウイルスに限る）",
      "Rotavirus gastroenteritis",
      ["ロタウイルス"],
    ],
    ["chlamydial_pneumonia", "クラミジア肺炎（オウム病を除く）", "Chlamydial pneumonia"],
    ["bacterial_meningitis", "細菌性髄膜炎", "Bacterial meningitis"],
    ["mycoplasma_pneumonia", "マイコプラズマ肺炎", "Mycoplasma pneumonia"],
    ["aseptic_meningitis", "無菌性髄膜炎", "Aseptic meningitis"],
  ]),
  ...tableRows(sentinel("first_of_next_month", "std"), [
    ["genital_chlamydia", "性器クラミジア感染症", "Genital chlamydia"],
    ["genital_herpes", "性器ヘルペスウイルス感染症", "Genital herpes"],
    ["condyloma", "尖圭コンジローマ", "Condyloma acuminatum"],
    ["gonorrhoea", "淋菌感染症", "Gonorrhoea"],
  ]),
  ...tableRows(sentinel("first_of_next_month", "basic"), [
    ["prsp", "ペニシリン耐性肺炎球菌感染症", "PRSP infection", ["PRSP"]],
    ["mrsa", "メチシリン耐性黄色ブドウ球菌感染症", "MRSA infection", ["MRSA", "MRSA感染症"]],
    ["mdrp", "薬剤耐性緑膿菌感染症", "MDRP infection", ["MDRP"]],
  ]),
  ...tableRows(
    {
      law: "infection_act",
      category: "new_influenza",
      surveillance: "all_cases",
      deadline: "immediate",
      suspected: true,
    },
    [["new_influenza", "新型インフルエンザ", "Pandemic (new-type) influenza"]],
  ),
];

/** Diseases whose rules changed on known dates: every period with its own source. */
const DATED: NotifiableDisease[] = [
  {
    id: "rubella",
    name: { ja: "風しん", en: "Rubella" },
    aliases: ["風疹"],
    periods: [
      {
        from: null,
        to: "2017-12-31",
        ...CAT5_7D,
        suspected: false,
        source: `${A2_HISTORY}「2018年1月…風しんの届出が診断後直ちに届出に変更」`,
      },
      {
        from: "2018-01-01",
        to: null,
        ...CAT5_NOW,
        suspected: false,
        source: `${A2}; ${A2_HISTORY}; ${ACT_12}`,
      },
    ],
  },
  {
    id: "pertussis",
    name: { ja: "百日咳", en: "Pertussis" },
    aliases: ["whooping cough"],
    periods: [
      {
        from: null,
        to: "2017-12-31",
        ...sentinel("next_monday", "pediatric"),
        suspected: false,
        source: `${A2_HISTORY}「2018年1月、百日咳が定点把握疾病から全数把握疾病に変更」`,
      },
      {
        from: "2018-01-01",
        to: null,
        ...CAT5_7D,
        suspected: false,
        source: `${A2}; ${A2_HISTORY}; ${ACT_12}`,
      },
    ],
  },
  {
    id: "cre",
    name: {
      ja: "カルバペネム耐性腸内細菌目細菌感染症",
      en: "Carbapenem-resistant Enterobacterales (CRE) infection",
    },
    aliases: ["CRE", "CRE感染症", "カルバペネム耐性腸内細菌科細菌感染症"],
    periods: [
      {
        from: "2014-09-19",
        to: "2023-05-25",
        ...CAT5_7D,
        suspected: false,
        name: {
          ja: "カルバペネム耐性腸内細菌科細菌感染症",
          en: "Carbapenem-resistant Enterobacteriaceae infection",
        },
        source: `${A2}; ${A2_HISTORY}「2014年9月、カルバペネム耐性腸内細菌科細菌感染症が5類感染症に追加」; ${ACT_12}`,
      },
      {
        from: "2023-05-26",
        to: null,
        ...CAT5_7D,
        suspected: false,
        source: `${ACT_12}; 感染症法施行規則の改正（2023年5月26日施行、腸内細菌目へ名称変更、届出基準は同じ）; 厚生労働省「カルバペネム耐性腸内細菌目細菌感染症に対する治療薬の適正使用について」（2024年）`,
      },
    ],
  },
  {
    id: "mpox",
    name: { ja: "エムポックス", en: "Mpox" },
    aliases: ["サル痘", "monkeypox"],
    periods: [
      {
        from: null,
        to: "2023-05-25",
        ...CAT4,
        suspected: false,
        name: { ja: "サル痘", en: "Monkeypox" },
        source: `${A2}; ${ACT_12}`,
      },
      {
        from: "2023-05-26",
        to: null,
        ...CAT4,
        suspected: false,
        source: `${ACT_12}; 感染症法施行令の改正（2023年5月26日施行、サル痘をエムポックスへ名称変更）`,
      },
    ],
  },
  {
    id: "covid19",
    name: { ja: "新型コロナウイルス感染症", en: "COVID-19" },
    aliases: ["COVID-19", "新型コロナ", "コロナ", "COVID"],
    periods: [
      {
        from: "2020-02-01",
        to: "2021-02-12",
        law: "infection_act",
        category: "designated",
        surveillance: "all_cases",
        deadline: "immediate",
        suspected: true,
        source:
          "新型コロナウイルス感染症を指定感染症として定める等の政令（2020年2月1日施行）; 感染症法 第12条第1項",
      },
      {
        from: "2021-02-13",
        to: "2023-05-07",
        law: "infection_act",
        category: "new_influenza",
        surveillance: "all_cases",
        deadline: "immediate",
        suspected: true,
        source:
          "感染症法の改正（2021年2月13日施行、新型インフルエンザ等感染症に位置付け）; 感染症法 第12条第1項（2022年9月26日からは発生届の対象を高齢者等に限定）",
      },
      {
        from: "2023-05-08",
        to: null,
        ...sentinel("next_monday", "influenza_covid"),
        suspected: false,
        source:
          "感染症法上の位置付けの変更（2023年5月8日、5類感染症・定点把握へ）; 厚生労働省「感染症法に基づく医師の届出のお願い」",
      },
    ],
  },
  {
    id: "acute_respiratory_infection",
    name: { ja: "急性呼吸器感染症（ARI）", en: "Acute respiratory infection (ARI)" },
    aliases: ["ARI", "急性呼吸器感染症"],
    periods: [
      {
        from: "2025-04-07",
        to: null,
        ...sentinel("next_monday", "ari"),
        suspected: false,
        source: "感染症法施行規則の改正（2025年4月7日施行、急性呼吸器感染症を5類感染症・定点把握に追加）",
      },
    ],
  },
  {
    id: "food_poisoning",
    name: { ja: "食中毒", en: "Food poisoning" },
    aliases: ["食中毒の疑い"],
    periods: [
      {
        from: null,
        to: "2020-05-31",
        law: "food_sanitation_act",
        category: "food",
        surveillance: "all_cases",
        deadline: "immediate",
        suspected: true,
        source:
          "食品衛生法 第58条第1項（直ちに最寄りの保健所長に届出）; 同マニュアル 4.3)(2) 医師の対応（p.48）",
      },
      {
        from: "2020-06-01",
        to: null,
        law: "food_sanitation_act",
        category: "food",
        surveillance: "all_cases",
        deadline: "immediate",
        suspected: true,
        source:
          "食品衛生法 第63条第1項（2018年改正法の2020年6月1日施行で第58条から移動; 直ちに最寄りの保健所長に届出）; 同マニュアル 4.3)(2) 医師の対応（p.48）",
      },
    ],
  },
];

/**
 * The table, with the day it was last reviewed against its sources. Review: 表A2 row by row against the manual
 * (seeds/002, p.78–80); the dated changes against docs/domain/notifiable-diseases.md and the MHLW page named there.
 */
export const NOTIFIABLE_TABLE = {
  version: "2026-12-02",
  reviewedOn: "2026-12-02",
  sources: [
    A2,
    "厚生労働省「感染症法に基づく医師の届出のお願い」",
    "感染症の予防及び感染症の患者に対する医療に関する法律（感染症法）第12条",
    "食品衛生法 第63条（2020年5月31日までは第58条）",
  ],
  diseases: [...BASE, ...DATED] as readonly NotifiableDisease[],
} as const;
