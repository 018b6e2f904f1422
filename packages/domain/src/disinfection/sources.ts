/**
 * Where each piece of the disinfection reference comes from in 高齢者介護施設における感染対策マニュアル 改訂版 (2019).
 * The appendix 付録5「消毒法について」runs from p.86 (「消毒液の作り方は、付録5を参照してください。☞ 86ページ」) to
 * p.90 (付録6 starts on p.91); the text does not mark the page of each table inside it, so a table is cited by its
 * number and the appendix's pages.
 */
export type ManualSource = { ja: string; en: string; pages: string };

export const DISINFECTION_SOURCES = {
  spectrum: {
    ja: "付録5③ 消毒薬の抗微生物スペクトルと適用対象",
    en: "Appendix 5 ③, spectrum and use of disinfectants",
    pages: "86–90",
  },
  objects: { ja: "付録5④ 対象物による消毒方法", en: "Appendix 5 ④, disinfection by object", pages: "86–90" },
  dilution: { ja: "付録5⑤ 消毒液の希釈方法", en: "Appendix 5 ⑤, diluting disinfectant", pages: "86–90" },
  bleach: {
    ja: "付録5⑥ 市販の漂白剤を用いた時の調製法",
    en: "Appendix 5 ⑥, using household bleach",
    pages: "86–90",
  },
  vomitText: { ja: "本文「嘔吐物の処理」", en: "Main text, cleaning up vomit", pages: "27" },
  noSpraying: { ja: "本文「環境の整備」", en: "Main text, the environment", pages: "25" },
} as const satisfies Record<string, ManualSource>;
export type DisinfectionSourceId = keyof typeof DISINFECTION_SOURCES;
