import type { CreCaseDetail } from "@mamori/contract/cre";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { availabilityOf, consultationsOf, findCase, presentCaseRecord, reportedOnOf } from "./case-store.ts";
import { evaluateRow, presentEvaluation } from "./evaluate-case.ts";

/** The whole case of a hospital with its evaluation, in the language asked for (404 for another hospital's case). */
export async function caseDetail(
  db: Executor,
  actor: { hospitalId: string; timeZone: string },
  id: string,
  lang: "ja" | "en",
  now: Date,
): Promise<CreCaseDetail> {
  const row = assertFound(await findCase(db, actor.hospitalId, id), "CRE case");
  const consultations = await consultationsOf(db, actor.hospitalId, [row.id]);
  const { drugs } = await availabilityOf(db, actor.hospitalId);
  const evaluation = evaluateRow(row, consultations.length > 0, drugs);
  const reportedOn = reportedOnOf(row, actor.timeZone);
  return {
    case: presentCaseRecord(row, consultations, actor.timeZone),
    evaluation: presentEvaluation(evaluation, row, reportedOn, dayInZone(now, actor.timeZone), lang),
    timeZone: actor.timeZone,
  };
}
export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;
