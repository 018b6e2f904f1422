import { describe, expect, it } from "vitest";
import { CRE_DRUG_KEYS, defaultCreAvailability } from "./drugs.ts";
import { treatmentContext } from "./test-support.ts";
import { adviseTreatment } from "./treatment.ts";

// Expected options follow the guide's treatment section: ① まとめ, ②, ③, 表6 and ※1–※6 (pp.15–20); IDSA 2024 only
// where the guide is silent (KPC, OXA-48-like), as cre-stewardship.md §5 says.
const codes = (advice: ReturnType<typeof adviseTreatment>) => advice.cautions.map((c) => c.code);

describe("non-β-lactams first (guide ① まとめ, ②)", () => {
  it("urinary infection: FQ, ST and aminoglycoside monotherapy, each preferred", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "MBL",
        site: "urinary",
        phase: "low_acuity",
        mic: { levofloxacin: "≤0.12", trimethoprim_sulfamethoxazole: ">4", amikacin: "≤4", cefiderocol: "1" },
      }),
    );
    expect(advice.options.map((o) => [o.drugs, o.role, o.preferred, o.source])).toEqual([
      [["levofloxacin"], "monotherapy", true, "guide ① まとめ, ②"],
      [["amikacin"], "monotherapy", true, "guide ① まとめ, ②"],
    ]);
  });

  it("non-severe non-urinary: FQ or ST alone; no aminoglycoside monotherapy outside the urinary tract", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "lung",
        phase: "low_acuity",
        mic: { trimethoprim_sulfamethoxazole: "≤0.5", amikacin: "≤4" },
      }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["trimethoprim_sulfamethoxazole"]]);
  });

  it("severe non-urinary: FQ and ST together as a combination, not alone; step down when stable", () => {
    const mic = { levofloxacin: "≤0.12", trimethoprim_sulfamethoxazole: "≤0.5" };
    const acute = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "bloodstream", phase: "acute_severe", mic }),
    );
    expect(acute.options).toHaveLength(1);
    expect(acute.options[0]).toMatchObject({
      drugs: ["levofloxacin", "trimethoprim_sulfamethoxazole"],
      role: "combination",
      preferred: true,
    });
    expect(codes(acute)).toContain("STEP_DOWN_WHEN_STABLE");
    const stable = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "bloodstream", phase: "step_down", mic }),
    );
    expect(stable.options.map((o) => [o.drugs[0], o.role])).toEqual([
      ["levofloxacin", "step_down"],
      ["trimethoprim_sulfamethoxazole", "step_down"],
    ]);
  });
});

describe("non-CP-CRE, imipenem non-susceptible, meropenem susceptible (guide ③, ※3, 表6)", () => {
  const mic = { imipenem: "4", meropenem: "≤0.25", cefmetazole: ">32" };

  it("cystitis: meropenem 1 g q8h over 30 min, preferred", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        urinaryType: "cystitis",
        phase: "low_acuity",
        mic,
      }),
    );
    expect(advice.options[0]).toMatchObject({
      code: "MEROPENEM_EXTENDED_INFUSION",
      drugs: ["meropenem"],
      doses: ["meropenem_cystitis"],
      preferred: true,
      source: "guide ③, ※3, 表6",
    });
  });

  it("upper UTI: 2 g q8h over 3 h, flagged as one of 表6's overseas doses (¶); cystitis 1 g is not", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "urinary", phase: "low_acuity", mic }),
    );
    expect(advice.options[0]?.doses).toEqual(["meropenem_extended_infusion"]);
    expect(codes(advice)).toContain("FOREIGN_DOSES");
    const cystitis = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        urinaryType: "cystitis",
        phase: "low_acuity",
        mic,
      }),
    );
    expect(codes(cystitis)).not.toContain("FOREIGN_DOSES");
  });

  it("severe bloodstream infection: offered, not preferred", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "bloodstream", phase: "acute_severe", mic }),
    );
    expect(advice.options.find((o) => o.code === "MEROPENEM_EXTENDED_INFUSION")?.preferred).toBe(false);
  });

  it("not for CPE (表6: meropenem × for IMP-type CPE), nor when imipenem is susceptible", () => {
    const mbl = adviseTreatment(
      treatmentContext({ category: "MBL", site: "urinary", phase: "low_acuity", mic }),
    );
    expect(mbl.options.some((o) => o.code === "MEROPENEM_EXTENDED_INFUSION")).toBe(false);
    const ipmS = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        phase: "low_acuity",
        mic: { ...mic, imipenem: "1" },
      }),
    );
    expect(ipmS.options.some((o) => o.code === "MEROPENEM_EXTENDED_INFUSION")).toBe(false);
  });
});

describe("MBL (guide ②)", () => {
  const mic = {
    meropenem: "4",
    cefiderocol: "1",
    ceftazidime_avibactam: ">16",
    aztreonam: ">16",
    levofloxacin: "≤0.12",
  };

  it("severe: cefiderocol alone and ceftazidime-avibactam + aztreonam, no legacy combination", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "MBL", site: "bloodstream", phase: "acute_severe", mic }),
    );
    expect(advice.options.map((o) => [o.code, o.drugs])).toEqual([
      ["MBL_CEFIDEROCOL", ["cefiderocol"]],
      ["MBL_CEFTAZIDIME_AVIBACTAM_AZTREONAM", ["ceftazidime_avibactam", "aztreonam"]],
    ]);
    expect(codes(advice)).toEqual(
      expect.arrayContaining(["CONSULT_BEFORE_CEFIDEROCOL", "CEFTAZIDIME_AVIBACTAM_AZTREONAM_TOGETHER"]),
    );
  });

  it("severe without the new β-lactams at the hospital: legacy combination instead", () => {
    const availability = defaultCreAvailability().filter(
      (d) => d !== "cefiderocol" && d !== "ceftazidime_avibactam",
    );
    const advice = adviseTreatment(
      treatmentContext({
        category: "MBL",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { ...mic, trimethoprim_sulfamethoxazole: "≤0.5" },
        availability,
      }),
    );
    // levofloxacin + ST, and each with meropenem (MIC 4 ≤ 8, ※6).
    expect(advice.options.map((o) => o.drugs)).toEqual([
      ["levofloxacin", "trimethoprim_sulfamethoxazole"],
      ["levofloxacin", "meropenem"],
      ["trimethoprim_sulfamethoxazole", "meropenem"],
    ]);
    expect(advice.options.every((o) => o.code === "LEGACY_COMBINATION")).toBe(true);
    expect(advice.cautions.find((c) => c.code === "NOT_AVAILABLE")?.drugs).toContain("cefiderocol");
  });

  it("non-severe with an active FQ: FQ alone, cefiderocol not offered", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "MBL", site: "skin_soft_tissue", phase: "low_acuity", mic }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["levofloxacin"]]);
  });

  it("non-severe with nothing else active: cefiderocol", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "MBL",
        site: "skin_soft_tissue",
        phase: "low_acuity",
        mic: { ...mic, levofloxacin: "4" },
      }),
    );
    expect(advice.options[0]?.drugs).toEqual(["cefiderocol"]);
  });
});

describe("KPC and OXA-48-like (not in the Japanese guide; IDSA 2024)", () => {
  it("KPC, severe: ceftazidime-avibactam and imipenem-relebactam, marked as outside the guide; cefiderocol kept back", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "KPC",
        site: "lung",
        phase: "acute_severe",
        mic: { ceftazidime_avibactam: "2", imipenem_relebactam: "0.5", cefiderocol: "1" },
      }),
    );
    expect(advice.options.map((o) => o.drugs[0])).toEqual(["ceftazidime_avibactam", "imipenem_relebactam"]);
    expect(advice.options[0]?.source).toMatch(/IDSA 2024/);
    expect(codes(advice)).toEqual(
      expect.arrayContaining(["OUTSIDE_JAPANESE_GUIDE", "CEFIDEROCOL_RESERVED_FOR_MBL"]),
    );
  });

  it("OXA-48-like: imipenem-relebactam is not offered", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "OXA48",
        site: "lung",
        phase: "acute_severe",
        mic: { ceftazidime_avibactam: "2", imipenem_relebactam: "0.5" },
      }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["ceftazidime_avibactam"]]);
    expect(codes(advice)).toContain("IMIPENEM_RELEBACTAM_NOT_FOR_OXA48");
  });
});

describe("non-CP-CRE with nothing else (guide ③, ②)", () => {
  it("imipenem-relebactam and ceftazidime-avibactam as a last resort, not cefiderocol", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { imipenem_relebactam: "0.5", ceftazidime_avibactam: "2", cefiderocol: "1" },
      }),
    );
    expect(advice.options.map((o) => [o.code, o.drugs[0], o.preferred])).toEqual([
      ["NON_CP_LAST_RESORT", "imipenem_relebactam", false],
      ["NON_CP_LAST_RESORT", "ceftazidime_avibactam", false],
    ]);
  });

  it("cefiderocol only when neither is usable", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { cefiderocol: "1" },
      }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["cefiderocol"]]);
  });
});

describe("combination details (※4, ※6)", () => {
  it("meropenem MIC 8 is a partner (high-dose extended infusion), 16 is not (※6)", () => {
    const base = { levofloxacin: "≤0.12" };
    const eight = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { ...base, meropenem: "8" },
      }),
    );
    expect(eight.options[0]).toMatchObject({
      drugs: ["levofloxacin", "meropenem"],
      doses: ["levofloxacin", "meropenem_partner"],
    });
    expect(eight.options[0]?.source).toContain("※6");
    const sixteen = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { ...base, meropenem: "16" },
      }),
    );
    expect(sixteen.options.some((o) => o.drugs.includes("meropenem"))).toBe(false);
  });

  it('meropenem "≤16" leaves ※6 undecided: not a partner, and said so', () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { levofloxacin: "≤0.12", meropenem: "≤16" },
      }),
    );
    expect(advice.options.some((o) => o.drugs.includes("meropenem"))).toBe(false);
    expect(codes(advice)).toContain("MEROPENEM_PARTNER_UNDECIDED");
  });

  // seeds/000_93415025af6d4950.txt ※4: 「特に肺炎で単剤治療で用いる場合には倍量(1回100mg 12時間毎)投与を検討」 — the
  // double dose is for tigecycline alone; in a combination it keeps the usual dose.
  it("tigecycline in a pneumonia combination: usual dose, no double-dose caution (※4 is for monotherapy)", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "lung",
        phase: "acute_severe",
        mic: { levofloxacin: "≤0.12", tigecycline: "1" },
      }),
    );
    expect(advice.options[0]).toMatchObject({
      drugs: ["levofloxacin", "tigecycline"],
      doses: ["levofloxacin", "tigecycline"],
      preferred: false,
    });
    expect(advice.options[0]?.source).not.toContain("※4");
    expect(codes(advice)).toContain("FOREIGN_DOSES");
    expect(codes(advice)).not.toContain("TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY");
  });

  it("○○ pairs come before pairs with a △ drug", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { levofloxacin: "≤0.12", trimethoprim_sulfamethoxazole: "≤0.5", amikacin: "≤4" },
      }),
    );
    expect(advice.options.map((o) => o.preferred)).toEqual([true, false, false]);
  });

  it("a site outside the table counts only drugs ○ at every site", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "other",
        phase: "acute_severe",
        mic: { levofloxacin: "≤0.12", trimethoprim_sulfamethoxazole: "≤0.5", amikacin: "≤4" },
      }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["levofloxacin", "trimethoprim_sulfamethoxazole"]]);
    expect(codes(advice)).toContain("SITE_NOT_IN_ORGAN_TABLE");
  });
});

describe("only confirmed susceptibility counts (※1)", () => {
  it('levofloxacin "≤1" straddles CLSI S ≤ 0.5: left out, and said so', () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        phase: "low_acuity",
        mic: { levofloxacin: "≤1", amikacin: "≤4" },
      }),
    );
    expect(advice.options.map((o) => o.drugs)).toEqual([["amikacin"]]);
    expect(advice.cautions.find((c) => c.code === "UNDECIDED_SUSCEPTIBILITY")?.drugs).toEqual([
      "levofloxacin",
    ]);
  });

  it("untested classes are named; with nothing active the rules say so", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "urinary", phase: "low_acuity", mic: {} }),
    );
    expect(advice.options).toEqual([]);
    expect(codes(advice)).toEqual(expect.arrayContaining(["SUSCEPTIBILITY_NOT_CONFIRMED", "NO_OPTION"]));
  });
});

describe("default availability (cre-reference.md §4.9)", () => {
  it("has ceftazidime-avibactam (2024) and no meropenem-vaborbactam or ertapenem", () => {
    const available = defaultCreAvailability();
    expect(available).toContain("ceftazidime_avibactam");
    expect(available).toContain("cefiderocol");
    expect(available).not.toContain("meropenem_vaborbactam");
    expect(available).not.toContain("ertapenem");
    expect(available.every((d) => CRE_DRUG_KEYS.includes(d))).toBe(true);
  });
});
