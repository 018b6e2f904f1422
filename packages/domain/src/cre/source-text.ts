/**
 * Sources of the CRE rules in words a physician recognises. The rules carry short working references (「guide ②」,
 * 「cre-reference.md §1.2 (S1, S2, S21)」) that point into Mamori's own notes; on a screen they become the document, its
 * section and page: 抗微生物薬適正使用の手引き 第三版 別冊 (the guide quoted by the 2024 cefiderocol notice, CRE at
 * pp.15–20), 感染症法 and its 届出基準, EUCAST, IDSA 2024. Internal notes and their source numbers are dropped.
 */

type Lang = "ja" | "en";

const GUIDE = {
  ja: "抗微生物薬適正使用の手引き 第三版 別冊「入院患者の感染症で問題となる微生物について」CRE（p.15–20）",
  en: "MHLW Manual of Antimicrobial Stewardship, 3rd ed., supplement on inpatient pathogens, CRE (pp.15–20)",
};

/** Sections and footnotes of the guide's CRE chapter, as the guide titles them. */
const GUIDE_PARTS: readonly [RegExp, { ja: string; en: string }][] = [
  [/^① まとめ$/, { ja: "治療方針 ① 総論（まとめ）", en: "Treatment, ① general (summary)" }],
  [/^①$/, { ja: "治療方針 ① 総論", en: "Treatment, ① general" }],
  [/^②$/, { ja: "治療方針 ② 日本におけるCPE感染症での治療戦略", en: "Treatment, ② CPE infections in Japan" }],
  [/^③$/, { ja: "治療方針 ③ non-CP-CRE感染症での治療戦略", en: "Treatment, ③ non-CP-CRE infections" }],
  [/^微生物学的診断$/, { ja: "微生物学的診断", en: "Microbiological diagnosis" }],
  [
    /^図1$/,
    {
      ja: "図1 CREの診断と標的治療のフローチャート",
      en: "Figure 1, diagnosis and targeted treatment flowchart",
    },
  ],
  [
    /^表6 ¶$/,
    { ja: "表6 治療例（海外用量を含む）", en: "Table 6, treatment examples (doses include overseas ones)" },
  ],
  [/^表6$/, { ja: "表6 治療例", en: "Table 6, treatment examples" }],
  [/^表7 ?([①②③])$/, { ja: "表7 重症度 $1", en: "Table 7, severity $1" }],
  [/^表7$/, { ja: "表7 重症度", en: "Table 7, severity" }],
  [/^※(\d)$/, { ja: "注※$1", en: "note ※$1" }],
  [/^pp\.15–20 (.+)$/, { ja: "$1", en: "$1" }],
  [/^pp\.15–20$/, { ja: "", en: "" }],
];

const CRITERIA = {
  ja: "感染症法 第12条・届出基準（厚生労働省）",
  en: "Infectious Diseases Control Law, Art. 12, notification criteria (MHLW)",
};

/** Whole phrases outside the guide. */
const PHRASES: readonly [RegExp, { ja: string; en: string }][] = [
  // Mamori's notes on the notification criteria and the CRE definition stand for the criteria themselves.
  [/^cre-reference\.md §1\.\d$|^cre-stewardship\.md §2$|^cre-reference\.md §1\.2; /, CRITERIA],
  [
    /感染症法 届出基準 \(MHLW; renamed 腸内細菌目 2023-05-26\)/,
    {
      ja: "感染症法 第12条・届出基準（厚生労働省。2023年5月26日に「腸内細菌目」へ名称変更）",
      en: "Infectious Diseases Control Law, Art. 12, notification criteria (MHLW; renamed Enterobacterales on 26 May 2023)",
    },
  ],
  [
    /IDSA 2024 guidance \(not covered by the Japanese guide\)?/,
    {
      ja: "IDSA 2024 ガイダンス（国内の手引きには記載なし）",
      en: "IDSA 2024 guidance (not covered by the Japanese manual)",
    },
  ],
  [
    /EUCAST screening cut-off/,
    { ja: "EUCAST カルバペネマーゼ産生スクリーニング基準", en: "EUCAST carbapenemase screening cut-off" },
  ],
  [/\(proposal\)/, { ja: "（案）", en: "(proposal)" }],
  [/\(no IMP\)/, { ja: "（IMP型は検出しない）", en: "(does not detect IMP)" }],
  [/\(IDSA 2024\)/, { ja: "IDSA 2024 ガイダンス", en: "IDSA 2024 guidance" }],
];

/** Internal notes and their numbering: never shown. */
const INTERNAL = [
  /cre-reference\.md\s*(§\s*[\d.]+)?/g,
  /cre-stewardship\.md\s*(§\s*[\d.]+)?/g,
  /`/g,
  /\(S\d+(,\s*S\d+)*\)/g,
  /\[[SR]\]/g,
  /\(抗微生物薬適正使用の手引き 第三版 別冊 pp\.15–20\)/g,
];

function guidePart(part: string, lang: Lang): string {
  const trimmed = part.trim();
  for (const [pattern, text] of GUIDE_PARTS) {
    if (pattern.test(trimmed)) return trimmed.replace(pattern, text[lang]);
  }
  return trimmed;
}

/**
 * A rule's source as a physician reads it, in Japanese or English.
 *
 * @example creSourceText("guide ① まとめ, ②, ※2", "ja")
 * // "抗微生物薬適正使用の手引き 第三版 別冊「入院患者の感染症で問題となる微生物について」CRE（p.15–20）: 治療方針 ① 総論（まとめ）、治療方針 ② 日本におけるCPE感染症での治療戦略、注※2"
 * @example creSourceText("cre-reference.md §4.8 (IDSA 2024)", "en") // "IDSA 2024 guidance"
 */
export function creSourceText(source: string, lang: Lang): string {
  let text = source.trim();
  for (const [pattern, words] of PHRASES) {
    text = text.replace(pattern, (match) => (match.endsWith("; ") ? `${words[lang]}; ` : words[lang]));
  }
  for (const pattern of INTERNAL) text = text.replace(pattern, "");
  const separator = lang === "ja" ? "、" : ", ";
  const parts = text
    .split(";")
    .map((part) => part.trim())
    .map((part) => {
      // 「guide X, Y」 or a bare footnote list 「※2, ※5」 of the guide.
      const guide = /^guide\b\s*(.*)$/.exec(part);
      const bareNotes = /^(※\d(,\s*)?)+$/.test(part) || /^guide-3rd-ed-note-(\d)$/.exec(part);
      if (guide || bareNotes) {
        const rest = guide ? guide[1]! : part.replace(/^guide-3rd-ed-note-(\d)$/, "※$1");
        const sections = splitParts(rest)
          .map((p) => guidePart(p, lang))
          .filter((p) => p !== "");
        return sections.length > 0 ? `${GUIDE[lang]}: ${sections.join(separator)}` : GUIDE[lang];
      }
      return part;
    })
    .map((part) =>
      part
        .replace(/\(\s*[,;]?\s*\)/g, "")
        .replace(/[,;]\s*$/, "")
        .replace(/\s{2,}/g, " ")
        .trim(),
    )
    .filter((part) => part !== "" && part !== "()");
  // A bracketed remark belongs to the part before it.
  return parts.reduce(
    (joined, part, i) =>
      i === 0
        ? part
        : /^[（(]/.test(part)
          ? `${joined}${part}`
          : `${joined}${lang === "ja" ? "／" : "; "}${part}`,
    "",
  );
}

/** Splits 「① まとめ, ②, ※2」 at commas outside brackets (【…】 and （…） hold commas of their own). */
function splitParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if ("【（(".includes(ch)) depth++;
    if ("】）)".includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}
