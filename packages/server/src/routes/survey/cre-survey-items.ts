import { surveyLabPrefill } from "@mamori/domain/cre";
import {
  builtInQuestionnaire,
  type CreSurveyCaseContext,
  EXT,
  evaluateResponse,
  flattenItems,
  initialResponse,
  isPrefilled,
  itemsForRole,
  type Questionnaire,
  type QuestionnaireResponse,
  setAnswers,
  withoutDisabledAnswers,
} from "@mamori/domain/questionnaire";
import type { StoredQuestionnaireResponse, SurveyDimensions } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import type { CaseRow, evaluateRow } from "../cre/evaluate-case.ts";
import {
  answersByLinkId,
  answerText,
  type QrAnswer,
  type QrItem,
  walkItems,
} from "./questionnaire-response.ts";

/** The national survey's Questionnaire (`mamori survey export cre-cefiderocol`, contracts/survey.md), loaded and validated. */
export const CRE_SURVEY: Questionnaire = builtInQuestionnaire("cre-cefiderocol")!;
export const CRE_SURVEY_URL = CRE_SURVEY.url!;
export const CRE_SURVEY_VERSION = CRE_SURVEY.version!;

/**
 * The linkIds the secretariat's figures are read from. `q1` (菌種は、カルバペネム耐性腸内細菌目細菌（CRE）である。) gates
 * the survey (参考2 回答要領②); `q20` is 別添's 「確認試験（mCIM、Carba NP 等）を実施した。」. The clinical questions are
 * provisional (the official text is not public): which of them holds the site, the carbapenemase result and the
 * consultation is named here once, so a new questionnaire version changes one table.
 */
export const CRE_SURVEY_LINKS = {
  isCre: "q1",
  infectionSite: "q2",
  carbapenemase: "q6",
  enzymes: "q7",
  consulted: "q10",
  confirmationTest: "q20",
} as const;

/** The items handed to a laboratory technologist: the role extension of q18–q21 and everything under them. */
export const LAB_SECTION_LINK_IDS: readonly string[] = itemsForRole(CRE_SURVEY, "lab_technologist");
const LAB_SET = new Set(LAB_SECTION_LINK_IDS);

/** Whether a linkId belongs to the laboratory section. */
export const isLabItem = (linkId: string) => LAB_SET.has(linkId);

const SITE_CODE: Record<string, string> = {
  bloodstream: "bloodstream",
  urinary: "urinary",
  lung: "pneumonia",
  intra_abdominal: "intra_abdominal",
  skin_soft_tissue: "skin_soft_tissue",
  other: "other",
};
const ORGANISM_CODE: [RegExp, string][] = [
  [/^klebsiella pneumoniae/i, "klebsiella_pneumoniae"],
  [/^escherichia coli/i, "escherichia_coli"],
  [/^enterobacter cloacae/i, "enterobacter_cloacae_complex"],
  [/^(klebsiella|enterobacter) aerogenes/i, "klebsiella_aerogenes"],
  [/^serratia marcescens/i, "serratia_marcescens"],
  [/^citrobacter/i, "citrobacter"],
];
const SPECIMEN_CODE = new Set(["blood", "urine", "sputum", "pus"]);
const PRODUCER = new Set(["MBL", "KPC", "OXA48", "CPE_SERINE_UNTYPED", "CPE_UNTYPED"]);
const ENZYME_CODE = new Set(["IMP", "NDM", "VIM", "KPC", "OXA48"]);

/**
 * What Mamori knows about a case as the `%case` launch context the questionnaire's `initialExpression`s read
 * (builtins.ts `CreSurveyCaseContext`): CRE status, site, 表7 severity, organism and specimen, carbapenemase result and
 * enzymes, consultation, the day cefiderocol was ordered, and 別添's laboratory flags of the isolate. What the record
 * does not settle stays null for the physician or the laboratory to answer.
 */
export function launchContextOf(
  row: CaseRow,
  evaluation: ReturnType<typeof evaluateRow>,
  consulted: boolean,
  timeZone: string,
): CreSurveyCaseContext & { verdict: string; mechanism: string } {
  const isolate = row.isolate;
  const category = evaluation.mechanism.category;
  const severity = evaluation.severity.category;
  return {
    cre: evaluation.cre.value === true ? true : evaluation.cre.value === false ? false : null,
    infectionSite: row.infection ? (SITE_CODE[row.infection.site] ?? "other") : null,
    severe: severity === "severe" ? true : severity === "non_severe" ? false : null,
    organism: ORGANISM_CODE.find(([re]) => re.test(isolate.organism))?.[1] ?? "other",
    specimen: SPECIMEN_CODE.has(isolate.specimen.type) ? isolate.specimen.type : "other",
    carbapenemase: PRODUCER.has(category) ? "producer" : category === "NON_CP" ? "non_producer" : null,
    enzymes: evaluation.mechanism.enzymes.filter((e) => ENZYME_CODE.has(e)),
    // q8 「本剤以外に、感受性があり感染部位・重症度に適した抗菌薬があった」: Mamori's treatment options are exactly the
    // drugs the isolate is susceptible to, fit for the recorded site and severity, that the hospital has (guide ※1,
    // 表6); any option without cefiderocol answers 「あった」. Unknown until the site and severity are recorded.
    activeAlternative:
      row.infection && row.severity
        ? evaluation.treatment.options.some((o) => !o.drugs.includes("cefiderocol"))
          ? "yes"
          : "no"
        : null,
    consultation: consulted ? true : null,
    cefiderocolStart: row.cefiderocolOrderedAt
      ? new Intl.DateTimeFormat("en-CA", { timeZone }).format(row.cefiderocolOrderedAt)
      : null,
    lab: surveyLabPrefill(isolate.mic, isolate.zoneMm, isolate.carbapenemase),
    verdict: evaluation.cefiderocol.verdict,
    mechanism: category,
  };
}
export type SurveyLaunchContext = ReturnType<typeof launchContextOf>;

/**
 * The first draft of a case's survey: the engine's `initialResponse` with the launch context, and the answers it
 * pre-filled (linkId → answer text) so screens can mark them while they stand unchanged.
 */
export function prefilledDraft(context: SurveyLaunchContext): {
  response: StoredQuestionnaireResponse;
  prefilled: Record<string, string>;
} {
  const response = initialResponse(CRE_SURVEY, { context: { case: context }, source: "case" });
  const prefilled: Record<string, string> = {};
  for (const item of walkItems(response.item as QrItem[] | undefined)) {
    if (isPrefilled(item as never) && item.answer)
      prefilled[item.linkId] = item.answer.map(answerText).join(" / ");
  }
  return { response: response as unknown as StoredQuestionnaireResponse, prefilled };
}

const firstCode = (answers: QrAnswer[] | undefined) =>
  answers?.[0]?.valueCoding?.code ?? answers?.[0]?.valueString ?? null;
const firstBoolean = (answers: QrAnswer[] | undefined) => {
  const a = answers?.[0];
  if (a?.valueBoolean !== undefined) return a.valueBoolean;
  const c = a?.valueCoding?.code;
  return c === "yes" ? true : c === "no" ? false : null;
};

/**
 * The figures the secretariat counts, read from the answers. The mechanism is the enzyme type when the organism is a
 * producer (several enzymes joined with +), `producer_untyped` without a type, else the carbapenemase answer. The
 * appropriateness verdict is not a question: it is Mamori's cefiderocol check at the time of submission
 * (cre-stewardship.md §6), null for paper responses.
 */
export function dimensionsOf(
  qr: Pick<StoredQuestionnaireResponse, "item">,
  verdict: string | null,
): SurveyDimensions {
  const answers = answersByLinkId(qr);
  const l = CRE_SURVEY_LINKS;
  const isCre = firstBoolean(answers.get(l.isCre));
  if (isCre !== true) {
    return {
      isCre,
      mechanism: null,
      infectionSite: null,
      verdict,
      carbapenemaseTested: null,
      consulted: null,
    };
  }
  const producer = firstCode(answers.get(l.carbapenemase));
  const enzymes = (answers.get(l.enzymes) ?? [])
    .map((a) => a.valueCoding?.code)
    .filter((c): c is string => c !== undefined && c !== "unknown")
    .sort();
  const mechanism =
    producer === "producer" ? (enzymes.length > 0 ? enzymes.join("+") : "producer_untyped") : producer;
  return {
    isCre,
    mechanism,
    infectionSite: firstCode(answers.get(l.infectionSite)),
    verdict,
    carbapenemaseTested: firstCode(answers.get(l.confirmationTest)),
    consulted: firstBoolean(answers.get(l.consulted)),
  };
}

/**
 * The engine's verdict on a response about to be submitted: required items unanswered and answers that break the
 * definition (type, option, constraint with its message), as field errors naming the linkId; and the response as it is
 * kept — answers of disabled items removed (FHIR R4: they "SHALL NOT" be retained; a "no" to 設問1 ends the survey).
 */
export function checkForSubmission(qr: StoredQuestionnaireResponse) {
  const response = qr as unknown as QuestionnaireResponse;
  const evaluation = evaluateResponse(CRE_SURVEY, response);
  const problems = [
    ...evaluation.missingRequired.map((linkId) => ({
      path: `response.${linkId}`,
      message: "required",
      code: "required" as const,
      params: { linkId },
    })),
    ...evaluation.invalid.map((i) => ({
      path: `response.${i.linkId}`,
      message: i.message,
      code: i.code,
      params: { linkId: i.linkId },
    })),
  ];
  const kept = withoutDisabledAnswers(CRE_SURVEY, response) as unknown as StoredQuestionnaireResponse;
  return { problems, kept };
}

/**
 * A copy of `base` with the given answers set through the engine (`setAnswers`), so items sit where the definition
 * places them. A linkId the questionnaire does not have is a 400 naming it.
 */
export function responseWith(
  base: StoredQuestionnaireResponse,
  answers: ReadonlyMap<string, QrAnswer[]>,
): StoredQuestionnaireResponse {
  const known = new Set(flattenItems(CRE_SURVEY).map((e) => e.item.linkId));
  const unknown = [...answers.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((linkId) => ({
        path: `response.${linkId}`,
        message: "not an item of this questionnaire",
        code: "unknown_item",
      })),
    );
  }
  let out = base as unknown as QuestionnaireResponse;
  for (const [linkId, list] of answers) out = setAnswers(CRE_SURVEY, out, linkId, list as never);
  return out as unknown as StoredQuestionnaireResponse;
}

/**
 * The response as the screens get it: the answers still standing as Mamori filled them carry the `prefilled`
 * extension again (the store keeps plain answers), so the renderer marks them.
 */
export function withPrefilledMarks(
  qr: StoredQuestionnaireResponse,
  linkIds: readonly string[],
): StoredQuestionnaireResponse {
  const marked = new Set(linkIds);
  const mark = (items: QrItem[] | undefined): QrItem[] | undefined =>
    items?.map((item) => ({
      ...item,
      ...(item.item ? { item: mark(item.item) } : {}),
      ...(marked.has(item.linkId) ? { extension: [{ url: EXT.prefilled, valueString: "case" }] } : {}),
    }));
  return { ...qr, item: mark(qr.item as QrItem[] | undefined) ?? [] };
}
