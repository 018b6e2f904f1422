import { describe, expect, it } from "vitest";
import { findOutbreakMeasure, OUTBREAK_MEASURES, outbreakMeasuresFor } from "./outbreak-measures.ts";

const ids = (subject: Parameters<typeof outbreakMeasuresFor>[0]) =>
  outbreakMeasuresFor(subject).map((m) => m.id);

describe("the outbreak measures catalogue (manual §4, §5, 付録1①)", () => {
  it("has unique ids, a page and the manual's words on every entry", () => {
    expect(new Set(OUTBREAK_MEASURES.map((m) => m.id)).size).toBe(OUTBREAK_MEASURES.length);
    for (const measure of OUTBREAK_MEASURES) {
      expect(measure.source.pages).toMatch(/^p\.\d{2}(–\d{2})?$/);
      expect(measure.words.length).toBeGreaterThan(10);
      expect(measure.title.ja).not.toBe(measure.title.en);
    }
  });

  it("offers the norovirus measures for GI: 緊急体制 (p.54), 面会, hypochlorite for vomit (p.55), staff off work (p.56)", () => {
    const gi = ids({ group: "GI" });
    expect(gi.slice(0, 3)).toEqual(["gi.emergency-footing", "gi.share-counts", "gi.visitors"]);
    expect(gi).toContain("gi.staff-off-work");
    expect(gi).toContain("all.keep-specimens");
    expect(gi.some((id) => id.startsWith("ili."))).toBe(false);
    expect(findOutbreakMeasure("gi.emergency-footing")?.words).toContain("施設全体に緊急体制を敷きます");
    const vomit = findOutbreakMeasure("gi.vomit-hypochlorite");
    expect(vomit).toMatchObject({ tool: "disinfection-vomit", source: { pages: "p.55" } });
    expect(vomit?.words).toContain("次亜塩素酸ナトリウム液(0.1~0.5%)");
  });

  it("keeps specimens as 付録1① item 5 says (p.69–70)", () => {
    expect(findOutbreakMeasure("all.keep-specimens")).toMatchObject({
      words: expect.stringContaining("血液、便、吐物等の検体を確保するよう努めること"),
      source: { pages: "p.69–70" },
    });
  });

  it("offers the influenza measures for ILI and for a disease of the group", () => {
    expect(ids({ disease: "influenza" })).toEqual(ids({ group: "ILI" }));
    expect(findOutbreakMeasure("ili.staff-off-work")?.words).toContain(
      "「発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで」",
    );
    expect(ids({ group: "ILI" })).toContain("ili.single-rooms");
  });

  it("offers the scabies measures for SKIN, with isolation of crusted scabies and the laundry", () => {
    const skin = ids({ disease: "scabies" });
    expect(skin).toEqual(expect.arrayContaining(["skin.crusted-isolation", "skin.linen", "skin.lift-check"]));
    expect(findOutbreakMeasure("skin.crusted-isolation")?.words).toContain("隔離対応とします");
  });

  it("offers only the general measures for a disease in no group", () => {
    expect(ids({ disease: "tuberculosis" }).every((id) => id.startsWith("all."))).toBe(true);
  });
});
