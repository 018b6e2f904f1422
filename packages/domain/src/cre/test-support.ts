import { CLSI_M100_ED35 } from "./breakpoints/clsi-m100-ed35.ts";
import type { InfectionSite, MechanismCategory, UrinaryType } from "./codes.ts";
import { CRE_DRUG_KEYS, type CreDrugKey } from "./drugs.ts";
import { parseMic } from "./mic.ts";
import { resolveOrganism } from "./organisms.ts";
import type { CreCaseInput } from "./schema.ts";
import { assessSeverity } from "./severity.ts";
import { interpretSusceptibility, type SusceptibilityResult } from "./susceptibility.ts";
import type { TreatmentContext } from "./treatment.ts";

/** Test support: a treatment context from MIC strings read with CLSI M100 Ed35 for E. coli (every row of the table applies to it, fosfomycin included). */
export function treatmentContext(opts: {
  category: MechanismCategory;
  site: InfectionSite;
  urinaryType?: UrinaryType | null;
  phase: "low_acuity" | "acute_severe" | "step_down";
  mic: Partial<Record<CreDrugKey, string>>;
  availability?: CreDrugKey[];
}): TreatmentContext {
  const organism = resolveOrganism("Escherichia coli");
  if (!organism.known) throw new Error("organism");
  const susceptibility: Partial<Record<CreDrugKey, SusceptibilityResult>> = {};
  for (const drug of CRE_DRUG_KEYS) {
    const raw = opts.mic[drug];
    susceptibility[drug] = interpretSusceptibility(
      CLSI_M100_ED35,
      drug,
      raw ? parseMic(raw) : undefined,
      undefined,
      organism,
    );
  }
  const domains =
    opts.phase === "low_acuity"
      ? { hemodynamicallyStable: true, noImmunodeficiencyOrStable: true, sourceControlled: true }
      : { hemodynamicallyStable: false, noImmunodeficiencyOrStable: true, sourceControlled: true };
  return {
    category: opts.category,
    susceptibility,
    meropenemMic: opts.mic.meropenem ? parseMic(opts.mic.meropenem) : undefined,
    site: opts.site,
    urinaryType: opts.urinaryType ?? (opts.site === "urinary" ? "upper_uti" : null),
    severity: assessSeverity(opts.site, domains, opts.phase === "step_down"),
    availability: opts.availability ?? [...CRE_DRUG_KEYS],
    mechanismPending: false,
  };
}

/** An MIC that CLSI M100 Ed35 reads as S for each drug (at or below the S breakpoint). */
export const SUSCEPTIBLE_MIC: Partial<Record<CreDrugKey, string>> = {
  levofloxacin: "≤0.12",
  ciprofloxacin: "≤0.06",
  trimethoprim_sulfamethoxazole: "≤0.5",
  amikacin: "≤4",
  gentamicin: "≤1",
  tobramycin: "≤1",
  colistin: "≤0.5",
  tigecycline: "1",
  fosfomycin: "≤16",
  meropenem: "≤0.25",
  imipenem: "≤0.25",
  ceftazidime_avibactam: "2",
  imipenem_relebactam: "0.5",
  cefiderocol: "1",
  aztreonam: "≤1",
};

/**
 * Test support: the example case of contracts/cre-advise.md — IMP-producing K. pneumoniae from blood (MEPM 4 mg/L,
 * mCIM 6 mm with eCIM 17 mm, IMP by NG-Test CARBA 5), a haemodynamically unstable bloodstream infection, cefiderocol
 * ordered, the ID physician consulted. The one copy the domain, CLI and API tests share.
 */
export const CRE_CONTRACT_CASE: CreCaseInput = {
  isolate: {
    organism: "Klebsiella pneumoniae",
    specimen: { type: "blood", sterileSite: true },
    mic: {
      meropenem: "4",
      imipenem: "2",
      cefmetazole: ">32",
      levofloxacin: "≤0.12",
      trimethoprim_sulfamethoxazole: "≤0.5",
      amikacin: "≤4",
      colistin: "≤0.5",
      tigecycline: "1",
      cefiderocol: "1",
      imipenem_relebactam: "≥16",
      ceftazidime_avibactam: ">16",
      aztreonam: ">16",
    },
    zoneMm: {},
    standard: { body: "CLSI", edition: "M100-Ed35" },
    carbapenemase: {
      mCIM: { zoneMm: 6, pinpointColonies: false },
      eCIM: { zoneMm: 17 },
      immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] },
    },
  },
  infection: { site: "bloodstream", urinaryType: null, causative: true },
  severity: {
    hemodynamicallyStable: false,
    noImmunodeficiencyOrStable: true,
    sourceControlled: true,
    stabilisedAfterTreatment: false,
  },
  cefiderocolOrdered: true,
  consultation: { idPhysicianOrAst: true },
};
