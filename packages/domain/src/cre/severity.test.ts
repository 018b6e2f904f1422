import { describe, expect, it } from "vitest";
import { classifyMechanism } from "./carbapenemase.ts";
import { GUIDE_CASES } from "./guide-cases.fixture.ts";
import { assessSeverity, severityDomainsFromChecklist } from "./severity.ts";
import { SEVERITY_TABLE_7 } from "./severity-data.ts";

// Guide 表7 (guide pp.15–20): non-severe only when all three domains hold; any failure makes the case severe.
describe("表7 severity", () => {
  const allTrue = { hemodynamicallyStable: true, noImmunodeficiencyOrStable: true, sourceControlled: true };

  it("all three domains hold → non-severe", () => {
    expect(assessSeverity("lung", allTrue)).toMatchObject({ category: "non_severe", failedDomains: [] });
  });

  it.each(["hemodynamicallyStable", "noImmunodeficiencyOrStable", "sourceControlled"] as const)(
    "%s failing alone → severe",
    (domain) => {
      expect(assessSeverity("bloodstream", { ...allTrue, [domain]: false })).toMatchObject({
        category: "severe",
        failedDomains: [domain],
      });
    },
  );

  // seeds/000_93415025af6d4950.txt ※2 「重症例での併用療法において既存薬を使用する場合の感染臓器の条件」 has a 尿路 column,
  // and 治療方針① proposes combination 「非尿路感染症や重症例で」: a urinary infection with recorded domains is judged.
  it("urinary infection: judged on recorded domains; not_applicable only when nothing was recorded", () => {
    expect(assessSeverity("urinary", { ...allTrue, hemodynamicallyStable: false })).toMatchObject({
      category: "severe",
      failedDomains: ["hemodynamicallyStable"],
    });
    expect(assessSeverity("urinary", allTrue).category).toBe("non_severe");
    expect(assessSeverity("urinary", undefined).category).toBe("not_applicable");
  });

  it("stabilised is kept only for a severe case", () => {
    expect(assessSeverity("lung", { ...allTrue, sourceControlled: false }, true).stabilised).toBe(true);
    expect(assessSeverity("lung", allTrue, true).stabilised).toBe(false);
  });

  it("the checklists hold the guide's examples: 8 haemodynamic, 8 immunodeficiency, 3 source-control items", () => {
    expect(SEVERITY_TABLE_7.map((d) => d.items.length)).toEqual([8, 8, 3]);
  });

  it("immunodeficiency fails the domain only when the patient is not also stable", () => {
    expect(severityDomainsFromChecklist(["NEUTROPENIA_LT_500"]).noImmunodeficiencyOrStable).toBe(false);
    expect(severityDomainsFromChecklist(["NEUTROPENIA_LT_500"], true).noImmunodeficiencyOrStable).toBe(true);
    expect(() => severityDomainsFromChecklist(["NOT_AN_ITEM"])).toThrow();
  });
});

describe("the guide's worked cases (guide pp.15–20) get the severity the guide states", () => {
  it("has the nine cases: severe 1–5, non-severe 1–2, stabilised 1–2", () => {
    expect(GUIDE_CASES.map((c) => c.id)).toEqual([
      "severe-1",
      "severe-2",
      "severe-3",
      "severe-4",
      "severe-5",
      "non-severe-1",
      "non-severe-2",
      "stabilised-1",
      "stabilised-2",
    ]);
  });

  it.each(GUIDE_CASES.map((c) => [c.passage, c] as const))("%s", (_passage, guideCase) => {
    const domains = severityDomainsFromChecklist(guideCase.findings, guideCase.stableDespiteImmunodeficiency);
    const severity = assessSeverity(guideCase.site, domains, guideCase.stabilisedAfterTreatment);
    expect(severity.category).toBe(guideCase.statedSeverity);
    expect(severity.failedDomains).toEqual(guideCase.expectedFailedDomains);
    expect(severity.stabilised).toBe(guideCase.stabilisedAfterTreatment);
    expect(classifyMechanism(guideCase.carbapenemase, true, true).category).toBe(guideCase.expectedMechanism);
  });
});
