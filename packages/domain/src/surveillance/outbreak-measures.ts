import { facilityGroupOfDisease } from "./diseases.ts";
import type { FacilitySubject } from "./inputs.ts";
import { FACILITY_RULE_GROUPS, type SyndromeGroup } from "./syndrome-groups.ts";

/**
 * The measures the manual asks for during an outbreak, as data: one entry per measure, with the manual's own words and
 * page, offered as a checklist on an outbreak episode (付録1① item 3 asks the facility to record "有症者の状況やそれに講じた
 * 措置等").
 *
 * Source: 高齢者介護施設における感染対策マニュアル 改訂版 (2019) — §4 感染症発生時の対応 (p.44–49), §5.1) 個別の感染症
 * (influenza p.50–52, norovirus p.53–56, scabies p.57–58), 付録1① item 5 (p.69–70). Pages follow the manual's table of
 * contents; a passage near the turn of a page is given both pages. The quotes are copied from the manual; where the
 * source text has a misprint (「痒癩型」 for 「痂皮型」) the manual's own spelling elsewhere is used.
 */
export type MeasureGroup = "ALL" | "GI" | "ILI" | "SKIN";

export type OutbreakMeasure = {
  /** Stable id stored with a recorded measure. */
  readonly id: string;
  /** `ALL` for the general measures of §4, otherwise the syndrome group whose diseases the manual's section covers. */
  readonly group: MeasureGroup;
  /** What to do, in a few words. */
  readonly title: { readonly ja: string; readonly en: string };
  /** The manual's words (Japanese, as printed). */
  readonly words: string;
  /** Where: the section heading and page(s) of the manual. */
  readonly source: { readonly section: string; readonly pages: string };
  /** A tool of the app that helps with the measure. */
  readonly tool?: "disinfection-vomit";
};

const MANUAL = "高齢者介護施設における感染対策マニュアル 改訂版（2019年3月）";

/** The manual cited by every entry of the catalogue. */
export const OUTBREAK_MEASURES_SOURCE = MANUAL;

export const OUTBREAK_MEASURES: readonly OutbreakMeasure[] = [
  // §4 感染症発生時の対応 — whatever the disease.
  {
    id: "all.share-lead-director",
    group: "ALL",
    title: {
      ja: "感染対策担当者と施設長に状況を伝える",
      en: "Tell the infection-control lead and the director",
    },
    words: "速やかに感染対策担当者に状況を共有するとともに、感染対策担当者は施設長に情報共有します。",
    source: { section: "4. 1)(1) 介護職員等の対応", pages: "p.45" },
  },
  {
    id: "all.physician-tests",
    group: "ALL",
    title: { ja: "医師に診察・検査を依頼する", en: "Ask the physician for examination and tests" },
    words: "施設長は、医師に対して診断に必要な検査や治療等を実施するよう依頼する",
    source: { section: "4. 1)(2) 施設長の対応", pages: "p.45" },
  },
  {
    id: "all.record-diagnoses",
    group: "ALL",
    title: {
      ja: "受診状況・診断名・検査・治療を記録する",
      en: "Record consultations, diagnoses, tests and treatment",
    },
    words: "受診状況と診断名、検査、治療の内容を記録しておきます。",
    source: { section: "4. 1) 施設における感染症の発生状況の把握と対応", pages: "p.45" },
  },
  {
    id: "all.hand-hygiene",
    group: "ALL",
    title: {
      ja: "手洗いと嘔吐物・排泄物の処理を徹底する",
      en: "Enforce hand hygiene and the handling of vomit and stool",
    },
    words: "発生時は、衛生学的手洗いや嘔吐物、排泄物等の適切な処理を徹底します。",
    source: { section: "4. 2)(1) 介護職員の対応", pages: "p.46" },
  },
  {
    id: "all.restrict-visitors",
    group: "ALL",
    title: {
      ja: "来訪者と入所者の接触を制限するか判断する",
      en: "Decide whether to restrict visitors' contact",
    },
    words:
      "医師は、感染症のまん延防止の観点から、来訪者に対して入所者との接触を制限する必要性を判断し、制限する必要があると判断した場合は、施設長に状況を報告します。",
    source: { section: "4. 2)(2) 医師および看護職員の対応", pages: "p.46" },
  },
  {
    id: "all.consult-hospital-health-centre",
    group: "ALL",
    title: { ja: "協力病院・保健所に相談する", en: "Consult the cooperating hospital and the health centre" },
    words: "協力病院や保健所に相談し、技術的な応援を頼んだり、助言をもらいます。",
    source: { section: "4. 2)(3) 施設長の対応", pages: "p.47" },
  },
  {
    id: "all.staff-health",
    group: "ALL",
    title: { ja: "職員に自己の健康管理を指示する", en: "Tell staff to watch their own health" },
    words: "職員等に対し、自己の健康管理を徹底するよう指示する",
    source: { section: "4. 2)(3) 施設長の対応", pages: "p.47" },
  },
  {
    id: "all.report-authorities",
    group: "ALL",
    title: {
      ja: "報告基準に当たれば市町村と保健所に報告する",
      en: "Report to the municipality and the health centre when a criterion is met",
    },
    words:
      "施設長は、次のような場合、迅速に、市町村等の高齢者施設主管部局に報告します。あわせて、保健所にも報告し対応の指示を求めます。",
    source: { section: "4. 3) 行政への報告", pages: "p.48" },
  },
  {
    id: "all.keep-specimens",
    group: "ALL",
    title: { ja: "検体（血液・便・吐物等）を確保する", en: "Keep specimens (blood, stool, vomit)" },
    words:
      "4 の報告を行った社会福祉施設等においては、その原因の究明に資するため、当該患者の診察医等と連携の上、血液、便、吐物等の検体を確保するよう努めること。",
    source: { section: "付録1① 社会福祉施設等における感染症等発生時に係る報告について 5", pages: "p.69–70" },
  },

  // §5.1)(2) ノロウイルス感染症・感染性胃腸炎 (p.53–56).
  {
    id: "gi.emergency-footing",
    group: "GI",
    title: { ja: "施設全体に緊急体制を敷く", en: "Put the whole facility on emergency footing" },
    words:
      "24 時間のうちに、水様便や嘔吐症状の発症者が 2 人以上になった場合には以下の対応を行います。…責任者は、施設全体に緊急体制を敷きます。",
    source: { section: "5. 1)(2) エ 高齢者介護施設の体制・連絡等", pages: "p.54" },
  },
  {
    id: "gi.share-counts",
    group: "GI",
    title: {
      ja: "発症者数・症状継続者数を職員全体で共有する",
      en: "Share the count of the ill with all staff",
    },
    words:
      "看護職員はその後の発症者数、症状継続者数の現況を、情報共有できる場を設けて、職員全体が経過を把握できるようにします。",
    source: { section: "5. 1)(2) エ 高齢者介護施設の体制・連絡等", pages: "p.54" },
  },
  {
    id: "gi.visitors",
    group: "GI",
    title: { ja: "面会を必要最小限にする", en: "Keep visits to the minimum" },
    words: "面会は必要最小限にします。面会者にも情報を示し、理解を求めます。",
    source: { section: "5. 1)(2) エ 高齢者介護施設の体制・連絡等", pages: "p.54" },
  },
  {
    id: "gi.supplies",
    group: "GI",
    title: {
      ja: "消毒薬と嘔吐物処理の用具が足りているか確かめる",
      en: "Check disinfectant and vomit-cleaning kits",
    },
    words: "消毒薬や嘔吐物処理等に必要な用具が足りているかの確認も必要です。",
    source: { section: "5. 1)(2) エ 高齢者介護施設の体制・連絡等", pages: "p.54" },
  },
  {
    id: "gi.trace-route",
    group: "GI",
    title: { ja: "感染ルートを確かめる", en: "Trace the route of infection" },
    words:
      "感染ルートを確認します。一緒に食事を摂取した人をよく観察します。感染者や施設外部者との接触があったかどうかも確認します。",
    source: { section: "5. 1)(2) エ 高齢者介護施設の体制・連絡等", pages: "p.54" },
  },
  {
    id: "gi.rooms-cohort",
    group: "GI",
    title: { ja: "個室に移す（足りなければ同じ症状の人を同室に）", en: "Move to single rooms, or cohort" },
    words:
      "可能な限り個室に移します。個室がない場合は同じ症状の入所者を一つの部屋へ集めます。居室隔離が難しい場合はベッド間をカーテンで仕切る等の対応を行います。",
    source: { section: "5. 1)(2) エ 入所者への対応", pages: "p.54" },
  },
  {
    id: "gi.vomit-hypochlorite",
    group: "GI",
    title: { ja: "嘔吐物は次亜塩素酸ナトリウム液で処理する", en: "Clean vomit with sodium hypochlorite" },
    words:
      "嘔吐があった場合には、周囲2メートルくらいは汚染していると考えて…最後に次亜塩素酸ナトリウム液(0.1~0.5%)で確実にふき取ります。",
    source: { section: "5. 1)(2) オ 嘔吐物、排泄物の処理", pages: "p.55" },
    tool: "disinfection-vomit",
  },
  {
    id: "gi.laundry",
    group: "GI",
    title: {
      ja: "汚れた衣類・シーツを消毒してから洗濯する",
      en: "Disinfect soiled clothes and sheets before washing",
    },
    words:
      "次に次亜塩素酸ナトリウム液（0.05%～0.1%）につけます（10分程度）。あるいは、85℃以上で1分間以上熱湯消毒します。",
    source: { section: "5. 1)(2) オ 洗濯", pages: "p.55" },
  },
  {
    id: "gi.bath-last",
    group: "GI",
    title: { ja: "回復した人は1週間ほど最後に入浴する", en: "The recovered bathe last for about a week" },
    words: "症状が落ち着き、入浴できる状態であれば、1週間ぐらいは最後に入浴するようにします。",
    source: { section: "5. 1)(2) オ 入浴", pages: "p.55" },
  },
  {
    id: "gi.staff-off-work",
    group: "GI",
    title: { ja: "感染した職員の就業を制限する", en: "Restrict work of infected staff" },
    words:
      "職員の感染者は症状が消失しても、一定期間は就業制限したり、食品を扱う部署から外れたり、トイレの後の液体石けんと流水による手洗いを入念にする等の対策をします（症状消失後も便にウイルスが残っているため）。",
    source: { section: "5. 1)(2) カ 解除の判断", pages: "p.56" },
  },

  // §5.1)(1) インフルエンザ (p.50–52).
  {
    id: "ili.physician",
    group: "ILI",
    title: { ja: "早めに医師の診察を受ける", en: "See the physician early" },
    words: "インフルエンザを疑う症状があった場合は、早めに医師の診察を受けます。",
    source: { section: "5. 1)(1) エ 感染を疑ったら～対応の方針", pages: "p.52" },
  },
  {
    id: "ili.single-rooms",
    group: "ILI",
    title: { ja: "個室対応（足りなければ同じ症状の人を同室に）", en: "Single rooms, or cohort" },
    words:
      "インフルエンザを疑う場合（および診断された場合）には、基本的には個室対応とします。複数の入所者にインフルエンザの疑いがあり、個室が足りない場合には、同じ症状の人を同室とします。",
    source: { section: "5. 1)(1) エ 感染を疑ったら～対応の方針", pages: "p.52" },
  },
  {
    id: "ili.masks",
    group: "ILI",
    title: {
      ja: "ケアする職員と部屋を出る人はマスクを着ける",
      en: "Masks for carers and for the ill leaving the room",
    },
    words:
      "インフルエンザの疑いのある入所者（および診断された入所者）にケアや処置をする場合には、職員はサージカルマスクを着用します。罹患した入所者が部屋を出る場合は、マスクをします。",
    source: { section: "5. 1)(1) エ 感染を疑ったら～対応の方針", pages: "p.52" },
  },
  {
    id: "ili.visitors",
    group: "ILI",
    title: {
      ja: "咳のある面会者にマスクを頼む・面会を制限する",
      en: "Masks for coughing visitors; restrict visits",
    },
    words: "入所者や面会者で咳をしている人にはマスクを着用してもらいます。",
    source: { section: "5. 1)(1) イ 平常時の対応・予防", pages: "p.51" },
  },
  {
    id: "ili.staff-off-work",
    group: "ILI",
    title: {
      ja: "感染した職員を施設の決めた期間休ませる",
      en: "Keep infected staff off work for the facility's period",
    },
    words:
      "職員が感染した場合の休業期間を施設で決めておきます。現在、学校保健安全法（昭和 33 年法律第 56 号）では、「発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで」をインフルエンザによる出席停止期間としています。",
    source: { section: "5. 1)(1) エ 感染を疑ったら～対応の方針", pages: "p.52" },
  },
  {
    id: "ili.prophylaxis",
    group: "ILI",
    title: {
      ja: "同室者の予防内服は医師と相談して判断する",
      en: "Prophylaxis for room-mates: decide with the physician",
    },
    words:
      "感染者と同室にいた入所者等インフルエンザウィルスに曝露された可能性が高い人に対して、抗インフルエンザ薬の予防内服が行われる場合があります。…医師と相談して慎重に判断する必要があります。",
    source: { section: "5. 1)(1) エ 感染を疑ったら～対応の方針", pages: "p.52" },
  },

  // §5.1)(3) 疥癬 (p.57–58).
  {
    id: "skin.dermatologist",
    group: "SKIN",
    title: { ja: "皮膚科に早く依頼する（痂皮型は至急）", en: "Refer to a dermatologist (crusted: at once)" },
    words:
      "皮膚科へできるだけ早く依頼を出します（特に皮膚が角化している痂皮型疥癬の場合、ダニの数が多く感染力が強く治療が遅れる他に広がることが早いため、至急、依頼をします）。",
    source: { section: "5. 1)(3) エ 感染を疑ったら～対応の方針", pages: "p.57–58" },
  },
  {
    id: "skin.gloves-gowns",
    group: "SKIN",
    title: { ja: "手袋と使い捨てガウンを着ける", en: "Gloves and disposable gowns" },
    words: "手袋、使い捨てのガウンを着用します ・布ガウンを使用してはいけません。",
    source: { section: "5. 1)(3) オ 発生時の対応", pages: "p.58" },
  },
  {
    id: "skin.crusted-isolation",
    group: "SKIN",
    title: { ja: "痂皮型（角化型）疥癬の人は隔離する", en: "Isolate crusted (Norwegian) scabies" },
    words:
      "痂皮型疥癬の場合は、特に感染力が強いため隔離対応とします。ただし本人等への説明と同意を得て人権に配慮します。",
    source: { section: "5. 1)(3) オ 発生時の対応", pages: "p.58" },
  },
  {
    id: "skin.linen",
    group: "SKIN",
    title: { ja: "使ったリネンは袋の口を閉めて洗濯に出す", en: "Bag used linen tightly for the laundry" },
    words: "使用したリネンはビニール袋に入れて、しっかりと口をしめて洗濯に出します。",
    source: { section: "5. 1)(3) オ 発生時の対応", pages: "p.58" },
  },
  {
    id: "skin.keep-clean",
    group: "SKIN",
    title: { ja: "毎日の入浴か清拭で清潔にする", en: "Daily bath or bed bath" },
    words:
      "寝衣は洗濯したものに着替えます。…入浴ができる方は、できるだけ毎日入浴します。入浴ができない方に対しては、皮膚の観察を含めて毎日清拭をします。",
    source: { section: "5. 1)(3) オ 発生時の対応", pages: "p.58" },
  },
  {
    id: "skin.exposed-staff",
    group: "SKIN",
    title: {
      ja: "無防備で接触した職員の衣服を洗い、皮膚を観察する",
      en: "Exposed staff: wash clothes, watch the skin",
    },
    words:
      "無防備で接触した職員は、当日着た衣服はすぐに洗濯をします。帰宅後、入浴・シャワーをし、下着も全て着替え、洗濯をします。",
    source: { section: "5. 1)(3) オ 発生時の対応", pages: "p.58" },
  },
  {
    id: "skin.lift-check",
    group: "SKIN",
    title: {
      ja: "解除前に全身を観察し新しい皮疹がないことを確かめる",
      en: "Before lifting: whole-body check for new rash",
    },
    words: "接触感染予防策を解除する前に、患者の全身を観察して新しい皮疹がないことを確認します。",
    source: { section: "5. 1)(3) カ 解除の判断", pages: "p.58" },
  },
];

const BY_ID = new Map(OUTBREAK_MEASURES.map((measure) => [measure.id, measure]));

/** The catalogue entry of an id, or undefined. */
export function findOutbreakMeasure(id: string): OutbreakMeasure | undefined {
  return BY_ID.get(id);
}

/** The catalogue group of an episode's subject: its syndrome group, the group of its disease, or none (general only). */
export function measureGroupOf(subject: FacilitySubject): SyndromeGroup | undefined {
  if ("group" in subject) return subject.group;
  return facilityGroupOfDisease(subject.disease, FACILITY_RULE_GROUPS);
}

/**
 * The measures offered for an outbreak of a group or disease: those of the manual's section for its diseases first,
 * then the general measures of §4. A disease in no group (tuberculosis, …) gets the general measures.
 *
 * @example outbreakMeasuresFor({ group: "GI" }).map((m) => m.id) // ["gi.emergency-footing", …, "all.keep-specimens"]
 */
export function outbreakMeasuresFor(subject: FacilitySubject): OutbreakMeasure[] {
  const group = measureGroupOf(subject);
  return [
    ...OUTBREAK_MEASURES.filter((measure) => measure.group !== "ALL" && measure.group === group),
    ...OUTBREAK_MEASURES.filter((measure) => measure.group === "ALL"),
  ];
}
