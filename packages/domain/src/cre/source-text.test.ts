import { describe, expect, it } from "vitest";
import { creSourceText } from "./source-text.ts";

const INTERNAL = /cre-reference|cre-stewardship|\.md\b|§|\bS\d{1,2}\b|\bguide\b|\[[SR]\]/;

// Every working reference the CRE rules carry (grep of src/cre), as a physician must read it.
const SOURCES = [
  "感染症法 届出基準 (MHLW; renamed 腸内細菌目 2023-05-26), cre-reference.md §1.2 (S1, S2, S21)",
  "薬剤耐性(AMR)に関する小委員会 第9回 資料1-3 (proposal), cre-reference.md §1.1 (S5)",
  "guide 微生物学的診断, 図1; cre-reference.md §3.6",
  "guide 微生物学的診断 (cre-reference.md §2.4)",
  "EUCAST screening cut-off (cre-reference.md §2.4)",
  "IDSA 2024 guidance (not covered by the Japanese guide; cre-reference.md §4.5)",
  "guide ②; cre-reference.md §4.6 (IDSA 2024)",
  "cre-reference.md §4.8 (IDSA 2024)",
  "cre-reference.md §1.2",
  "cre-reference.md §1.2; guide 図1",
  "cre-stewardship.md §2",
  "NG Biotech; cre-reference.md §3.5 (S9) [S]",
  "Coris BioConcept; cre-reference.md §3.5 [R] (no IMP)",
  "guide ①  まとめ, ②, ※2",
  "guide ① まとめ, ②, ※2",
  "guide ① まとめ, ※2, ※5, ※6",
  "guide ③, ※3, 表6",
  "guide 表6 ¶",
  "guide 表7 ③",
  "guide 表7, ※2",
  "guide ※2 (抗微生物薬適正使用の手引き 第三版 別冊 pp.15–20)",
  "guide pp.15–20 【非尿路感染症（重症例）の具体例】症例2",
  "guide ① まとめ, ※2",
  "guide ②, ③",
];

describe("creSourceText", () => {
  it.each(SOURCES)("%s: no internal references in Japanese or English", (source) => {
    for (const lang of ["ja", "en"] as const) {
      const text = creSourceText(source, lang);
      expect(text).not.toMatch(INTERNAL);
      expect(text.trim()).not.toBe("");
    }
  });

  it("names the guide, its section and page the way the guide titles them", () => {
    expect(creSourceText("guide ① まとめ, ②, ※2", "ja")).toBe(
      "抗微生物薬適正使用の手引き 第三版 別冊「入院患者の感染症で問題となる微生物について」CRE（p.15–20）: 治療方針 ① 総論（まとめ）、治療方針 ② 日本におけるCPE感染症での治療戦略、注※2",
    );
    expect(creSourceText("guide 表7 ③", "ja")).toContain("表7 重症度 ③");
    expect(creSourceText("guide pp.15–20 【非尿路感染症（重症例）の具体例】症例2", "ja")).toContain(
      "【非尿路感染症（重症例）の具体例】症例2",
    );
  });

  it("says the notification criteria come from 感染症法 第12条, and drops Mamori's own notes", () => {
    expect(
      creSourceText(
        "感染症法 届出基準 (MHLW; renamed 腸内細菌目 2023-05-26), cre-reference.md §1.2 (S1, S2, S21)",
        "ja",
      ),
    ).toBe("感染症法 第12条・届出基準（厚生労働省。2023年5月26日に「腸内細菌目」へ名称変更）");
    expect(creSourceText("cre-reference.md §4.8 (IDSA 2024)", "ja")).toBe("IDSA 2024 ガイダンス");
    expect(creSourceText("Coris BioConcept; cre-reference.md §3.5 [R] (no IMP)", "ja")).toBe(
      "Coris BioConcept（IMP型は検出しない）",
    );
  });
});
