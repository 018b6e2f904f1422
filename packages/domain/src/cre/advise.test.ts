import { describe, expect, it } from "vitest";
import { adviseCre } from "./advise.ts";
import { GUIDE_CASES } from "./guide-cases.fixture.ts";
import { creCaseSchema } from "./schema.ts";
import { severityDomainsFromChecklist } from "./severity.ts";
import { surveyLabPrefill } from "./survey.ts";
import { CRE_CONTRACT_CASE } from "./test-support.ts";

// The case of contracts/cre-advise.md (test-support.ts), and the answers cre-stewardship.md gives for it.
const contractCase = CRE_CONTRACT_CASE;

describe("adviseCre on the contract's example", () => {
  const advice = adviseCre(contractCase);

  it("has exactly the contract's top-level fields", () => {
    expect(Object.keys(advice)).toEqual([
      "enterobacterales",
      "cre",
      "notification",
      "cpeScreen",
      "mechanism",
      "severity",
      "options",
      "cautions",
      "cefiderocol",
      "survey",
    ]);
  });

  it("classifies as the contract shows", () => {
    expect(advice.enterobacterales).toBe(true);
    expect(advice.cre).toMatchObject({ value: true, criterion: "meropenem_mic_ge_2" });
    expect(advice.cre.evidence).toContain("meropenem MIC 4 ≥ 2");
    expect(advice.notification).toMatchObject({ notifiable: true, deadlineDays: 7 });
    expect(advice.cpeScreen).toEqual({ positive: true, reason: "meropenem MIC 4 ≥ 0.25" });
    expect(advice.mechanism).toEqual({ category: "MBL", enzymes: ["IMP"], nextTests: [] });
    expect(advice.severity).toEqual({ category: "severe", failedDomains: ["hemodynamicallyStable"] });
    expect(advice.cefiderocol.verdict).toBe("appropriate");
    expect(advice.cefiderocol.reasons[0]).toEqual({ code: "MBL_CPE", source: "guide ②" });
    expect(advice.survey).toEqual({ required: true });
  });

  it("first option is cefiderocol monotherapy from guide ②, with a dose and a rationale", () => {
    expect(advice.options[0]).toMatchObject({
      drugs: ["cefiderocol"],
      role: "monotherapy",
      preferred: true,
      source: "guide ②",
    });
    expect(advice.options[0]?.dose).toMatch(/2 g every 8 h over 3 h/);
    expect(advice.options[0]?.rationale.length).toBeGreaterThan(10);
  });

  it("cautions carry code, text and source; amikacin with colistin is flagged (※5)", () => {
    const caution = advice.cautions.find((c) => c.code === "NO_AMINOGLYCOSIDE_WITH_COLISTIN");
    expect(caution).toMatchObject({ source: "guide ※5" });
    expect(caution?.text).toContain("colistin");
    for (const c of advice.cautions) expect(c.source).not.toBe("");
  });

  it("every option and caution names a source passage", () => {
    for (const o of advice.options) expect(o.source).toMatch(/guide|IDSA|MHLW/);
  });

  it("speaks Japanese when asked", () => {
    const ja = adviseCre(contractCase, { lang: "ja" });
    expect(ja.cre.evidence).toContain("メロペネム MIC 4 ≥ 2");
    expect(ja.options[0]?.dose).toContain("8時間毎");
  });

  it("missing consultation adds NO_CONSULTATION", () => {
    const noConsult = adviseCre({ ...contractCase, consultation: { idPhysicianOrAst: false } });
    expect(noConsult.cefiderocol.reasons.map((r) => r.code)).toContain("NO_CONSULTATION");
  });

  it("an availability without cefiderocol and ceftazidime-avibactam falls back to combinations", () => {
    const limited = adviseCre(contractCase, {
      availability: [
        "levofloxacin",
        "trimethoprim_sulfamethoxazole",
        "amikacin",
        "colistin",
        "tigecycline",
        "meropenem",
      ],
    });
    expect(limited.options.every((o) => o.role === "combination")).toBe(true);
    expect(limited.options[0]?.drugs).toEqual(["levofloxacin", "trimethoprim_sulfamethoxazole"]);
    expect(limited.options.some((o) => o.drugs.includes("amikacin") && o.drugs.includes("colistin"))).toBe(
      false,
    );
  });
});

describe("qualified MICs that leave a rule undecided (cre-stewardship.md §2)", () => {
  it('meropenem "≤4" with imipenem "≤1": CRE, notification and nothing decided; screen undecided too', () => {
    const advice = adviseCre({
      ...contractCase,
      isolate: { ...contractCase.isolate, mic: { meropenem: "≤4", imipenem: "≤1" }, carbapenemase: {} },
    });
    expect(advice.cre).toMatchObject({ value: "indeterminate", criterion: null });
    expect(advice.notification.notifiable).toBe("indeterminate");
    expect(advice.cpeScreen.positive).toBe("indeterminate");
    expect(advice.mechanism).toEqual({ category: "NOT_TESTED", enzymes: [], nextTests: ["mCIM", "carbaNP"] });
    expect(advice.cautions.map((c) => c.code)).toContain("CRE_UNDECIDED");
    expect(advice.survey.required).toBe(false);
  });

  it('meropenem "≤0.25" and imipenem "≤0.5": not CRE, screen undecided', () => {
    const advice = adviseCre({
      ...contractCase,
      isolate: { ...contractCase.isolate, mic: { meropenem: "≤0.25", imipenem: "≤0.5" }, carbapenemase: {} },
    });
    expect(advice.cre.value).toBe(false);
    expect(advice.cpeScreen.positive).toBe("indeterminate");
    expect(advice.options).toEqual([]);
    expect(advice.cefiderocol.verdict).toBe("inappropriate");
    expect(advice.cefiderocol.reasons.map((r) => r.code)).toContain("NOT_CRE");
  });
});

describe("other organisms and carbapenem-susceptible CPE", () => {
  it("Pseudomonas aeruginosa: not an Enterobacterales, no CRE advice", () => {
    const advice = adviseCre({
      ...contractCase,
      isolate: { ...contractCase.isolate, organism: "Pseudomonas aeruginosa" },
    });
    expect(advice.enterobacterales).toBe(false);
    expect(advice.cre.value).toBe(false);
    expect(advice.notification).toMatchObject({ notifiable: false });
    expect(advice.options).toEqual([]);
    expect(advice.cautions[0]?.code).toBe("NOT_ENTEROBACTERALES");
  });

  it("IMP producer with meropenem 0.5 (S): screen positive, not CRE, treated as CPE with the stealth caution", () => {
    const advice = adviseCre({
      ...contractCase,
      isolate: {
        ...contractCase.isolate,
        mic: { meropenem: "0.5", imipenem: "0.25", levofloxacin: "≤0.12" },
      },
      severity: { hemodynamicallyStable: true, noImmunodeficiencyOrStable: true, sourceControlled: true },
      cefiderocolOrdered: false,
    });
    expect(advice.cre.value).toBe(false);
    expect(advice.cpeScreen.positive).toBe(true);
    expect(advice.mechanism.category).toBe("MBL");
    expect(advice.options.map((o) => o.drugs)).toEqual([["levofloxacin"]]);
    expect(advice.cautions.map((c) => c.code)).toContain("STEALTH_CPE");
    expect(advice.cefiderocol.verdict).toBe("not_ordered");
  });

  it("EUCAST: meropenem 2 is S, yet the isolate is a CRE (the criteria read raw values)", () => {
    const advice = adviseCre({
      ...contractCase,
      isolate: {
        ...contractCase.isolate,
        standard: { body: "EUCAST", edition: "v15.0" },
        mic: { meropenem: "2" },
      },
    });
    expect(advice.cre).toMatchObject({ value: true, criterion: "meropenem_mic_ge_2" });
  });

  it("the IPM + CMZ branch follows the notification criteria version", () => {
    const ipmCmz = {
      ...contractCase,
      isolate: { ...contractCase.isolate, mic: { meropenem: "1", imipenem: "4", cefmetazole: "64" } },
    };
    expect(adviseCre(ipmCmz).cre.criterion).toBe("imipenem_and_cefmetazole");
    expect(adviseCre(ipmCmz, { notificationCriteriaId: "amr-subcommittee-proposal" }).cre.value).toBe(false);
  });
});

describe("the guide's worked cases end to end", () => {
  // The guide gives no MICs: each case assumes levofloxacin R, ST R, cefiderocol 1 and ceftazidime-avibactam 2 mg/L
  // (susceptible), meropenem 16 mg/L — so the advice turns on site, severity and mechanism alone.
  const assumedMic = {
    meropenem: "16",
    imipenem: "8",
    levofloxacin: "4",
    trimethoprim_sulfamethoxazole: ">4",
    cefiderocol: "1",
    ceftazidime_avibactam: "2",
  };
  const expectedFirstDrug: Record<string, string> = {
    "severe-1": "cefiderocol",
    "severe-2": "ceftazidime_avibactam",
    "severe-3": "ceftazidime_avibactam",
    "severe-4": "cefiderocol",
    "severe-5": "cefiderocol",
    "non-severe-1": "ceftazidime_avibactam",
    "non-severe-2": "cefiderocol",
    "stabilised-1": "ceftazidime_avibactam",
    "stabilised-2": "ceftazidime_avibactam",
  };

  it.each(GUIDE_CASES.map((c) => [c.passage, c] as const))("%s", (_passage, guideCase) => {
    const domains = severityDomainsFromChecklist(guideCase.findings, guideCase.stableDespiteImmunodeficiency);
    const caseFile = creCaseSchema.parse({
      isolate: {
        organism: guideCase.id === "stabilised-2" ? "Klebsiella pneumoniae" : "Escherichia coli",
        specimen: { type: "blood", sterileSite: true },
        mic: assumedMic,
        standard: { body: "CLSI", edition: "M100-Ed35" },
        carbapenemase: guideCase.carbapenemase,
      },
      infection: { site: guideCase.site, urinaryType: null, causative: true },
      severity: { ...domains, stabilisedAfterTreatment: guideCase.stabilisedAfterTreatment },
      cefiderocolOrdered: true,
      consultation: { idPhysicianOrAst: true },
    });
    const advice = adviseCre(caseFile);
    expect(advice.severity.category).toBe(guideCase.statedSeverity);
    expect(advice.mechanism.category).toBe(guideCase.expectedMechanism);
    expect(advice.options[0]?.drugs[0]).toBe(expectedFirstDrug[guideCase.id]);
    const mbl = guideCase.expectedMechanism === "MBL";
    // Cefiderocol: appropriate for MBL (severe, or nothing else active); never appropriate for KPC, OXA-48, non-CP.
    expect(advice.cefiderocol.verdict === "appropriate").toBe(mbl);
    expect(advice.survey.required).toBe(true);
  });
});

describe("survey pre-fill (参考2 別添)", () => {
  it("tells which laboratory items the isolate already answers", () => {
    const parsed = creCaseSchema.parse(contractCase);
    expect(surveyLabPrefill(parsed.isolate.mic, parsed.isolate.zoneMm, parsed.isolate.carbapenemase)).toEqual(
      {
        meropenemMicReported: true,
        imipenemMicReported: true,
        cefmetazoleMicReported: true,
        stReported: true,
        fluoroquinoloneReported: true,
        aminoglycosideReported: true,
        confirmationTestDone: true,
        enzymeTypingDone: true,
      },
    );
  });
});
