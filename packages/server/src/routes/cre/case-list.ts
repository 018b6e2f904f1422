import type { CreCaseState } from "@mamori/contract/cre";
import { creText, type Lang } from "@mamori/domain/cre";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { creCases } from "../../db/schema/index.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { availabilityOf, consultationsOf, orderStatus, reportedOnOf } from "./case-store.ts";
import { evaluateRow, notificationDue } from "./evaluate-case.ts";

/**
 * The hospital's CRE cases, newest report first, each with its state as the CRE rules derive it now: work-up pending
 * and the next test, notifiable and by which day, survey due, awaiting the physician, and the cefiderocol order with
 * its verdict and the AST's decision.
 */
export async function listCases(
  db: Executor,
  hospital: { hospitalId: string; timeZone: string },
  now: Date,
  lang: Lang,
): Promise<CreCaseState[]> {
  const rows = await db
    .select()
    .from(creCases)
    .where(eq(creCases.hospitalId, hospital.hospitalId))
    .orderBy(desc(creCases.createdAt), desc(creCases.id));
  const consultations = await consultationsOf(
    db,
    hospital.hospitalId,
    rows.map((r) => r.id),
  );
  const { drugs } = await availabilityOf(db, hospital.hospitalId);
  const today = dayInZone(now, hospital.timeZone);
  return rows.map((row) => {
    const own = consultations.filter((c) => c.caseId === row.id);
    const evaluation = evaluateRow(row, own.length > 0, drugs);
    const reportedOn = reportedOnOf(row, hospital.timeZone);
    const { mechanism, notification, organism } = evaluation;
    const order = orderStatus(row, own);
    return {
      id: row.id,
      patientLabel: row.patientLabel,
      organism: row.isolate.organism,
      organismName: organism.known ? organism.name : null,
      enterobacterales: organism.known && organism.enterobacterales,
      specimen: row.isolate.specimen,
      collectedAt: row.isolate.collectedAt ?? null,
      reportedOn,
      cre: evaluation.cre.value,
      mechanism: { code: mechanism.category, text: creText("mechanism", mechanism.category, lang) },
      workUp: {
        pending: mechanism.nextTests.length > 0,
        nextTests: mechanism.nextTests.map((t) => ({ code: t, text: creText("test", t, lang) })),
      },
      notification: {
        notifiable: notification.notifiable,
        reasonText: creText("notificationReason", notification.reason, lang),
        ...notificationDue(evaluation, row, reportedOn, today),
        diagnosedOn: row.diagnosedOn,
        notifiedOn: row.notifiedOn,
      },
      awaitingPhysician: row.infection === null,
      survey: evaluation.survey,
      cefiderocol: {
        ordered: row.cefiderocolOrdered,
        verdict: row.infection && row.cefiderocolOrdered ? evaluation.cefiderocol.verdict : null,
        verdictText:
          row.infection && row.cefiderocolOrdered
            ? creText("verdict", evaluation.cefiderocol.verdict, lang)
            : null,
        orderStatus: order.status,
      },
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
