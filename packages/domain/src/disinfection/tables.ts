import type { DisinfectionSourceId } from "./sources.ts";

/** ◎ effective (usable), ○ weak, × not effective (not usable): the legend of 付録5③. */
export type SpectrumMark = "◎" | "○" | "×";

export const SPECTRUM_COLUMNS = [
  "bacteria",
  "tuberculosis",
  "spores",
  "fungi",
  "viruses",
  "hands",
  "environment",
] as const;
export type SpectrumColumn = (typeof SPECTRUM_COLUMNS)[number];

export const SPECTRUM_COLUMN_LABELS: Record<SpectrumColumn, { ja: string; en: string }> = {
  bacteria: { ja: "細菌", en: "Bacteria" },
  tuberculosis: { ja: "結核菌", en: "M. tuberculosis" },
  spores: { ja: "芽胞", en: "Spores" },
  fungi: { ja: "真菌", en: "Fungi" },
  viruses: { ja: "ウイルス", en: "Viruses" },
  hands: { ja: "手指", en: "Hands" },
  environment: { ja: "環境", en: "Environment" },
};

export type SpectrumRow = {
  agent: { ja: string; en: string };
  marks: Record<SpectrumColumn, SpectrumMark>;
  /** A footnote of the table, e.g. ethanol's 「ノロウイルスなどについては、あまり効果がない」. */
  noteJa?: string;
  noteEn?: string;
};

const row = (ja: string, en: string, marks: string, note?: { ja: string; en: string }): SpectrumRow => {
  const list = [...marks] as SpectrumMark[];
  return {
    agent: { ja, en },
    marks: Object.fromEntries(SPECTRUM_COLUMNS.map((c, i) => [c, list[i]!])) as Record<
      SpectrumColumn,
      SpectrumMark
    >,
    ...(note ? { noteJa: note.ja, noteEn: note.en } : {}),
  };
};

/**
 * 付録5③ 消毒薬の抗微生物スペクトルと適用対象, as printed (辻 明良：感染制御のための消毒の基礎知識、ヴァンメディカル、
 * 2009). Columns: 細菌, 結核菌, 芽胞, 真菌, ウイルス (抗微生物スペクトル) and 手指, 環境 (対象). Two names are given as
 * the drugs are named (the extracted text reads 「グルコン酸クロルヘキシシン」 and 「塩酸アルキルジアルキルエチルグリシン」); the marks
 * are as printed.
 */
export const SPECTRUM_TABLE: { source: DisinfectionSourceId; rows: readonly SpectrumRow[] } = {
  source: "spectrum",
  rows: [
    row("消毒用エタノール", "Ethanol for disinfection", "◎◎×◎◎◎○", {
      ja: "ノロウイルスなどについては、あまり効果がない。",
      en: "Little effect on norovirus and similar viruses.",
    }),
    row("ポビドンヨード", "Povidone-iodine", "◎○×◎◎◎×"),
    row("グルコン酸クロルヘキシジン", "Chlorhexidine gluconate", "◎××○×◎○"),
    row("塩化ベンゼトニウム", "Benzethonium chloride", "◎××○××○"),
    row("塩化ベンザルコニウム", "Benzalkonium chloride", "◎××○×◎○"),
    row("塩酸アルキルジアミノエチルグリシン", "Alkyldiaminoethylglycine hydrochloride", "◎○×○××○"),
    row("次亜塩素酸ナトリウム", "Sodium hypochlorite", "◎○◎○◎×◎"),
    row("グルタラール", "Glutaral", "◎◎○◎◎××"),
    row("フタラール", "Phthalal", "◎◎×◎◎××"),
    row("過酢酸", "Peracetic acid", "◎◎◎◎◎××"),
  ],
};

/** 付録5④ 対象物による消毒方法: each object and the methods the manual lists for it. */
export type ObjectMethodRow = {
  object: { ja: string; en: string };
  methodsJa: readonly string[];
  methodsEn: readonly string[];
};

export const OBJECT_TABLE: { source: DisinfectionSourceId; rows: readonly ObjectMethodRow[] } = {
  source: "objects",
  rows: [
    {
      object: { ja: "手指", en: "Hands" },
      methodsJa: [
        "エタノール含有消毒薬：ラビング法（30秒間の擦式）、ワイピング法（拭き取り法）",
        "スクラブ剤による洗浄（消毒薬による30秒間の洗浄と流水）",
      ],
      methodsEn: [
        "Ethanol-based disinfectant: rub for 30 seconds, or wipe",
        "Scrub: 30 seconds of washing with the disinfectant, then running water",
      ],
    },
    {
      object: { ja: "嘔吐物、排泄物", en: "Vomit, excreta" },
      methodsJa: ["嘔吐物や排泄物や吐物で汚染された床は、手袋をして0.5%次亜塩素酸ナトリウムで清拭する。"],
      methodsEn: ["Floors soiled with vomit or excreta: wearing gloves, wipe with 0.5% sodium hypochlorite."],
    },
    {
      object: { ja: "差し込み便器（ベッドパン）", en: "Bedpans" },
      methodsJa: [
        "熱水消毒器（ベッドパンウォッシャー）で処理（90°C1分間）。",
        "洗浄後、0.1%次亜塩素酸ナトリウムで処理（5分間）。",
      ],
      methodsEn: [
        "Bedpan washer (90 °C, 1 minute).",
        "After washing, 0.1% sodium hypochlorite for 5 minutes.",
      ],
    },
    {
      object: { ja: "リネン・衣類", en: "Linen, clothes" },
      methodsJa: [
        "熱水洗濯機（80°C10分間）で処理し、洗浄後乾燥させる。",
        "次亜塩素酸ナトリウム（0.05～0.1%）浸漬後、洗濯、乾燥させる。",
      ],
      methodsEn: [
        "Hot-water washing machine (80 °C, 10 minutes), then dry.",
        "Soak in 0.05–0.1% sodium hypochlorite, then wash and dry.",
      ],
    },
    {
      object: { ja: "食器", en: "Tableware" },
      methodsJa: ["自動食器洗浄器（80°C10分間）", "洗剤による洗浄と熱水処理で十分である。"],
      methodsEn: ["Dishwasher (80 °C, 10 minutes).", "Washing with detergent and hot water is enough."],
    },
    {
      object: { ja: "まな板、ふきん", en: "Chopping boards, cloths" },
      methodsJa: ["洗剤で十分洗い、熱水消毒する。", "次亜塩素酸ナトリウム（0.05～0.1%）に浸漬後、洗浄する。"],
      methodsEn: [
        "Wash well with detergent, then hot water.",
        "Soak in 0.05–0.1% sodium hypochlorite, then wash.",
      ],
    },
    {
      object: { ja: "ドアノブ、便座", en: "Door knobs, toilet seats" },
      methodsJa: ["消毒用エタノールで清拭する。"],
      methodsEn: ["Wipe with ethanol for disinfection."],
    },
    {
      object: { ja: "浴槽", en: "Bathtubs" },
      methodsJa: ["手袋を着用し、洗剤で洗い、温水（熱水）で流し、乾燥させる。"],
      methodsEn: ["Wearing gloves, wash with detergent, rinse with warm (hot) water, dry."],
    },
    {
      object: { ja: "カーテン", en: "Curtains" },
      methodsJa: [
        "一般に感染の危険性は低い。洗濯する。",
        "体液等が付着したときは、次亜塩素酸ナトリウムで清拭する。",
      ],
      methodsEn: [
        "Low risk in general: launder.",
        "When soiled with body fluids, wipe with sodium hypochlorite.",
      ],
    },
  ],
};
