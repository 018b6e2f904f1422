import type { CreEvaluation } from "@mamori/contract/cre";
import {
  type CreAdvice,
  type CreCase,
  type CreDrugKey,
  type CreEvaluation as CreRulesEvaluation,
  comparisonText,
  creDrugName,
  creText,
  evaluateCre,
  type Lang,
  notificationDueDate,
  organismPickerList,
  renderAdvice,
  SEVERITY_TABLE_7,
  type Tri,
} from "@mamori/domain/cre";
import type { creCases } from "../../db/schema/index.ts";

export type CaseRow = typeof creCases.$inferSelect;

/** The infection entered until the physician records one: only the laboratory half of the evaluation is shown then. */
const NO_INFECTION_YET = { site: "other", urinaryType: null, causative: null } as const;

const PICKER_JA = new Map(organismPickerList().map((e) => [e.name, e.ja]));

/**
 * The case file the CRE rules read, built from the stored raw values. `consulted` is whether an AST member or
 * infectious-disease physician consultation is on record (MHLW 事務連絡 2024-01-25 記2).
 */
export function caseFileOf(row: CaseRow, consulted: boolean): CreCase {
  const severity = row.severity
    ? {
        hemodynamicallyStable: row.severity.hemodynamicallyStable,
        noImmunodeficiencyOrStable: row.severity.noImmunodeficiencyOrStable,
        sourceControlled: row.severity.sourceControlled,
        stabilisedAfterTreatment: row.severity.stabilisedAfterTreatment,
      }
    : undefined;
  return {
    isolate: row.isolate,
    infection: row.infection ?? { ...NO_INFECTION_YET },
    ...(severity ? { severity } : {}),
    cefiderocolOrdered: row.cefiderocolOrdered,
    consultation: { idPhysicianOrAst: consulted },
  };
}

/** Runs the CRE rules of `@mamori/domain/cre` on a stored case with the hospital's drug availability. */
export function evaluateRow(
  row: CaseRow,
  consulted: boolean,
  availability: readonly CreDrugKey[],
): CreRulesEvaluation {
  return evaluateCre(caseFileOf(row, consulted), { availability });
}

/**
 * The notification deadline: 7 days from the physician's diagnosis (感染症法 第12条), or — until the diagnosis date is
 * entered — from the day the laboratory reported the isolate, marked as such. Null when the case is not notifiable.
 */
export function notificationDue(
  evaluation: CreRulesEvaluation,
  row: Pick<CaseRow, "diagnosedOn" | "notifiedOn">,
  reportedOn: string,
  today: string,
): { dueDate: string | null; dueDateBasis: "diagnosis" | "report" | null; overdue: boolean } {
  if (evaluation.notification.notifiable === false) {
    return { dueDate: null, dueDateBasis: null, overdue: false };
  }
  const basis = row.diagnosedOn ? "diagnosis" : "report";
  const dueDate = notificationDueDate(row.diagnosedOn ?? reportedOn, evaluation.notification.deadlineDays);
  return { dueDate, dueDateBasis: basis, overdue: row.notifiedOn === null && dueDate < today };
}

/**
 * The evaluation of a case for the screens, in the user's language: every code with its display text and source, so
 * a page never shows a raw code. `clinical` is null until the physician has recorded the infection; `advice` is then
 * the document of `mamori cre advise` (contracts/cre-advise.md).
 */
export function presentEvaluation(
  evaluation: CreRulesEvaluation,
  row: CaseRow,
  reportedOn: string,
  today: string,
  lang: Lang,
): CreEvaluation {
  const { organism, cre, notification, cpeScreen, mechanism, severity, treatment, cefiderocol } = evaluation;
  const isolate = row.isolate;
  const drug = (key: CreDrugKey) => ({ key, name: creDrugName(key, lang) });
  const susceptibility = Object.values(evaluation.susceptibility)
    .filter((s) => s !== undefined && s.category !== "not_tested")
    .map((s) => ({
      ...drug(s.drug),
      method: s.method,
      value: s.value,
      category: s.category,
      categoryText: creText("sir", s.category, lang),
      breakpoint: s.breakpoint,
      bracketed: s.bracketed,
      note: s.note,
    }));
  const rendered = renderAdvice(evaluation, lang);
  const advice: CreAdvice | null = row.infection ? rendered : null;
  const domainTitle = (code: string) => SEVERITY_TABLE_7.find((d) => d.domain === code)?.title[lang] ?? code;
  return {
    lang,
    organism: {
      input: isolate.organism,
      name: organism.known ? organism.name : null,
      ja: organism.known ? (PICKER_JA.get(organism.name) ?? null) : null,
      enterobacterales: organism.known && organism.enterobacterales,
    },
    standard: `${isolate.standard.body} ${isolate.standard.edition}`,
    susceptibility,
    cre: {
      value: cre.value as Tri,
      criterion: cre.criterion,
      criterionText: cre.criterion ? creText("criterion", cre.criterion, lang) : null,
      evidence: rendered.cre.evidence,
      checks: cre.checks.map((c) => ({
        drug: c.drug,
        method: c.method,
        result: c.result,
        text: comparisonText(c.drug, c, lang),
      })),
      missing: cre.missing.map(drug),
      criteriaId: cre.criteriaId,
    },
    notification: {
      notifiable: notification.notifiable,
      reason: notification.reason,
      reasonText: creText("notificationReason", notification.reason, lang),
      deadlineDays: notification.deadlineDays,
      ...notificationDue(evaluation, row, reportedOn, today),
      diagnosedOn: row.diagnosedOn,
      notifiedOn: row.notifiedOn,
      source: notification.source,
    },
    cpeScreen: {
      positive: cpeScreen.positive,
      reason: rendered.cpeScreen.reason,
    },
    mechanism: {
      category: mechanism.category,
      text: creText("mechanism", mechanism.category, lang),
      enzymes: mechanism.enzymes.map((e) => ({ code: e, text: creText("enzyme", e, lang) })),
      nextTests: mechanism.nextTests.map((t) => ({ code: t, text: creText("test", t, lang) })),
      notes: mechanism.notes.map((n) => ({ code: n, text: creText("mechanismNote", n, lang) })),
      mcim: mechanism.mcim,
      ecim: mechanism.ecim,
      carbaNP: mechanism.carbaNP,
      source: mechanism.source,
    },
    clinical: row.infection
      ? {
          site: { code: row.infection.site, text: creText("site", row.infection.site, lang) },
          urinaryType: row.infection.urinaryType
            ? {
                code: row.infection.urinaryType,
                text: creText("urinaryType", row.infection.urinaryType, lang),
              }
            : null,
          causative: row.infection.causative,
          severity: {
            category: severity.category,
            text: creText("severity", severity.category, lang),
            failedDomains: severity.failedDomains.map((d) => ({ code: d, text: domainTitle(d) })),
            stabilised: severity.stabilised,
            source: severity.source,
          },
          phase: treatment.phase,
          options: treatment.options.map((o, i) => ({
            drugs: o.drugs.map(drug),
            role: o.role,
            roleText: creText("role", o.role, lang),
            preferred: o.preferred,
            dose: advice?.options[i]?.dose ?? "",
            rationale: creText("option", o.code, lang),
            source: o.source,
            marks: o.marks
              ? o.marks.map((mark, j) => ({
                  drug: o.drugs[j] ?? null,
                  mark,
                  text: creText("organMark", mark, lang),
                }))
              : null,
          })),
          cautions: advice?.cautions ?? [],
          cefiderocol: {
            ordered: row.cefiderocolOrdered,
            verdict: cefiderocol.verdict,
            verdictText: creText("verdict", cefiderocol.verdict, lang),
            reasons: cefiderocol.reasons.map((r) => ({
              code: r.code,
              text: creText("cefiderocolReason", r.code, lang),
              source: r.source,
            })),
          },
          survey: evaluation.survey,
        }
      : null,
    advice,
  };
}
