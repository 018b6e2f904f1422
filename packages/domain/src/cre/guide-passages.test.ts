import { describe, expect, it } from "vitest";
import { adviseCre, type CreAdvice } from "./advise.ts";
import { EUCAST_V15 } from "./breakpoints/tables.ts";
import type { InfectionSite } from "./codes.ts";
import { classifyCre } from "./cre-criteria.ts";
import { CRE_DRUG_KEYS, type CreDrugKey } from "./drugs.ts";
import { creEvidenceText } from "./evidence-text.ts";
import { GUIDE_CASES } from "./guide-cases.fixture.ts";
import { CRE_MESSAGES, DOSE_BASIS, doseText } from "./messages.ts";
import { parseMic } from "./mic.ts";
import { notificationCriteria } from "./notification-criteria.ts";
import { type ResolvedOrganism, resolveOrganism } from "./organisms.ts";
import type { CreCaseInput } from "./schema.ts";
import { severityDomainsFromChecklist } from "./severity.ts";
import { SEVERITY_TABLE_7 } from "./severity-data.ts";
import { interpretSusceptibility } from "./susceptibility.ts";
import { CRE_CONTRACT_CASE, treatmentContext } from "./test-support.ts";
import { adviseTreatment } from "./treatment.ts";
import { DOSE_KEYS } from "./treatment-types.ts";

// Each block quotes the passage of seeds/000_93415025af6d4950.txt (the MHLW notice of 2024-01-25 with the guide's
// CRE section, 抗微生物薬適正使用の手引き 第三版 別冊 pp.15–20) that its rule implements, and tests both sides of it.
const SEED = "seeds/000_93415025af6d4950.txt";

const SHOCK = {
  hemodynamicallyStable: false,
  noImmunodeficiencyOrStable: true,
  sourceControlled: true,
  stabilisedAfterTreatment: false,
};
const STABLE = {
  hemodynamicallyStable: true,
  noImmunodeficiencyOrStable: true,
  sourceControlled: true,
  stabilisedAfterTreatment: false,
};

/** A case file: E. coli from blood read with CLSI M100 Ed35, the given MICs and carbapenemase results. */
function caseFile(over: {
  mic: Partial<Record<CreDrugKey, string>>;
  site: InfectionSite;
  urinaryType?: "cystitis" | "upper_uti";
  severity?: typeof SHOCK;
  enzyme?: "IMP" | "NDM" | "KPC" | "OXA48" | null;
  consulted?: boolean;
  organism?: string;
}): CreCaseInput {
  const enzyme = over.enzyme === undefined ? "IMP" : over.enzyme;
  return {
    isolate: {
      organism: over.organism ?? "Escherichia coli",
      specimen: { type: over.site === "urinary" ? "urine" : "blood", sterileSite: over.site !== "urinary" },
      mic: over.mic,
      standard: { body: "CLSI", edition: "M100-Ed35" },
      carbapenemase: enzyme
        ? { immunochromatography: { kit: "NG-Test CARBA 5", detected: [enzyme] } }
        : { mCIM: { zoneMm: 22, pinpointColonies: false } },
    },
    infection: {
      site: over.site,
      urinaryType: over.site === "urinary" ? (over.urinaryType ?? "upper_uti") : null,
      causative: true,
    },
    ...(over.severity ? { severity: over.severity } : {}),
    cefiderocolOrdered: true,
    ...(over.consulted === undefined ? {} : { consultation: { idPhysicianOrAst: over.consulted } }),
  };
}
const drugsOf = (advice: CreAdvice) => advice.options.map((o) => o.drugs);
const cautionCodes = (advice: CreAdvice) => advice.cautions.map((c) => c.code);

describe(`severe urinary infections (${SEED}: ※2 「重症例での併用療法において既存薬を使用する場合の感染臓器の条件」 with its 尿路 column; 治療方針① 「非尿路感染症や重症例で…併用療法が提案される」)`, () => {
  // NDM pyelonephritis: only amikacin and cefiderocol active.
  const mic = {
    meropenem: ">8",
    imipenem: ">8",
    levofloxacin: ">4",
    trimethoprim_sulfamethoxazole: ">4",
    amikacin: "≤4",
    cefiderocol: "1",
  };

  it("septic shock (表7 haemodynamics failed): severe, cefiderocol first and appropriate — not amikacin alone", () => {
    const advice = adviseCre(
      caseFile({ mic, site: "urinary", severity: SHOCK, enzyme: "NDM", consulted: true }),
    );
    expect(advice.severity).toEqual({ category: "severe", failedDomains: ["hemodynamicallyStable"] });
    expect(drugsOf(advice)[0]).toEqual(["cefiderocol"]);
    expect(advice.options.some((o) => o.drugs.length === 1 && o.drugs[0] === "amikacin")).toBe(false);
    expect(advice.cefiderocol.verdict).toBe("appropriate");
    expect(advice.cefiderocol.reasons.map((r) => r.code)).toContain("SEVERE_URINARY");
  });

  it("the same pyelonephritis with no severity recorded: not_applicable, amikacin alone (② 尿路感染症であれば…アミノグリコシド系)", () => {
    const advice = adviseCre(caseFile({ mic, site: "urinary", enzyme: "NDM", consulted: true }));
    expect(advice.severity).toEqual({ category: "not_applicable", failedDomains: [] });
    expect(drugsOf(advice)).toEqual([["amikacin"]]);
    expect(advice.cefiderocol.verdict).toBe("questionable");
  });

  it("recorded and stable: non_severe, the low-acuity options (no combination)", () => {
    const advice = adviseCre(caseFile({ mic, site: "urinary", severity: STABLE, enzyme: "NDM" }));
    expect(advice.severity.category).toBe("non_severe");
    expect(drugsOf(advice)).toEqual([["amikacin"]]);
  });

  it("severe urinary without a new β-lactam: the combinations of ※2's 尿路 column (aminoglycoside ○ there, never with colistin ※5)", () => {
    const advice = adviseCre(
      caseFile({
        mic: { ...mic, colistin: "≤0.5", tigecycline: "1", cefiderocol: undefined },
        site: "urinary",
        severity: SHOCK,
        enzyme: "NDM",
      }),
      { availability: CRE_DRUG_KEYS.filter((d) => d !== "cefiderocol" && d !== "ceftazidime_avibactam") },
    );
    expect(advice.options.length).toBeGreaterThan(0);
    for (const o of advice.options) expect(o.role).toBe("combination");
    expect(drugsOf(advice)).toContainEqual(["amikacin", "tigecycline"]);
    expect(drugsOf(advice)).not.toContainEqual(["amikacin", "colistin"]);
    // At the lung the aminoglycoside is × (does not count): the site column decides.
    const lung = adviseCre(
      caseFile({
        mic: { ...mic, colistin: "≤0.5", tigecycline: "1", cefiderocol: undefined },
        site: "lung",
        severity: SHOCK,
        enzyme: "NDM",
      }),
      { availability: CRE_DRUG_KEYS.filter((d) => d !== "cefiderocol" && d !== "ceftazidime_avibactam") },
    );
    expect(lung.options.flatMap((o) => o.drugs)).not.toContain("amikacin");
  });
});

describe(`combination with old drugs (${SEED}: 治療方針① まとめ 「非尿路感染症や重症例で新規 β -ラクタム系抗菌薬が利用できず、フルオロキノロン系抗菌薬や ST 合剤、あるいは既存薬を利用せざるを得ない場合には…単剤治療よりも併用療法が提案される」)`, () => {
  const oldOnly = {
    levofloxacin: ">4",
    trimethoprim_sulfamethoxazole: ">4",
    tigecycline: "1",
    amikacin: "≤4",
    colistin: "≤0.5",
  };

  it("non-severe intra-abdominal, only old drugs active: combinations, never tigecycline alone", () => {
    const advice = adviseTreatment(
      treatmentContext({ category: "NON_CP", site: "intra_abdominal", phase: "low_acuity", mic: oldOnly }),
    );
    expect(advice.options.length).toBeGreaterThan(0);
    for (const o of advice.options) expect(o.role).toBe("combination");
    expect(advice.options[0]?.drugs).toContain("tigecycline");
    expect(advice.options.some((o) => o.drugs.length === 1)).toBe(false);
  });

  it("the other side — 「尿路感染症や非尿路感染症の軽症例…フルオロキノロン系抗菌薬や ST 合剤等の抗菌薬単剤」: FQ alone stays", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "intra_abdominal",
        phase: "low_acuity",
        mic: { ...oldOnly, levofloxacin: "≤0.12" },
      }),
    );
    expect(advice.options.map((o) => [o.drugs, o.role])).toEqual([[["levofloxacin"], "monotherapy"]]);
  });

  it("a non-severe urinary infection may rest on one old drug (combination is proposed 「非尿路感染症や重症例で」)", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        phase: "low_acuity",
        mic: { levofloxacin: ">4", trimethoprim_sulfamethoxazole: ">4", colistin: "≤0.5" },
      }),
    );
    expect(advice.options.map((o) => [o.code, o.drugs, o.preferred])).toEqual([
      ["LEGACY_MONOTHERAPY", ["colistin"], false],
    ]);
  });

  it("step-down once stable — 「一旦状態が安定した後は…単剤治療への変更を検討する」: FQ alone after a severe case", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "intra_abdominal",
        phase: "step_down",
        mic: { ...oldOnly, levofloxacin: "≤0.12" },
      }),
    );
    expect(advice.options[0]).toMatchObject({ drugs: ["levofloxacin"], role: "step_down", preferred: true });
  });

  it.each(GUIDE_CASES.filter((c) => c.statedSeverity === "non_severe").map((c) => [c.passage, c] as const))(
    "worked case %s with only old drugs active: no old drug alone",
    (_passage, guideCase) => {
      const domains = severityDomainsFromChecklist(
        guideCase.findings,
        guideCase.stableDespiteImmunodeficiency,
      );
      const advice = adviseCre(
        {
          isolate: {
            organism: "Escherichia coli",
            specimen: { type: "blood", sterileSite: true },
            mic: { meropenem: "4", ...oldOnly },
            standard: { body: "CLSI", edition: "M100-Ed35" },
            carbapenemase: guideCase.carbapenemase,
          },
          infection: { site: guideCase.site, urinaryType: null, causative: true },
          severity: { ...domains, stabilisedAfterTreatment: false },
        },
        { availability: CRE_DRUG_KEYS.filter((d) => d !== "cefiderocol" && d !== "ceftazidime_avibactam") },
      );
      expect(advice.severity.category).toBe("non_severe");
      const legacy = ["tigecycline", "amikacin", "colistin", "fosfomycin"];
      for (const o of advice.options) {
        if (o.drugs.length === 1) expect(o.preferred, o.drugs[0]).toBe(false);
        if (o.drugs.length === 1 && legacy.includes(o.drugs[0] as string)) {
          expect(advice.options.indexOf(o)).toBe(advice.options.length - 1);
        }
      }
    },
  );
});

describe(`doses (${SEED}: 表6 column 「推奨投与量 (肝腎機能正常者)」)`, () => {
  it("every dose text says it is for normal liver and kidney function and is adjusted otherwise", () => {
    for (const key of DOSE_KEYS) {
      expect(doseText(key, "ja"), key).toContain("肝機能・腎機能が正常な場合の推奨量");
      expect(doseText(key, "ja"), key).toContain("調整が必要");
      expect(doseText(key, "en"), key).toContain("normal liver and kidney function");
    }
    // The regimen alone does not say it: the basis is added to every dose, not only to cefiderocol's.
    expect(CRE_MESSAGES.dose.colistin.ja).not.toContain(DOSE_BASIS.ja);
  });

  it("every option of the command output carries the basis", () => {
    const advice = adviseCre(CRE_CONTRACT_CASE, { lang: "ja" });
    expect(advice.options.length).toBeGreaterThan(1);
    for (const o of advice.options) expect(o.dose.endsWith(DOSE_BASIS.ja), o.dose).toBe(true);
    expect(advice.options.find((o) => o.drugs.length === 2)?.dose).toContain(" + アズトレオナム1回2g");
  });
});

describe(`consultation before cefiderocol (${SEED}: 記2 「本剤の使用に当たっては、感染症治療に十分な治療と経験を持つ医師又は抗菌薬適正使用支援チームに相談の上、投与すること」)`, () => {
  it("no consultation recorded: pending_consultation, never appropriate", () => {
    const unrecorded = adviseCre({ ...CRE_CONTRACT_CASE, consultation: undefined });
    expect(unrecorded.cefiderocol.verdict).toBe("pending_consultation");
    expect(unrecorded.cefiderocol.reasons.map((r) => r.code)).toContain("NO_CONSULTATION");
    const declined = adviseCre({ ...CRE_CONTRACT_CASE, consultation: { idPhysicianOrAst: false } });
    expect(declined.cefiderocol.verdict).toBe("pending_consultation");
  });

  it("consultation recorded: appropriate", () => {
    const advice = adviseCre(CRE_CONTRACT_CASE);
    expect(advice.cefiderocol.verdict).toBe("appropriate");
    expect(advice.cefiderocol.reasons.map((r) => r.code)).not.toContain("NO_CONSULTATION");
  });

  it.each(
    GUIDE_CASES.filter((c) => c.statedSeverity === "severe" && c.expectedMechanism === "MBL").map(
      (c) => [c.passage, c] as const,
    ),
  )(
    "worked case %s (MBL, severe): pending without a consultation, appropriate with one",
    (_passage, guideCase) => {
      const domains = severityDomainsFromChecklist(
        guideCase.findings,
        guideCase.stableDespiteImmunodeficiency,
      );
      const file = (consulted: boolean | undefined): CreCaseInput => ({
        isolate: {
          organism: "Escherichia coli",
          specimen: { type: "blood", sterileSite: true },
          mic: { meropenem: "4", levofloxacin: ">4", trimethoprim_sulfamethoxazole: ">4", cefiderocol: "1" },
          standard: { body: "CLSI", edition: "M100-Ed35" },
          carbapenemase: guideCase.carbapenemase,
        },
        infection: { site: guideCase.site, urinaryType: null, causative: true },
        severity: { ...domains, stabilisedAfterTreatment: false },
        cefiderocolOrdered: true,
        ...(consulted === undefined ? {} : { consultation: { idPhysicianOrAst: consulted } }),
      });
      expect(adviseCre(file(undefined)).cefiderocol.verdict).toBe("pending_consultation");
      expect(adviseCre(file(false)).cefiderocol.verdict).toBe("pending_consultation");
      expect(adviseCre(file(true)).cefiderocol.verdict).toBe("appropriate");
    },
  );

  it("a verdict other than appropriate is not softened or hardened by the missing consultation", () => {
    const notCre = caseFile({
      mic: { meropenem: "0.5", imipenem: "0.5" },
      site: "bloodstream",
      severity: SHOCK,
    });
    expect(adviseCre(notCre).cefiderocol.verdict).toBe("inappropriate");
  });
});

describe(`options and verdict agree (${SEED}: 記1 「CRE感染症の患者に対する本剤の使用に当たっては…真に必要な場合に限り使用すること」; ② 「MBL 産生 CPE に対して温存」)`, () => {
  // 微生物学的診断: 「イミペネムに感受性を示す IMP-6 産生株…のような、カルバペネム系抗菌薬に感受性を示す CPE」.
  const stealth = {
    meropenem: "0.5",
    imipenem: "0.5",
    levofloxacin: ">4",
    trimethoprim_sulfamethoxazole: ">4",
    cefiderocol: "1",
  };

  it("a stealth IMP-CPE that is not CRE by the criteria: no cefiderocol option, verdict inappropriate, and says why", () => {
    const advice = adviseCre(
      caseFile({ mic: stealth, site: "bloodstream", severity: SHOCK, consulted: true }),
    );
    expect(advice.cre.value).toBe(false);
    expect(advice.mechanism.category).toBe("MBL");
    expect(advice.options.flatMap((o) => o.drugs)).not.toContain("cefiderocol");
    expect(cautionCodes(advice)).toContain("CEFIDEROCOL_OUTSIDE_NOTICE");
    expect(advice.cefiderocol.verdict).toBe("inappropriate");
    expect(advice.cefiderocol.reasons.map((r) => r.code)).toContain("NOT_CRE");
  });

  it("the same IMP-CPE meeting the criteria (meropenem 2): cefiderocol preferred and appropriate", () => {
    const advice = adviseCre(
      caseFile({
        mic: { ...stealth, meropenem: "2" },
        site: "bloodstream",
        severity: SHOCK,
        consulted: true,
      }),
    );
    expect(advice.options[0]).toMatchObject({ drugs: ["cefiderocol"], preferred: true });
    expect(cautionCodes(advice)).not.toContain("CEFIDEROCOL_OUTSIDE_NOTICE");
    expect(advice.cefiderocol.verdict).toBe("appropriate");
  });

  const mechanisms: Array<"IMP" | "KPC" | "OXA48" | null> = ["IMP", "KPC", "OXA48", null];
  const sites: InfectionSite[] = ["urinary", "lung", "intra_abdominal", "bloodstream", "skin_soft_tissue"];
  const micSets: Array<Partial<Record<CreDrugKey, string>>> = [
    { meropenem: "4", levofloxacin: "≤0.12", cefiderocol: "1" },
    {
      meropenem: "4",
      levofloxacin: ">4",
      trimethoprim_sulfamethoxazole: ">4",
      amikacin: "≤4",
      cefiderocol: "1",
    },
    { meropenem: "0.5", imipenem: "0.5", levofloxacin: ">4", cefiderocol: "1", tigecycline: "1" },
    {
      meropenem: "1",
      imipenem: "4",
      cefmetazole: ">32",
      colistin: "≤0.5",
      cefiderocol: "1",
      imipenem_relebactam: "0.5",
    },
  ];
  it("on a grid of mechanisms, sites, severities and MICs: an appropriate (or pending) verdict has cefiderocol among the options; an inappropriate one never has it preferred", () => {
    let checked = 0;
    for (const enzyme of mechanisms)
      for (const site of sites)
        for (const severity of [SHOCK, STABLE, { ...SHOCK, stabilisedAfterTreatment: true }])
          for (const mic of micSets)
            for (const consulted of [true, false]) {
              const advice = adviseCre(caseFile({ mic, site, severity, enzyme, consulted }));
              const offered = advice.options.filter((o) => o.drugs.includes("cefiderocol"));
              const verdict = advice.cefiderocol.verdict;
              if (verdict === "appropriate" || verdict === "pending_consultation") {
                expect(offered.length, JSON.stringify({ enzyme, site, mic })).toBeGreaterThan(0);
              }
              if (verdict === "inappropriate") {
                expect(
                  offered.some((o) => o.preferred),
                  JSON.stringify({ enzyme, site, mic }),
                ).toBe(false);
              }
              if (!consulted) expect(verdict).not.toBe("appropriate");
              checked++;
            }
    expect(checked).toBe(4 * 5 * 3 * 4 * 2);
  }, 60_000);

  it("order: preferred first, old drugs last — a non-CP-CRE cystitis lists high-dose meropenem (③, ※3) before colistin", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "urinary",
        urinaryType: "cystitis",
        phase: "low_acuity",
        mic: {
          imipenem: "4",
          meropenem: "≤0.25",
          levofloxacin: ">4",
          trimethoprim_sulfamethoxazole: ">4",
          colistin: "≤0.5",
        },
      }),
    );
    expect(advice.options.map((o) => o.drugs[0])).toEqual(["meropenem", "colistin"]);
    expect(advice.options[0]?.preferred).toBe(true);
  });

  it("※4 「特に肺炎で単剤治療で用いる場合には倍量」: tigecycline alone gets the double-dose regimen, in a combination the usual one", () => {
    const alone = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "intra_abdominal",
        phase: "step_down",
        mic: { levofloxacin: ">4", trimethoprim_sulfamethoxazole: ">4", tigecycline: "1" },
      }),
    );
    const single = alone.options.find((o) => o.drugs.length === 1 && o.drugs[0] === "tigecycline");
    expect(single?.doses).toEqual(["tigecycline_monotherapy"]);
    expect(alone.cautions.map((c) => c.code)).toContain("TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY");
    expect(doseText("tigecycline_monotherapy", "ja")).toContain("倍量の1回100mg 12時間毎");
    const paired = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "intra_abdominal",
        phase: "acute_severe",
        mic: { levofloxacin: ">4", trimethoprim_sulfamethoxazole: ">4", tigecycline: "1", amikacin: "≤4" },
      }),
    );
    const combo = paired.options.find((o) => o.drugs.includes("tigecycline"));
    expect(combo?.role).toBe("combination");
    expect(combo?.doses).toContain("tigecycline");
    expect(combo?.doses).not.toContain("tigecycline_monotherapy");
    expect(paired.cautions.map((c) => c.code)).not.toContain("TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY");
  });
});

describe(`表7 urine output (${SEED}: 「18 時間以上の無尿状態ではない、もしくは 0.5mL/kg/時 以上の尿量がある」 — either suffices)`, () => {
  const item = SEVERITY_TABLE_7.flatMap((d) => d.items).find((i) => i.code === "ANURIA_18H_AND_URINE_LT_0_5");

  it("the finding that fails the domain needs both: 18 h of anuria and urine output below 0.5 mL/kg/h", () => {
    expect(item?.ja).toContain("18時間以上の無尿があり、かつ尿量が0.5mL/kg/時未満");
    expect(severityDomainsFromChecklist(["ANURIA_18H_AND_URINE_LT_0_5"]).hemodynamicallyStable).toBe(false);
  });

  it("low urine output alone is not a finding of 表7: no item says 尿量 without 無尿, and the old either-or item is gone", () => {
    for (const i of SEVERITY_TABLE_7.flatMap((d) => d.items)) {
      if (i.ja.includes("尿量")) expect(i.ja).toContain("かつ");
    }
    expect(() => severityDomainsFromChecklist(["ANURIA_OR_LOW_URINE_OUTPUT"])).toThrow();
    expect(severityDomainsFromChecklist([]).hemodynamicallyStable).toBe(true);
  });
});

describe(`citations (${SEED}: 記2 is about 本剤 = cefiderocol; 記1 names the excerpt 「15-20ページ」)`, () => {
  const cases: CreCaseInput[] = [
    CRE_CONTRACT_CASE,
    { ...CRE_CONTRACT_CASE, consultation: undefined },
    caseFile({ mic: { meropenem: "4", levofloxacin: ">4" }, site: "lung", severity: SHOCK, enzyme: "KPC" }),
    caseFile({ mic: { meropenem: ">8" }, site: "lung", severity: SHOCK, enzyme: null }),
    caseFile({ mic: { meropenem: "4", colistin: "≤0.5", amikacin: "≤4" }, site: "urinary", enzyme: null }),
  ];

  it("記2 is cited only for cefiderocol (the consultation caution and reason)", () => {
    for (const c of cases) {
      const advice = adviseCre(c);
      const sources = [
        ...advice.cautions.map((x) => [x.code, x.source]),
        ...advice.cefiderocol.reasons.map((x) => [x.code, x.source]),
        ...advice.options.map((x) => [x.drugs.join("+"), x.source]),
      ];
      for (const [code, source] of sources) {
        if (source?.includes("記2"))
          expect(["CONSULT_BEFORE_CEFIDEROCOL", "NO_CONSULTATION"]).toContain(code);
      }
    }
    // The "no option" caution cites ※1, not 記2.
    const none = adviseCre(
      caseFile({ mic: { meropenem: ">8" }, site: "lung", severity: SHOCK, enzyme: null }),
      {
        availability: [],
      },
    );
    const noOption = none.cautions.find((c) => c.code === "NO_OPTION");
    expect(noOption?.source).toBe("guide ※1");
  });

  it("no guide page is cited but the excerpt's 15–20", () => {
    for (const c of cases) {
      const text = JSON.stringify(adviseCre(c));
      const pages = [...text.matchAll(/pp?\.\s?(\d+)(?:[–-](\d+))?/g)].map((m) => m[0]);
      for (const page of pages) expect(page).toBe("pp.15–20");
    }
  });
});

describe(`untested is not indeterminate (${SEED}: 参考2 laboratory questions 「イミペネムの MIC を報告した。 (はい ・ いいえ)」 — labs do not always test every drug)`, () => {
  const inForce = notificationCriteria("mhlw-2014");
  const values = (mic: Partial<Record<CreDrugKey, string>>) => ({
    mic: Object.fromEntries(Object.entries(mic).map(([k, v]) => [k, parseMic(v as string)])),
    zoneMm: {},
  });

  it("meropenem below the cut-off, imipenem not tested: not CRE by the tests done, the untested branch named", () => {
    const cre = classifyCre(values({ meropenem: "≤0.25" }), true, inForce);
    expect(cre).toMatchObject({ value: false, imipenemCefmetazoleUntested: true });
    expect(creEvidenceText(cre, "ja")).toContain("イミペネム未検査のため実施した検査では満たさない");
    expect(creEvidenceText(cre, "en")).toContain("imipenem not tested");
  });

  it("tested values that leave the rule undecided stay indeterminate", () => {
    expect(classifyCre(values({ meropenem: "≤0.25", imipenem: "2" }), true, inForce).value).toBe(
      "indeterminate",
    );
    expect(classifyCre(values({ meropenem: "≤4" }), true, inForce).value).toBe("indeterminate");
    expect(classifyCre(values({ imipenem: "1" }), true, inForce).value).toBe("indeterminate");
  });

  it("imipenem tested below the cut-off: false whatever cefmetazole", () => {
    expect(classifyCre(values({ meropenem: "1", imipenem: "1" }), true, inForce)).toMatchObject({
      value: false,
      imipenemCefmetazoleUntested: false,
    });
  });
});

describe(`EUCAST v15.0 scope as data (${SEED}: ※1 「この表は原則的に感受性検査が判明し表の薬剤に感受性が確認されていることを前提としている」)`, () => {
  const org = (name: string): ResolvedOrganism => {
    const o = resolveOrganism(name);
    if (!o.known) throw new Error(name);
    return o;
  };
  const read = (drug: CreDrugKey, name: string, mic?: string, zone?: number, site?: InfectionSite) =>
    interpretSusceptibility(EUCAST_V15, drug, mic ? parseMic(mic) : undefined, zone, org(name), site);

  it("imipenem zones for Morganellaceae are not categorised; for E. coli they are", () => {
    for (const name of ["Proteus mirabilis", "Morganella morganii", "Providencia stuartii"]) {
      expect(read("imipenem", name, undefined, 15).category, name).toBe("no_breakpoint");
      expect(read("imipenem", name, undefined, 25).category, name).toBe("no_breakpoint");
    }
    expect(read("imipenem", "Escherichia coli", undefined, 15).category).toBe("R");
    expect(read("imipenem", "Proteus mirabilis", "8").category).toBe("R");
  });

  it("tigecycline: disk for E. coli only; C. koseri by MIC", () => {
    expect(read("tigecycline", "Escherichia coli", undefined, 20).category).toBe("S");
    expect(read("tigecycline", "Citrobacter koseri", undefined, 20).category).toBe("no_breakpoint");
    expect(read("tigecycline", "Citrobacter koseri", "0.25").category).toBe("S");
    expect(read("tigecycline", "Klebsiella pneumoniae", "0.25").category).toBe("no_breakpoint");
  });

  it("aminoglycosides: full breakpoint for infections from the urinary tract, bracketed elsewhere", () => {
    const urinary = read("amikacin", "Escherichia coli", "4", undefined, "urinary");
    expect(urinary).toMatchObject({ category: "S", bracketed: false });
    for (const site of ["bloodstream", "intra_abdominal", "lung"] as const) {
      expect(read("amikacin", "Escherichia coli", "4", undefined, site)).toMatchObject({
        category: "S",
        bracketed: true,
      });
    }
    expect(read("gentamicin", "Escherichia coli", "1", undefined, "skin_soft_tissue").bracketed).toBe(true);
    expect(read("tobramycin", "Escherichia coli", "1", undefined, "urinary").bracketed).toBe(false);
    expect(EUCAST_V15.rows.filter((r) => r.fullAtSites?.includes("urinary")).map((r) => r.drug)).toEqual([
      "amikacin",
      "gentamicin",
      "tobramycin",
    ]);
  });

  it("an option with a bracketed aminoglycoside carries the caution; at the urinary tract it does not", () => {
    const eucastCase = (site: InfectionSite, severity?: typeof SHOCK): CreCaseInput => ({
      ...caseFile({
        mic: {
          meropenem: "4",
          amikacin: "4",
          levofloxacin: ">4",
          trimethoprim_sulfamethoxazole: ">4",
          tigecycline: "0.25",
        },
        site,
        ...(severity ? { severity } : {}),
        enzyme: null,
      }),
      isolate: {
        ...caseFile({ mic: {}, site }).isolate,
        mic: {
          meropenem: "4",
          amikacin: "4",
          levofloxacin: ">4",
          trimethoprim_sulfamethoxazole: ">4",
          tigecycline: "0.25",
        },
        standard: { body: "EUCAST", edition: "v15.0" },
        carbapenemase: { mCIM: { zoneMm: 22, pinpointColonies: false } },
      },
    });
    const abdominal = adviseCre(eucastCase("intra_abdominal", SHOCK));
    expect(abdominal.options.flatMap((o) => o.drugs)).toContain("amikacin");
    expect(cautionCodes(abdominal)).toContain("BRACKETED_BREAKPOINT");
    const urinary = adviseCre(eucastCase("urinary"));
    expect(urinary.options.flatMap((o) => o.drugs)).toContain("amikacin");
    expect(cautionCodes(urinary)).not.toContain("BRACKETED_BREAKPOINT");
  });
});
