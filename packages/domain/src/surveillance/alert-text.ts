import type { AlertCode } from "./alerts.ts";
import type { OutcomeKind } from "./inputs.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/**
 * Display text for alerts and groups, in Japanese and English, in the plain words a care worker uses. Keyed by code so
 * that the API and the screens show the same words; the advice follows the manual's own instructions (p.33–35 for the
 * person hints, p.48 for reporting, p.54 for the cluster, p.56 for the end of an outbreak).
 */
export type Bilingual = { readonly ja: string; readonly en: string };
export type Language = keyof Bilingual;

/**
 * What the director does when criterion ア or イ holds (manual p.48 (1) 施設長の対応: 「迅速に、市町村等の高齢者施設主管部局に
 * 報告します。あわせて、保健所にも報告し対応の指示を求めます」; c. 報告の書式: 「各市町村指定の報告書用紙書式にしたがって
 * ください」; 付録1① item 4: 人数、症状、対応状況等).
 */
const REPORT_ADVICE: Bilingual = {
  ja: "施設長が、市町村が指定する報告書の様式で、市町村の担当部署に迅速に報告します。あわせて保健所にも報告し、指示を求めます。",
  en: "The director reports promptly to the municipality's department, on the report form the municipality sets, and also reports to the public health centre and asks for its instructions.",
};

export const ALERT_TEXT: Readonly<Record<AlertCode, { title: Bilingual; advice: Bilingual }>> = {
  FEVER: {
    title: { ja: "発熱", en: "Fever" },
    advice: {
      ja: "看護職員に伝え、全身の様子（ぐったりしていないか、意識、呼吸）を見てください。",
      en: "Tell the nurse, and watch how the person is overall: drowsy, confused, breathing.",
    },
  },
  LOW_GRADE_FEVER: {
    title: { ja: "微熱", en: "Slight fever" },
    advice: {
      ja: "看護職員に伝え、熱と全身の様子を見続けてください。高齢者は高い熱が出にくいことがあります。",
      en: "Tell the nurse and keep checking the temperature and how the person is. Older people may not run a high fever.",
    },
  },
  REPORT_TO_NURSE: {
    title: { ja: "看護職員へ報告", en: "Tell the nurse" },
    advice: {
      ja: "症状があります。すぐに看護職員か医師に伝え、記録してください。",
      en: "This person has symptoms. Tell the nurse or doctor now, and write it down.",
    },
  },
  CDI_CONSIDER: {
    title: { ja: "C. ディフィシル腸炎の可能性", en: "Possible C. difficile" },
    advice: {
      ja: "最近抗菌薬を使った人の下痢・腹痛です。C. ディフィシル腸炎も考えて、看護職員・医師に伝えてください。",
      en: "Diarrhoea or belly pain after recent antibiotics. Tell the nurse or doctor: it may be C. difficile.",
    },
  },
  NOROVIRUS_CONSIDER: {
    title: { ja: "ノロウイルスの可能性", en: "Possible norovirus" },
    advice: {
      ja: "冬の嘔吐・下痢はノロウイルスも疑います。手洗いは液体石けんと流水で（アルコールは効きにくい）。",
      en: "Vomiting or diarrhoea in winter may be norovirus. Wash hands with liquid soap and running water; alcohol works poorly.",
    },
  },
  EHEC_URGENT: {
    title: { ja: "腸管出血性大腸菌（O157 など）の疑い・至急", en: "Possible EHEC (such as O157): urgent" },
    advice: {
      ja: "激しい腹痛と、何度も出る水様便または血便があります。菌が見つかっていなくても、できるだけ早く医師の診察を受け、医師の指示に従ってください。",
      en: "Severe belly pain with frequent watery stool or with bloody stool. See the doctor as soon as possible, even before any test result, and follow the doctor's instructions.",
    },
  },
  TB_CONSIDER: {
    title: { ja: "結核の可能性", en: "Possible tuberculosis" },
    advice: {
      ja: "咳が2週間続いています。医師に相談し、痰の検査と胸のレントゲンを。結果が出るまでマスクと個室で。",
      en: "The cough has lasted two weeks. Ask the doctor about a sputum test and a chest X-ray; until then, a mask and a single room.",
    },
  },
  SCABIES_CONSIDER: {
    title: { ja: "疥癬の可能性", en: "Possible scabies" },
    advice: {
      ja: "かゆみと発疹があります。皮膚科医に診てもらい、手袋を着けてケアしてください。",
      en: "Itch with a rash. Ask for a dermatologist, and wear gloves for care.",
    },
  },
  LEGIONELLA_CONSIDER: {
    title: { ja: "レジオネラ症の可能性", en: "Possible Legionnaires' disease" },
    advice: {
      ja: "共同浴場を使った後の発熱と呼吸器の症状です。入浴したことを医師に伝えてください。",
      en: "Fever and chest or throat symptoms after using the shared bath. Tell the doctor about the bath.",
    },
  },
  UTI_CONSIDER: {
    title: { ja: "尿路感染症の可能性", en: "Possible urinary infection" },
    advice: {
      ja: "尿の臭いや濁りがあります（熱がなくても注意します）。ためらわずに早めに看護職員か医師に相談してください。",
      en: "Smelly or cloudy urine, with or without a fever. Ask the nurse or doctor early; do not wait.",
    },
  },
  NORO_CLUSTER_24H: {
    title: {
      ja: "24時間以内に嘔吐・水様便の人が複数",
      en: "Several people vomiting or with watery stool within 24 hours",
    },
    advice: {
      ja: "施設全体で緊急体制をとります。看護職員が記録して責任者に伝え、面会を最小限にし、消毒液と嘔吐物処理の用具を確認します。",
      en: "Go on emergency footing: the nurse records it and tells the person in charge; keep visits to a minimum; check disinfectant and vomit clean-up kits.",
    },
  },
  REPORT_CRITERION_A: {
    title: {
      ja: "行政への報告（死亡・重症の人）",
      en: "Report to the city and health centre (deaths or serious cases)",
    },
    advice: REPORT_ADVICE,
  },
  REPORT_CRITERION_B: {
    title: {
      ja: "行政への報告（症状のある人が多い）",
      en: "Report to the city and health centre (many people ill)",
    },
    advice: REPORT_ADVICE,
  },
  ABOVE_USUAL: {
    title: { ja: "いつもより多い発症", en: "More people falling ill than usual" },
    advice: {
      ja: "普段より多くの人が発症しています。施設長が報告の必要を判断します（報告基準ウ）。",
      en: "More people fell ill than usual. The director decides whether to report (criterion C).",
    },
  },
  OUTBREAK_END_ELIGIBLE: {
    title: { ja: "終息を判断できます", en: "The outbreak may be declared over" },
    advice: {
      ja: "新しく発症した人のいない日が、この病気の目安の日数（嘔吐・下痢は1週間）続きました。感染対策委員会で終息を判断してください。",
      en: "No one new has fallen ill for the quiet period of this illness (a week for vomiting and diarrhoea). The infection-control committee can decide that the outbreak is over.",
    },
  },
  NOTIFY_DEADLINE: {
    title: { ja: "医師の届出期限", en: "Doctor's notification deadline" },
    advice: {
      ja: "感染症法で届出が必要な病気です。医師が期限までに保健所へ届け出ます。",
      en: "This disease must be notified under the Infectious Diseases Control Law. The doctor notifies the health centre by the deadline.",
    },
  },
};

export const GROUP_TEXT: Readonly<Record<SyndromeGroup, { name: Bilingual; description: Bilingual }>> = {
  GI: {
    name: { ja: "嘔吐・下痢", en: "Vomiting and diarrhoea" },
    description: { ja: "嘔吐、水様便、下痢のどれか", en: "Vomiting, watery stool or diarrhoea" },
  },
  RESP: {
    name: { ja: "咳・のど・鼻の症状", en: "Cough, throat and nose" },
    description: {
      ja: "咳、痰の増加、のどの痛み、鼻水のどれか",
      en: "Cough, more sputum, sore throat or runny nose",
    },
  },
  ILI: {
    name: { ja: "インフルエンザのような症状", en: "Flu-like illness" },
    description: {
      ja: "同じ日に発熱と、咳・痰・のどの痛み・鼻水のどれか",
      en: "Fever on the same day as a cough, sputum, sore throat or runny nose",
    },
  },
  FEVER: {
    name: { ja: "発熱", en: "Fever" },
    description: {
      ja: "38.0℃以上、または平熱より1.0℃以上高い",
      en: "38.0 °C or more, or 1.0 °C above the usual",
    },
  },
  SKIN: {
    name: { ja: "発疹・かゆみ", en: "Rash or itch" },
    description: { ja: "発疹、かゆみのどちらか", en: "A rash or itching" },
  },
};

export const OUTCOME_TEXT: Readonly<Record<OutcomeKind, Bilingual>> = {
  hospitalised: { ja: "入院", en: "hospitalised" },
  severe: { ja: "重症", en: "seriously ill" },
  death: { ja: "死亡", en: "died" },
};

/**
 * How long ill staff stay off work, by disease, for the guidance shown beside an outbreak. The manual leaves it to the
 * facility and quotes the school rule only as a reference (§5 1)(1) エ, p.50–52: 「職員が感染した場合の休業期間を施設で
 * 決めておきます。現在、学校保健安全法…では、『発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで』をインフルエンザ
 * による出席停止期間としています」), so the text says who decides and presents 5 + 2 days as that reference.
 */
export const STAFF_ABSENCE_TEXT: Readonly<Record<"influenza", Bilingual>> = {
  influenza: {
    ja: "職員が感染したときに休む期間は、施設で決めておきます。参考：学校保健安全法では、インフルエンザの出席停止期間を「発症した後5日を経過し、かつ、解熱した後2日を経過するまで」としています。",
    en: "The facility decides how long staff who catch it stay off work. For reference, the School Health and Safety Act keeps pupils with influenza at home until 5 days have passed since it began and 2 days since the fever went down.",
  },
};
