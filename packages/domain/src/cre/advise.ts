import { findBreakpointTable } from "./breakpoints/tables.ts";
import { classifyMechanism, type MechanismAssessment } from "./carbapenemase.ts";
import { type CefiderocolReasonCode, checkCefiderocol } from "./cefiderocol.ts";
import type {
  CarbapenemaseEnzyme,
  CarbapenemaseTest,
  CefiderocolVerdict,
  CreCriterion,
  MechanismCategory,
  OptionRole,
  SeverityCategory,
  SeverityDomain,
} from "./codes.ts";
import { type CreClassification, classifyCre } from "./cre-criteria.ts";
import { CRE_DRUG_KEYS, type CreDrugKey, defaultCreAvailability } from "./drugs.ts";
import { creEvidenceText, screenReasonText } from "./evidence-text.ts";
import { creDrugName, creText, doseText, type Lang } from "./messages.ts";
import { type MicInterval, parseMic } from "./mic.ts";
import { assessNotification, type NotificationAssessment } from "./notification.ts";
import { notificationCriteria } from "./notification-criteria.ts";
import type { OrganTable } from "./organ-table.ts";
import { type ResolvedOrganism, resolveOrganism } from "./organisms.ts";
import { type CreCase, type CreCaseInput, creCaseSchema } from "./schema.ts";
import { type CpeScreen, screenCpe } from "./screening.ts";
import { assessSeverity, type SeverityAssessment } from "./severity.ts";
import { surveyRequired } from "./survey.ts";
import { interpretSusceptibility, isActive, type SusceptibilityResult } from "./susceptibility.ts";
import { adviseTreatment } from "./treatment.ts";
import type { Caution, TreatmentAdvice } from "./treatment-types.ts";
import type { Tri } from "./tri.ts";

export type AdviseOptions = {
  /** Drugs the hospital has (default: every treatment drug of the guide marketed in Japan). */
  availability?: readonly CreDrugKey[];
  /** Notification criteria version (default "mhlw-2014", the one in force). */
  notificationCriteriaId?: string;
  organTable?: OrganTable;
  /** Language of the texts in the output (default English, as the command contract). */
  lang?: Lang;
};

/** Everything the rules found, with codes and evidence: for screens and reports. */
export type CreEvaluation = {
  caseFile: CreCase;
  organism: ResolvedOrganism;
  susceptibility: Partial<Record<CreDrugKey, SusceptibilityResult>>;
  cre: CreClassification;
  notification: NotificationAssessment;
  cpeScreen: CpeScreen;
  mechanism: MechanismAssessment;
  severity: SeverityAssessment;
  treatment: TreatmentAdvice;
  cefiderocol: ReturnType<typeof checkCefiderocol>;
  survey: { required: boolean };
};

/** The output of `mamori cre advise` (contracts/cre-advise.md). */
export type CreAdvice = {
  enterobacterales: boolean;
  cre: { value: Tri; criterion: CreCriterion | null; evidence: string };
  notification: { notifiable: Tri; deadlineDays: number; reason: string };
  cpeScreen: { positive: Tri; reason: string };
  mechanism: { category: MechanismCategory; enzymes: CarbapenemaseEnzyme[]; nextTests: CarbapenemaseTest[] };
  severity: { category: SeverityCategory; failedDomains: SeverityDomain[] };
  options: Array<{
    drugs: CreDrugKey[];
    role: OptionRole;
    preferred: boolean;
    dose: string;
    rationale: string;
    source: string;
  }>;
  cautions: Array<{ code: string; text: string; source: string }>;
  cefiderocol: {
    verdict: CefiderocolVerdict;
    reasons: Array<{ code: CefiderocolReasonCode; source: string }>;
  };
  survey: { required: boolean };
};

const CPE_CATEGORIES: readonly MechanismCategory[] = [
  "MBL",
  "KPC",
  "OXA48",
  "CPE_SERINE_UNTYPED",
  "CPE_UNTYPED",
];

/**
 * Runs every CRE rule on a validated case: organism, S/I/R per the case's standard and edition, notification criteria
 * and deadline, CPE screen, carbapenemase mechanism and next test, severity (表7), treatment options and cautions, the
 * cefiderocol check and the survey. Returns codes and evidence; {@link adviseCre} renders it as the command output.
 *
 * Source: cre-stewardship.md §2–§6 and the guide passages each part cites.
 * @example evaluateCre(creCaseSchema.parse(caseJson)).mechanism.category // "MBL"
 */
export function evaluateCre(caseFile: CreCase, options: AdviseOptions = {}): CreEvaluation {
  const isolate = caseFile.isolate;
  const organism = resolveOrganism(isolate.organism);
  if (!organism.known) throw new Error(`unknown organism "${isolate.organism}"`);
  const table = findBreakpointTable(isolate.standard.body, isolate.standard.edition);
  if (!table) throw new Error(`no breakpoint table ${isolate.standard.body} ${isolate.standard.edition}`);
  const criteria = notificationCriteria(options.notificationCriteriaId);

  const mic: Partial<Record<CreDrugKey, MicInterval>> = {};
  for (const [drug, raw] of Object.entries(isolate.mic) as Array<[CreDrugKey, string | undefined]>) {
    if (raw !== undefined) mic[drug] = parseMic(raw);
  }
  const zoneMm = isolate.zoneMm as Partial<Record<CreDrugKey, number>>;
  const susceptibility: Partial<Record<CreDrugKey, SusceptibilityResult>> = {};
  for (const drug of CRE_DRUG_KEYS) {
    susceptibility[drug] = interpretSusceptibility(
      table,
      drug,
      mic[drug],
      zoneMm[drug],
      organism,
      caseFile.infection.site,
    );
  }

  const cre = classifyCre({ mic, zoneMm }, organism.enterobacterales, criteria);
  const notification = assessNotification(
    cre,
    { sterileSite: isolate.specimen.sterileSite, causative: caseFile.infection.causative },
    criteria,
  );
  const cpeScreen = screenCpe(mic.meropenem, zoneMm.meropenem, table.body);
  const workUp: Tri =
    cre.value === true || cpeScreen.positive === true
      ? true
      : cre.value === false
        ? cpeScreen.positive
        : "indeterminate";
  const mechanism = classifyMechanism(isolate.carbapenemase, organism.enterobacterales, workUp);
  const severity = assessSeverity(
    caseFile.infection.site,
    caseFile.severity,
    caseFile.severity?.stabilisedAfterTreatment ?? false,
  );

  const isCpe = CPE_CATEGORIES.includes(mechanism.category);
  const applicable = organism.enterobacterales && (cre.value !== false || isCpe);
  const availability = options.availability ?? defaultCreAvailability();
  let treatment: TreatmentAdvice;
  if (applicable) {
    treatment = adviseTreatment({
      category: mechanism.category,
      susceptibility,
      meropenemMic: mic.meropenem,
      site: caseFile.infection.site,
      urinaryType: caseFile.infection.urinaryType,
      severity,
      availability,
      mechanismPending: mechanism.nextTests.length > 0,
      // A CPE that is not CRE by the criteria is outside the cefiderocol notice (記1): not offered, said so.
      cefiderocolOutOfScope: cre.value === false,
      ...(options.organTable ? { organTable: options.organTable } : {}),
    });
  } else {
    treatment = { phase: "low_acuity", options: [], cautions: [] };
  }
  const extra: Caution[] = [];
  if (!organism.enterobacterales) {
    extra.push({ code: "NOT_ENTEROBACTERALES", drugs: [], source: "cre-reference.md §1.2" });
  } else if (!applicable) {
    extra.push({ code: "NOT_CRE", drugs: [], source: "cre-reference.md §1.2; guide 図1" });
  } else if (cre.value === "indeterminate") {
    extra.push({ code: "CRE_UNDECIDED", drugs: [], source: "cre-stewardship.md §2" });
  }
  const meropenemResult = susceptibility.meropenem;
  if (applicable && isCpe && meropenemResult?.category === "S") {
    extra.push({ code: "STEALTH_CPE", drugs: ["meropenem"], source: "guide 微生物学的診断" });
  }
  if (
    caseFile.cefiderocolOrdered &&
    !treatment.cautions.some((c) => c.code === "CONSULT_BEFORE_CEFIDEROCOL")
  ) {
    extra.push({
      code: "CONSULT_BEFORE_CEFIDEROCOL",
      drugs: [],
      source: "MHLW 事務連絡 2024-01-25 記2",
    });
  }
  treatment = { ...treatment, cautions: [...extra, ...treatment.cautions] };

  const cefiderocolResult = susceptibility.cefiderocol;
  const cefiderocol = checkCefiderocol({
    ordered: caseFile.cefiderocolOrdered,
    enterobacterales: organism.enterobacterales,
    cre: cre.value,
    category: mechanism.category,
    phase: treatment.phase,
    site: caseFile.infection.site,
    cefiderocolActive: cefiderocolResult ? isActive(cefiderocolResult) : false,
    advice: treatment,
    consulted: caseFile.consultation?.idPhysicianOrAst,
  });
  return {
    caseFile,
    organism,
    susceptibility,
    cre,
    notification,
    cpeScreen,
    mechanism,
    severity,
    treatment,
    cefiderocol,
    survey: { required: surveyRequired(cre.value, caseFile.cefiderocolOrdered) },
  };
}

/**
 * Renders an evaluation as the JSON of `mamori cre advise`, texts in the requested language.
 *
 * Source: contracts/cre-advise.md. @example renderAdvice(evaluateCre(c), "en").cre.criterion // "meropenem_mic_ge_2"
 */
export function renderAdvice(evaluation: CreEvaluation, lang: Lang = "en"): CreAdvice {
  const { cre, notification, cpeScreen, mechanism, severity, treatment, cefiderocol } = evaluation;
  const drugList = (drugs: CreDrugKey[]) => drugs.map((d) => creDrugName(d, lang)).join(", ");
  return {
    enterobacterales: evaluation.organism.enterobacterales,
    cre: { value: cre.value, criterion: cre.criterion, evidence: creEvidenceText(cre, lang) },
    notification: {
      notifiable: notification.notifiable,
      deadlineDays: notification.deadlineDays,
      reason: creText("notificationReason", notification.reason, lang),
    },
    cpeScreen: { positive: cpeScreen.positive, reason: screenReasonText(cpeScreen, lang) },
    mechanism: { category: mechanism.category, enzymes: mechanism.enzymes, nextTests: mechanism.nextTests },
    severity: { category: severity.category, failedDomains: severity.failedDomains },
    options: treatment.options.map((o) => ({
      drugs: o.drugs,
      role: o.role,
      preferred: o.preferred,
      dose: doseText(o.doses, lang),
      rationale: creText("option", o.code, lang),
      source: o.source,
    })),
    cautions: treatment.cautions.map((c) => ({
      code: c.code,
      text:
        c.drugs.length > 0
          ? `${creText("caution", c.code, lang)} (${drugList(c.drugs)})`
          : creText("caution", c.code, lang),
      source: c.source,
    })),
    cefiderocol: { verdict: cefiderocol.verdict, reasons: cefiderocol.reasons },
    survey: evaluation.survey,
  };
}

/**
 * CRE advice for one case file — exactly the output of `mamori cre advise` (contracts/cre-advise.md): CRE status with
 * its criterion and evidence, notification, CPE screen, mechanism and next tests, severity, treatment options (drugs,
 * role, preferred, 表6 dose, rationale, source), cautions, the cefiderocol verdict with reasons, and whether the
 * national survey is required.
 *
 * The case is validated with {@link creCaseSchema} first (a ZodError names the first bad field).
 *
 * Source: cre-stewardship.md; guide pp.15–20; MHLW 事務連絡 2024-01-25.
 * @example adviseCre(caseJson, { availability: ["levofloxacin", "cefiderocol"] }).cefiderocol.verdict // "appropriate"
 */
export function adviseCre(caseFile: CreCaseInput, options: AdviseOptions = {}): CreAdvice {
  const parsed = creCaseSchema.parse(caseFile);
  return renderAdvice(evaluateCre(parsed, options), options.lang ?? "en");
}
