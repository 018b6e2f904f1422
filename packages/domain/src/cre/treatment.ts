import type { InfectionSite, MechanismCategory, UrinaryType } from "./codes.ts";
import { aloneAllowedAtSite, type CombinationCandidate, siteCombinations } from "./combinations.ts";
import type { CreDrugKey } from "./drugs.ts";
import { type MicInterval, micAtMost } from "./mic.ts";
import {
  ORGAN_TABLE_GUIDE_3RD,
  ORGAN_TABLE_ROWS,
  type OrganMark,
  type OrganTable,
  type OrganTableRow,
  organMark,
  organRowOf,
} from "./organ-table.ts";
import type { SeverityAssessment } from "./severity.ts";
import { isActive, type SusceptibilityResult } from "./susceptibility.ts";
import type {
  Caution,
  CautionCode,
  DoseKey,
  OptionCode,
  TreatmentAdvice,
  TreatmentOption,
  TreatmentPhase,
} from "./treatment-types.ts";

export type TreatmentContext = {
  category: MechanismCategory;
  /** S/I/R per drug (every drug reported; absent = not tested). */
  susceptibility: Partial<Record<CreDrugKey, SusceptibilityResult>>;
  meropenemMic: MicInterval | undefined;
  site: InfectionSite;
  urinaryType: UrinaryType | null;
  severity: SeverityAssessment;
  /** Drugs the hospital has. */
  availability: readonly CreDrugKey[];
  /** Whether the carbapenemase work-up still has a next test (CPE_UNTYPED, UNRESOLVED, NOT_TESTED with a screen). */
  mechanismPending: boolean;
  /**
   * The isolate is a CPE that does not meet the CRE criteria: cefiderocol is outside the notice (記1 「CRE感染症の患者に
   * 対する本剤の使用」) and is not offered.
   */
  cefiderocolOutOfScope?: boolean;
  organTable?: OrganTable;
};

const FQ_ST: readonly CreDrugKey[] = ["levofloxacin", "ciprofloxacin", "trimethoprim_sulfamethoxazole"];
const AMINOGLYCOSIDES: readonly CreDrugKey[] = ["amikacin", "gentamicin", "tobramycin"];
const LEGACY_ROWS: readonly OrganTableRow[] = ["aminoglycoside", "tigecycline", "fosfomycin", "colistin"];
const NON_MBL_CPE: readonly MechanismCategory[] = ["KPC", "OXA48", "CPE_SERINE_UNTYPED"];
const MECHANISM_UNKNOWN: readonly MechanismCategory[] = ["CPE_UNTYPED", "UNRESOLVED", "NOT_TESTED"];
const IDSA = "IDSA 2024 guidance (not covered by the Japanese guide; cre-reference.md §4.5)";

/**
 * The phase of treatment the rules answer for: low acuity (non-severe, or a urinary infection with no severity
 * recorded), acute severe (any site, not yet stable), or step-down (severe, stabilised on treatment). A urinary
 * infection recorded as severe is acute severe like any other: ※2 is 「重症例での併用療法において既存薬を使用する場合の
 * 感染臓器の条件」 and has a 尿路 column.
 *
 * Source: guide 治療方針① まとめ (「尿路感染症や非尿路感染症の軽症例、さらには重症例であっても…状態が安定した後の経口
 * ステップダウン治療において…単剤での治療」; 「非尿路感染症や重症例で…併用療法が提案される」), ※2.
 * @example treatmentPhase({ category: "severe", stabilised: true, … }) // "step_down"
 */
export function treatmentPhase(severity: SeverityAssessment): TreatmentPhase {
  if (severity.category !== "severe") return "low_acuity";
  return severity.stabilised ? "step_down" : "acute_severe";
}

/** Rank for the order of options: preferred first, then the others, old drugs (既存薬) last. */
function optionRank(option: TreatmentOption, legacy: ReadonlySet<CreDrugKey>): number {
  if (option.preferred) return 0;
  return option.drugs.some((d) => legacy.has(d)) ? 2 : 1;
}

/**
 * Treatment options for a CRE infection, in order, with cautions — the guide's ①–③, 表6 and ※1–※6 (図1's treatment
 * path, rebuilt from its prose and footnotes):
 * 1. Only drugs the isolate is susceptible to (※1) and the hospital has.
 * 2. Non-β-lactams first: FQ or ST monotherapy for urinary and non-severe non-urinary infection, aminoglycoside too for
 *    urinary infection (① まとめ, ②); FQ/ST as step-down once a severe case has stabilised, or a ○ legacy drug (①, ※2).
 *    An old drug (既存薬) alone is offered only for a non-severe urinary infection, never as a first choice elsewhere.
 * 3. non-CP-CRE, imipenem non-susceptible and meropenem susceptible: high-dose extended-infusion meropenem, preferred
 *    for urinary or mild infection (③, ※3; cystitis 1 g q8h per 表6).
 * 4. MBL: cefiderocol alone, or ceftazidime-avibactam with aztreonam (②) — in acute severe infection, or when nothing
 *    else is left; never cefiderocol when the isolate is outside the notice's scope (`cefiderocolOutOfScope`).
 *    KPC / OXA-48-like / serine: ceftazidime-avibactam (and imipenem-relebactam for KPC), from IDSA 2024, marked as
 *    outside the Japanese guide.
 * 5. No new β-lactam in an acute severe infection (urinary included), or a non-urinary infection without an active
 *    FQ or ST, or nothing else at all: pairs of site-eligible drugs by the organ table (※2): × never, ○ before △,
 *    △ never alone; never an aminoglycoside with colistin (※5); meropenem as a partner when MIC ≤ 8 mg/L (※6).
 *    Tigecycline's double dose (※4) is for tigecycline alone, particularly in pneumonia, never for a combination.
 * 6. non-CP-CRE with nothing else: imipenem-relebactam or ceftazidime-avibactam, cefiderocol only if neither (③, ②).
 * 7. Order: preferred first, then the others, options with an old drug (既存薬) last.
 * Every dose is 表6's 「推奨投与量 (肝腎機能正常者)」: the dose texts say so (messages.ts).
 *
 * Source: guide pp.15–20 (①–③, 表6, ※1–※6); cre-stewardship.md §5. Units: MIC mg/L.
 * @example adviseTreatment({ category: "MBL", site: "bloodstream", severity: severe, … }).options[0].drugs
 *   // ["cefiderocol"]
 */
export function adviseTreatment(ctx: TreatmentContext): TreatmentAdvice {
  const table = ctx.organTable ?? ORGAN_TABLE_GUIDE_3RD;
  const available = new Set(ctx.availability);
  const activity = (drug: CreDrugKey) => {
    const result = ctx.susceptibility[drug];
    return result ? isActive(result) : false;
  };
  const usable = (drug: CreDrugKey) =>
    available.has(drug) &&
    activity(drug) === true &&
    !(drug === "cefiderocol" && ctx.cefiderocolOutOfScope === true);
  const markOf = (drug: CreDrugKey): OrganMark | null => {
    const row = organRowOf(drug, table);
    return row ? organMark(table, row, ctx.site) : null;
  };
  const urinary = ctx.site === "urinary";
  // ※4: the double dose is for tigecycline alone (particularly pneumonia), not for a combination.
  const doseOf = (drug: CreDrugKey, alone: boolean): DoseKey => {
    if (drug === "tigecycline") return alone ? "tigecycline_monotherapy" : "tigecycline";
    if (drug === "meropenem") return "meropenem_partner";
    return drug as DoseKey;
  };
  const phase = treatmentPhase(ctx.severity);
  const options: TreatmentOption[] = [];
  const cautions: Caution[] = [];
  const caution = (code: CautionCode, source: string, drugs: CreDrugKey[] = []) => {
    const existing = cautions.find((c) => c.code === code);
    if (existing) existing.drugs = [...new Set([...existing.drugs, ...drugs])];
    else cautions.push({ code, drugs, source });
  };
  const option = (
    code: OptionCode,
    drugs: CreDrugKey[],
    role: TreatmentOption["role"],
    preferred: boolean,
    source: string,
    doses: DoseKey[] = drugs.map((d) => doseOf(d, drugs.length === 1)),
  ) => {
    const marks = drugs.map(markOf);
    options.push({
      code,
      drugs,
      role,
      preferred,
      doses,
      marks: marks.every((m) => m !== null) ? (marks as OrganMark[]) : null,
      source,
    });
  };
  const legacySingles = (excludeAminoglycosides: boolean) =>
    LEGACY_ROWS.filter((row) => !(excludeAminoglycosides && row === "aminoglycoside"))
      .map((row) => table.drugs[row].find(usable))
      .filter((drug): drug is CreDrugKey => {
        const row = drug ? organRowOf(drug, table) : null;
        return row !== null && aloneAllowedAtSite(table, row, ctx.site);
      });

  // 2. Non-β-lactams first.
  if (phase === "low_acuity") {
    const mono = [...FQ_ST, ...(urinary ? AMINOGLYCOSIDES : [])].filter(usable);
    for (const drug of mono) {
      option(
        "NON_BETA_LACTAM_MONOTHERAPY",
        [drug],
        "monotherapy",
        true,
        urinary ? "guide ① まとめ, ②" : "guide ① まとめ",
      );
    }
    if (mono.length === 0 && urinary) {
      // A non-severe urinary infection may rest on one old drug (① まとめ proposes combination only 「非尿路感染症や
      // 重症例で」); listed after every other option.
      for (const drug of legacySingles(true))
        option("LEGACY_MONOTHERAPY", [drug], "monotherapy", false, "guide ① まとめ, ※2");
    }
    // A non-urinary infection without an active FQ or ST rests on old drugs: no option yet, so step 5 proposes a
    // combination rather than one old drug (①).
  } else if (phase === "step_down") {
    const stepDown = [...FQ_ST, ...(urinary ? AMINOGLYCOSIDES : [])].filter(usable);
    for (const drug of stepDown) {
      option(
        "NON_BETA_LACTAM_STEP_DOWN",
        [drug],
        "step_down",
        true,
        urinary ? "guide ① まとめ, ②" : "guide ① まとめ",
      );
    }
    for (const drug of legacySingles(urinary))
      option("LEGACY_STEP_DOWN", [drug], "step_down", false, "guide ① まとめ, ※2");
  }

  // 3. ※3: non-CP-CRE, imipenem non-susceptible, meropenem susceptible.
  const imipenem = ctx.susceptibility.imipenem;
  const imipenemNonSusceptible =
    imipenem !== undefined &&
    (imipenem.category === "R" || imipenem.category === "I") &&
    isActive(imipenem) === false;
  if (ctx.category === "NON_CP" && imipenemNonSusceptible && usable("meropenem")) {
    const dose: DoseKey =
      ctx.urinaryType === "cystitis" ? "meropenem_cystitis" : "meropenem_extended_infusion";
    const role = phase === "step_down" ? "step_down" : "monotherapy";
    option("MEROPENEM_EXTENDED_INFUSION", ["meropenem"], role, phase === "low_acuity", "guide ③, ※3, 表6", [
      dose,
    ]);
    // 1 g q8h (cystitis) is within the Japanese label; 2 g q8h is one of 表6's overseas doses (¶).
    if (dose === "meropenem_extended_infusion") caution("FOREIGN_DOSES", "guide 表6 ¶", ["meropenem"]);
  }

  // 4. New β-lactams by mechanism.
  let newBetaLactams = 0;
  const considerNewBetaLactam = phase === "acute_severe" || options.length === 0;
  if (considerNewBetaLactam && ctx.category === "MBL") {
    if (usable("cefiderocol")) {
      option("MBL_CEFIDEROCOL", ["cefiderocol"], "monotherapy", true, "guide ②");
      newBetaLactams++;
    }
    if (available.has("ceftazidime_avibactam") && available.has("aztreonam")) {
      option(
        "MBL_CEFTAZIDIME_AVIBACTAM_AZTREONAM",
        ["ceftazidime_avibactam", "aztreonam"],
        "combination",
        true,
        "guide ②",
        ["ceftazidime_avibactam", "aztreonam_with_ceftazidime_avibactam"],
      );
      caution("CEFTAZIDIME_AVIBACTAM_AZTREONAM_TOGETHER", "guide ②; cre-reference.md §4.6 (IDSA 2024)");
      newBetaLactams++;
    }
  }
  if (considerNewBetaLactam && NON_MBL_CPE.includes(ctx.category)) {
    const candidates: CreDrugKey[] =
      ctx.category === "KPC" ? ["ceftazidime_avibactam", "imipenem_relebactam"] : ["ceftazidime_avibactam"];
    for (const drug of candidates.filter(usable)) {
      option("SERINE_CPE_NEW_BETA_LACTAM", [drug], "monotherapy", true, IDSA);
      caution("OUTSIDE_JAPANESE_GUIDE", IDSA, [drug]);
      newBetaLactams++;
    }
    if (ctx.category !== "KPC" && usable("imipenem_relebactam")) {
      caution("IMIPENEM_RELEBACTAM_NOT_FOR_OXA48", "cre-reference.md §4.8 (IDSA 2024)", [
        "imipenem_relebactam",
      ]);
    }
  }

  // 5. Combination of site-eligible drugs (※2, ※5, ※6): 「非尿路感染症や重症例で新規 β -ラクタム系抗菌薬が利用できず、
  // フルオロキノロン系抗菌薬や ST 合剤、あるいは既存薬を利用せざるを得ない場合には…単剤治療よりも併用療法が提案される」.
  const needCombination =
    (phase === "acute_severe" && newBetaLactams === 0) || (phase !== "acute_severe" && options.length === 0);
  if (needCombination) {
    if (ctx.site === "other") caution("SITE_NOT_IN_ORGAN_TABLE", "guide ※2");
    const candidates: CombinationCandidate[] = [];
    for (const row of ORGAN_TABLE_ROWS) {
      if (row === "meropenem") {
        const max = table.meropenemPartnerMaxMicMgL;
        const withinMic = ctx.meropenemMic ? micAtMost(ctx.meropenemMic, max) : false;
        if (withinMic === "indeterminate") caution("MEROPENEM_PARTNER_UNDECIDED", "guide ※6", ["meropenem"]);
        if (withinMic === true && available.has("meropenem")) candidates.push({ row, drug: "meropenem" });
      } else {
        const drug = table.drugs[row].find(usable);
        if (drug) candidates.push({ row, drug });
      }
    }
    const combos = siteCombinations(table, ctx.site, candidates);
    if (combos.excluded.length > 0) caution("EXCLUDED_AT_SITE", "guide ※2", combos.excluded);
    if (combos.withheld.length > 0)
      caution("NO_AMINOGLYCOSIDE_WITH_COLISTIN", "guide ※5", combos.withheld.flat());
    for (const pair of combos.pairs) {
      const drugs = [...pair.drugs];
      const notes = ["guide ① まとめ", "※2", "※5"];
      if (drugs.includes("meropenem")) notes.push("※6");
      option("LEGACY_COMBINATION", drugs, "combination", pair.preferred, notes.join(", "));
    }
    const triangles = combos.eligible.filter((e) => e.mark === "triangle").map((e) => e.drug);
    if (combos.pairs.length > 0 && triangles.length > 0) caution("TRIANGLE_NOT_ALONE", "guide ※2", triangles);
    if (combos.pairs.length > 0 && phase === "acute_severe")
      caution("STEP_DOWN_WHEN_STABLE", "guide ① まとめ");
    if (combos.pairs.length === 0) {
      caution("COMBINATION_NOT_POSSIBLE", "guide ① まとめ, ※2");
      // A single drug must itself be active: ※6 lets a non-susceptible meropenem be a partner, never alone.
      const single = combos.eligible.find((e) => e.mark === "o" && usable(e.drug));
      if (single && !options.some((o) => o.drugs.length === 1 && o.drugs[0] === single.drug)) {
        option("SINGLE_ELIGIBLE_DRUG", [single.drug], "monotherapy", false, "guide ※2");
      }
    }
  }

  // 6. non-CP-CRE with nothing else: the new β-lactams of ③, cefiderocol last (②).
  if (ctx.category === "NON_CP" && options.length === 0) {
    const lastResort = (["imipenem_relebactam", "ceftazidime_avibactam"] as CreDrugKey[]).filter(usable);
    if (lastResort.length === 0 && usable("cefiderocol")) lastResort.push("cefiderocol");
    for (const drug of lastResort) option("NON_CP_LAST_RESORT", [drug], "monotherapy", false, "guide ③");
  }

  // 7. Preferred first, old drugs last (stable within a rank).
  const legacy = new Set(LEGACY_ROWS.flatMap((row) => table.drugs[row]));
  const ordered = options
    .map((o, i) => ({ o, i, rank: optionRank(o, legacy) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.o);
  options.splice(0, options.length, ...ordered);

  // General cautions.
  const inOptions = (drug: CreDrugKey) => options.some((o) => o.drugs.includes(drug));
  if (options.some((o) => o.doses.includes("tigecycline_monotherapy")))
    caution("TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY", "guide ※4", ["tigecycline"]);
  const foreign = (["colistin", "tigecycline"] as CreDrugKey[]).filter(inOptions);
  if (options.some((o) => o.doses.includes("meropenem_partner"))) foreign.push("meropenem");
  if (foreign.length > 0) caution("FOREIGN_DOSES", "guide 表6 ¶", foreign);
  if (NON_MBL_CPE.includes(ctx.category) || ctx.category === "NON_CP") {
    caution("CEFIDEROCOL_RESERVED_FOR_MBL", "guide ②");
  }
  if (MECHANISM_UNKNOWN.includes(ctx.category) && ctx.mechanismPending) {
    caution("MECHANISM_PENDING", "guide 微生物学的診断, 図1");
  }
  if (inOptions("cefiderocol")) caution("CONSULT_BEFORE_CEFIDEROCOL", "MHLW 事務連絡 2024-01-25 記2");
  const aminoglycosides = AMINOGLYCOSIDES.filter(usable);
  if (aminoglycosides.length > 0 && usable("colistin")) {
    caution("NO_AMINOGLYCOSIDE_WITH_COLISTIN", "guide ※5", [...aminoglycosides, "colistin"]);
  }
  const treatmentDrugs = new Set<CreDrugKey>([
    ...FQ_ST,
    ...ORGAN_TABLE_ROWS.flatMap((row) => table.drugs[row]),
    "ceftazidime_avibactam",
    "imipenem_relebactam",
    "cefiderocol",
    "aztreonam",
  ]);
  const undecided = [...treatmentDrugs].filter((d) => activity(d) === "indeterminate");
  if (undecided.length > 0) caution("UNDECIDED_SUSCEPTIBILITY", "guide ※1", undecided);
  const untestedClasses = [
    FQ_ST.filter((d) => d !== "trimethoprim_sulfamethoxazole"),
    ["trimethoprim_sulfamethoxazole"] as CreDrugKey[],
    AMINOGLYCOSIDES,
  ].filter((cls) => cls.every((d) => (ctx.susceptibility[d]?.category ?? "not_tested") === "not_tested"));
  if (untestedClasses.length > 0) {
    caution(
      "SUSCEPTIBILITY_NOT_CONFIRMED",
      "guide ※1",
      untestedClasses.map((cls) => cls[0]).filter((d): d is CreDrugKey => d !== undefined),
    );
  }
  const unavailable = [...treatmentDrugs].filter((d) => activity(d) === true && !available.has(d));
  if (unavailable.length > 0) caution("NOT_AVAILABLE", "hospital formulary (configuration)", unavailable);
  if (ctx.cefiderocolOutOfScope) caution("CEFIDEROCOL_OUTSIDE_NOTICE", "MHLW 事務連絡 2024-01-25 記1");
  const bracketed = [...new Set(options.flatMap((o) => o.drugs))].filter(
    (d) => ctx.susceptibility[d]?.bracketed === true,
  );
  if (bracketed.length > 0)
    caution("BRACKETED_BREAKPOINT", "EUCAST v15.0 (bracketed breakpoints)", bracketed);
  if (options.length === 0) caution("NO_OPTION", "guide ※1");
  return { phase, options, cautions };
}
