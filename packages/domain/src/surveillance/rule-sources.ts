/**
 * Where each alert's rule comes from: pages of 高齢者介護施設における感染対策マニュアル 改訂版 (2019, seeds/002) and the
 * section as the manual numbers it. The notice of 2005 (criteria A/B/C) is quoted in the manual at p.48 and in 付録1①
 * (p.69). Pages follow the manual's table of contents.
 */
export type RuleSource = { readonly pages: readonly number[]; readonly section: string };

export const RULE_SOURCES = {
  FEVER: { pages: [33, 34], section: "3.7)(2) a① 発熱" },
  LOW_GRADE_FEVER: { pages: [34, 83], section: "3.7)(2) a① 発熱; 付録4① 微熱" },
  REPORT_TO_NURSE: { pages: [33], section: "3.7)(2) 健康状態の記録" },
  CDI_CONSIDER: { pages: [34], section: "3.7)(2) a② 嘔吐・下痢等の消化器症状" },
  NOROVIRUS_CONSIDER: { pages: [34, 53], section: "3.7)(2) a②; 5.1)(2) ノロウイルス感染症" },
  EHEC_URGENT: { pages: [34, 59], section: "3.7)(2) a②; 5.1)(4) 腸管出血性大腸菌感染症" },
  TB_CONSIDER: { pages: [35, 60], section: "3.7)(2) a③; 5.1)(5) 結核" },
  SCABIES_CONSIDER: { pages: [35, 57], section: "3.7)(2) a④; 5.1)(3) 疥癬" },
  LEGIONELLA_CONSIDER: { pages: [62, 63], section: "5.1)(6) レジオネラ症 ウ" },
  UTI_CONSIDER: { pages: [35], section: "3.7)(2) a⑤ その他（尿路感染症）" },
  NORO_CLUSTER_24H: { pages: [54], section: "5.1)(2) エ 高齢者介護施設の体制・連絡等" },
  REPORT_CRITERION_A: { pages: [48, 69], section: "4.3)(1) a ア; 付録1① 4 ア" },
  REPORT_CRITERION_B: { pages: [48, 69], section: "4.3)(1) a イ; 付録1① 4 イ" },
  ABOVE_USUAL: { pages: [33, 48], section: "3.7)(1)–(2) 日常的な発生状況との比較; 4.3)(1) a ウ" },
  OUTBREAK_END_ELIGIBLE: { pages: [56], section: "5.1)(2) カ 解除の判断" },
  NOTIFY_DEADLINE: { pages: [48, 78], section: "4.3)(2) 医師の対応; 付録2 表A2" },
} as const satisfies Record<string, RuleSource>;
