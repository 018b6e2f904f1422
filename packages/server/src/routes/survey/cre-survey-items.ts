import { surveyLabPrefill } from "@mamori/domain/cre";
import type { StoredQuestionnaireResponse, SurveyDimensions } from "../../db/schema/index.ts";
import type { CaseRow, evaluateRow } from "../cre/evaluate-case.ts";
import { answersByLinkId, type QrAnswer } from "./questionnaire-response.ts";

/** The national survey's Questionnaire (`mamori survey export cre-cefiderocol`, contracts/survey.md). */
export const CRE_SURVEY_URL = "https://mamori.example/fhir/Questionnaire/cre-cefiderocol";
export const CRE_SURVEY_VERSION = "2024.1";

/**
 * The linkIds Mamori reads and fills. `q1` (菌種は、カルバペネム耐性腸内細菌目細菌（CRE）である。) gates the survey (参考2
 * 回答要領②); `q18`–`q21` are the laboratory items of 別添 「臨床検査技師による確認を推奨する設問（抄）」 in its order:
 * MIC reported for meropenem, imipenem, cefmetazole (q18.1–3); results reported for ST, fluoroquinolones, aminoglycosides
 * (q19.1–3); carbapenemase confirmation test (q20) and enzyme-typing test (q21), each はい・いいえ・検査体制がない.
 * The clinical questions q2–q17 are provisional (the official text is not public): which of them holds the site, the
 * mechanism and the consultation is named here once, so a new questionnaire version changes one table.
 */
export const CRE_SURVEY_LINKS = {
  isCre: "q1",
  organism: "q2",
  specimen: "q3",
  infectionSite: "q4",
  mechanism: "q6",
  consulted: "q8",
  verdict: null,
  meropenemMic: "q18.1",
  imipenemMic: "q18.2",
  cefmetazoleMic: "q18.3",
  stResult: "q19.1",
  fluoroquinoloneResult: "q19.2",
  aminoglycosideResult: "q19.3",
  confirmationTest: "q20",
  enzymeTyping: "q21",
} as const;

/** The laboratory section handed to a technologist (the role extension of q18–q21). */
export const LAB_SECTION_LINK_IDS = ["q18", "q19", "q20", "q21"] as const;

/** Whether a linkId belongs to the laboratory section (the item itself or one of its parts). */
export const isLabItem = (linkId: string) =>
  LAB_SECTION_LINK_IDS.some((id) => linkId === id || linkId.startsWith(`${id}.`));

const yesNo = (value: boolean): QrAnswer[] => [{ valueBoolean: value }];
const code = (value: string, display?: string): QrAnswer[] => [
  { valueCoding: display ? { code: value, display } : { code: value } },
];

/**
 * What Mamori knows about a case, as the launch context the questionnaire's `initialExpression`s read
 * (`%case.organism`, `%case.labFlags.meropenemMicReported` …), and the answers it pre-fills from it.
 */
export function launchContextOf(
  row: CaseRow,
  evaluation: ReturnType<typeof evaluateRow>,
  consulted: boolean,
) {
  const isolate = row.isolate;
  const labFlags = surveyLabPrefill(isolate.mic, isolate.zoneMm, isolate.carbapenemase);
  return {
    organism: isolate.organism,
    specimen: { type: isolate.specimen.type, sterileSite: isolate.specimen.sterileSite },
    isCre: evaluation.cre.value === true ? true : evaluation.cre.value === false ? false : null,
    infectionSite: row.infection?.site ?? null,
    mechanism: evaluation.mechanism.category,
    carbapenemaseTests: {
      mCIM: isolate.carbapenemase.mCIM !== undefined,
      eCIM: isolate.carbapenemase.eCIM !== undefined,
      carbaNP: isolate.carbapenemase.carbaNP !== undefined,
      immunochromatography: isolate.carbapenemase.immunochromatography !== undefined,
      pcr: isolate.carbapenemase.pcr !== undefined,
    },
    labFlags,
    consulted,
    verdict: evaluation.cefiderocol.verdict,
  };
}
export type SurveyLaunchContext = ReturnType<typeof launchContextOf>;

/**
 * The answers pre-filled from the launch context. Only what the record settles is filled: "no" and "no testing
 * capacity" for the carbapenemase tests cannot be told from an isolate and are left to the laboratory (別添).
 */
export function prefillAnswers(context: SurveyLaunchContext): Map<string, QrAnswer[]> {
  const l = CRE_SURVEY_LINKS;
  const out = new Map<string, QrAnswer[]>();
  if (context.isCre !== null) out.set(l.isCre, yesNo(context.isCre));
  out.set(l.organism, code(context.organism));
  out.set(l.specimen, code(context.specimen.type));
  if (context.infectionSite && context.infectionSite !== "other")
    out.set(l.infectionSite, code(context.infectionSite));
  if (context.mechanism !== "NOT_TESTED" && context.mechanism !== "UNRESOLVED")
    out.set(l.mechanism, code(context.mechanism));
  if (context.consulted) out.set(l.consulted, yesNo(true));
  const f = context.labFlags;
  out.set(l.meropenemMic, yesNo(f.meropenemMicReported));
  out.set(l.imipenemMic, yesNo(f.imipenemMicReported));
  out.set(l.cefmetazoleMic, yesNo(f.cefmetazoleMicReported));
  out.set(l.stResult, yesNo(f.stReported));
  out.set(l.fluoroquinoloneResult, yesNo(f.fluoroquinoloneReported));
  out.set(l.aminoglycosideResult, yesNo(f.aminoglycosideReported));
  if (f.confirmationTestDone) out.set(l.confirmationTest, code("yes", "はい"));
  if (f.enzymeTypingDone) out.set(l.enzymeTyping, code("yes", "はい"));
  return out;
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
 * The figures the secretariat counts, read from the answers. The appropriateness verdict is not a question: it is
 * Mamori's cefiderocol check at the time of submission (cre-stewardship.md §6), null for paper responses.
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
  return {
    isCre,
    mechanism: firstCode(answers.get(l.mechanism)),
    infectionSite: firstCode(answers.get(l.infectionSite)),
    verdict,
    carbapenemaseTested: firstCode(answers.get(l.confirmationTest)),
    consulted: firstBoolean(answers.get(l.consulted)),
  };
}

/**
 * What still blocks a submission, by linkId: q1 must be answered (参考2 ②); when the organism is CRE, the laboratory
 * items q18–q21 are answered too (the four questions 別添 asks a technologist to confirm). When q1 is "no" the survey
 * ends there and everything else is ignored.
 */
export function missingForSubmission(qr: Pick<StoredQuestionnaireResponse, "item">): string[] {
  const answers = answersByLinkId(qr);
  const l = CRE_SURVEY_LINKS;
  if (firstBoolean(answers.get(l.isCre)) === null) return [l.isCre];
  if (firstBoolean(answers.get(l.isCre)) === false) return [];
  const lab = [
    l.meropenemMic,
    l.imipenemMic,
    l.cefmetazoleMic,
    l.stResult,
    l.fluoroquinoloneResult,
    l.aminoglycosideResult,
    l.confirmationTest,
    l.enzymeTyping,
  ];
  return lab.filter((id) => !answers.has(id));
}
