/**
 * Organism data for the CRE rules. Enterobacterales is an order since the 2016 re-classification (Adeolu M et al.,
 * Int J Syst Evol Microbiol 2016;66:5575–99), used by CLSI M100 from Ed30 (2020) and by the Japanese notification
 * criteria from 2023-05-26 (「腸内細菌目」, cre-reference.md §1.1, S2/S4).
 */

export type EnterobacteralesFamily =
  | "Enterobacteriaceae"
  | "Erwiniaceae"
  | "Pectobacteriaceae"
  | "Yersiniaceae"
  | "Hafniaceae"
  | "Morganellaceae"
  | "Budviciaceae";

/** Genera of the order Enterobacterales with their family (Adeolu 2016; `cre-stewardship.md` §2 list). */
export const ENTEROBACTERALES_GENERA: Readonly<Record<string, EnterobacteralesFamily>> = {
  Escherichia: "Enterobacteriaceae",
  Shigella: "Enterobacteriaceae",
  Salmonella: "Enterobacteriaceae",
  Klebsiella: "Enterobacteriaceae",
  Raoultella: "Enterobacteriaceae",
  Enterobacter: "Enterobacteriaceae",
  Citrobacter: "Enterobacteriaceae",
  Cronobacter: "Enterobacteriaceae",
  Kluyvera: "Enterobacteriaceae",
  Leclercia: "Enterobacteriaceae",
  Lelliottia: "Enterobacteriaceae",
  Pluralibacter: "Enterobacteriaceae",
  Kosakonia: "Enterobacteriaceae",
  Atlantibacter: "Enterobacteriaceae",
  Cedecea: "Enterobacteriaceae",
  Pantoea: "Erwiniaceae",
  Erwinia: "Erwiniaceae",
  Pectobacterium: "Pectobacteriaceae",
  Serratia: "Yersiniaceae",
  Yersinia: "Yersiniaceae",
  Rahnella: "Yersiniaceae",
  Ewingella: "Yersiniaceae",
  Hafnia: "Hafniaceae",
  Edwardsiella: "Hafniaceae",
  Proteus: "Morganellaceae",
  Morganella: "Morganellaceae",
  Providencia: "Morganellaceae",
  Budvicia: "Budviciaceae",
};

/**
 * Gram-negative genera that laboratories report beside CRE but that are not Enterobacterales: a known name, answered
 * "not Enterobacterales" rather than "unknown organism".
 */
export const OTHER_GRAM_NEGATIVE_GENERA: readonly string[] = [
  "Pseudomonas",
  "Acinetobacter",
  "Stenotrophomonas",
  "Burkholderia",
  "Achromobacter",
  "Aeromonas",
  "Vibrio",
  "Haemophilus",
  "Moraxella",
  "Elizabethkingia",
  "Chryseobacterium",
  "Sphingomonas",
];

export type OrganismEntry = {
  /** Canonical binomial name (or genus name). */
  name: string;
  genus: string;
  species: string | null;
  ja: string;
};

/** The species offered by the organism picker, commonest CRE first (Japanese CRE surveillance, cre-reference.md S6). */
export const ORGANISM_PICKER: readonly OrganismEntry[] = [
  {
    name: "Klebsiella pneumoniae",
    genus: "Klebsiella",
    species: "pneumoniae",
    ja: "肺炎桿菌（クレブシエラ・ニューモニエ）",
  },
  { name: "Escherichia coli", genus: "Escherichia", species: "coli", ja: "大腸菌" },
  {
    name: "Enterobacter cloacae",
    genus: "Enterobacter",
    species: "cloacae",
    ja: "エンテロバクター・クロアカ",
  },
  {
    name: "Klebsiella aerogenes",
    genus: "Klebsiella",
    species: "aerogenes",
    ja: "クレブシエラ・エアロゲネス",
  },
  { name: "Klebsiella oxytoca", genus: "Klebsiella", species: "oxytoca", ja: "クレブシエラ・オキシトカ" },
  {
    name: "Citrobacter freundii",
    genus: "Citrobacter",
    species: "freundii",
    ja: "シトロバクター・フロインディ",
  },
  { name: "Citrobacter koseri", genus: "Citrobacter", species: "koseri", ja: "シトロバクター・コセリ" },
  { name: "Serratia marcescens", genus: "Serratia", species: "marcescens", ja: "セラチア・マルセッセンス" },
  { name: "Proteus mirabilis", genus: "Proteus", species: "mirabilis", ja: "プロテウス・ミラビリス" },
  { name: "Proteus vulgaris", genus: "Proteus", species: "vulgaris", ja: "プロテウス・ブルガリス" },
  { name: "Morganella morganii", genus: "Morganella", species: "morganii", ja: "モルガネラ・モルガニー" },
  {
    name: "Providencia rettgeri",
    genus: "Providencia",
    species: "rettgeri",
    ja: "プロビデンシア・レットゲリ",
  },
  {
    name: "Providencia stuartii",
    genus: "Providencia",
    species: "stuartii",
    ja: "プロビデンシア・スチュアルティ",
  },
  {
    name: "Raoultella ornithinolytica",
    genus: "Raoultella",
    species: "ornithinolytica",
    ja: "ラオウルテラ・オルニチノリティカ",
  },
  {
    name: "Raoultella planticola",
    genus: "Raoultella",
    species: "planticola",
    ja: "ラオウルテラ・プランティコラ",
  },
  { name: "Hafnia alvei", genus: "Hafnia", species: "alvei", ja: "ハフニア・アルベイ" },
  { name: "Pantoea agglomerans", genus: "Pantoea", species: "agglomerans", ja: "パントエア・アグロメランス" },
  {
    name: "Cronobacter sakazakii",
    genus: "Cronobacter",
    species: "sakazakii",
    ja: "クロノバクター・サカザキ",
  },
  { name: "Salmonella enterica", genus: "Salmonella", species: "enterica", ja: "サルモネラ・エンテリカ" },
  { name: "Shigella sonnei", genus: "Shigella", species: "sonnei", ja: "ソンネ赤痢菌" },
  {
    name: "Yersinia enterocolitica",
    genus: "Yersinia",
    species: "enterocolitica",
    ja: "エルシニア・エンテロコリチカ",
  },
  { name: "Pseudomonas aeruginosa", genus: "Pseudomonas", species: "aeruginosa", ja: "緑膿菌" },
  {
    name: "Acinetobacter baumannii",
    genus: "Acinetobacter",
    species: "baumannii",
    ja: "アシネトバクター・バウマニ",
  },
  {
    name: "Stenotrophomonas maltophilia",
    genus: "Stenotrophomonas",
    species: "maltophilia",
    ja: "ステノトロフォモナス・マルトフィリア",
  },
];

/** Former names still printed by laboratory systems, mapped to the current name. */
export const ORGANISM_SYNONYMS: Readonly<Record<string, string>> = {
  "Enterobacter aerogenes": "Klebsiella aerogenes",
  "Enterobacter sakazakii": "Cronobacter sakazakii",
  "Klebsiella ornithinolytica": "Raoultella ornithinolytica",
  "Klebsiella planticola": "Raoultella planticola",
  "Enterobacter agglomerans": "Pantoea agglomerans",
};
