import { randomInt } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import {
  creCases,
  organisations,
  type StoredQuestionnaireResponse,
  surveyResponses,
  surveyResponseVersions,
  users,
} from "../../db/schema/index.ts";
import { AppError, conflict, validationFailed } from "../../errors.ts";
import { availabilityOf, consultationsOf } from "../cre/case-store.ts";
import { type CaseRow, evaluateRow } from "../cre/evaluate-case.ts";
import type { HospitalActor } from "../cre/hospital.ts";
import {
  CRE_SURVEY_URL,
  CRE_SURVEY_VERSION,
  checkForSubmission,
  dimensionsOf,
  isLabItem,
  launchContextOf,
  prefilledDraft,
  responseWith,
} from "./cre-survey-items.ts";
import { answersByLinkId, answerText } from "./questionnaire-response.ts";

export type SurveyResponseRow = typeof surveyResponses.$inferSelect;

/** Days a response's dates move in the secretariat's export: never 0, so no exported date is a real one. */
export const newDateShift = () => {
  const d = randomInt(1, 61);
  return d <= 30 ? -d : d - 30;
};

/** The case's evaluation as the survey reads it: the launch context of the questionnaire. */
export async function caseContext(db: Executor, hospitalId: string, row: CaseRow) {
  const consultations = await consultationsOf(db, hospitalId, [row.id]);
  const { drugs } = await availabilityOf(db, hospitalId);
  const evaluation = evaluateRow(row, consultations.length > 0, drugs);
  const [hospital] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, hospitalId));
  return launchContextOf(row, evaluation, consultations.length > 0, hospital?.timeZone ?? "Asia/Tokyo");
}

/**
 * The survey tasks of a hospital: every CRE case with a cefiderocol order (記3: every case treated with it), with the
 * state of its response. The physicians of the hospital answer; the list is newest order first.
 */
export async function listTasks(db: Executor, hospitalId: string) {
  return db
    .select({
      caseId: creCases.id,
      patientLabel: creCases.patientLabel,
      organism: creCases.isolate,
      orderedAt: creCases.cefiderocolOrderedAt,
      responseId: surveyResponses.id,
      status: surveyResponses.status,
      labStatus: surveyResponses.labStatus,
      version: surveyResponses.version,
      updatedAt: surveyResponses.updatedAt,
    })
    .from(creCases)
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.organisationId, creCases.hospitalId), eq(surveyResponses.caseId, creCases.id)),
    )
    .where(and(eq(creCases.hospitalId, hospitalId), eq(creCases.cefiderocolOrdered, true)))
    .orderBy(desc(creCases.cefiderocolOrderedAt), asc(creCases.id));
}

/** A response of this hospital, or undefined: another hospital's response is exactly as unknown as a missing one. */
export async function findResponse(db: Executor, hospitalId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.organisationId, hospitalId),
        eq(surveyResponses.id, id),
        eq(surveyResponses.hospitalId, hospitalId),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * Opens the survey of a case: the first call makes the draft with Mamori's answers pre-filled (the client's id makes a
 * resend return the same draft); later calls return the response already there.
 */
export async function openResponse(
  tx: Executor,
  actor: HospitalActor,
  caseId: string,
  responseId: string,
  now: Date,
): Promise<{ row: SurveyResponseRow; created: boolean }> {
  const [found] = await tx
    .select()
    .from(creCases)
    .where(and(eq(creCases.id, caseId), eq(creCases.hospitalId, actor.hospitalId)))
    .for("update");
  const caseRow = assertFound(found, "CRE case");
  const [existing] = await tx
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organisationId, actor.hospitalId), eq(surveyResponses.caseId, caseId)));
  if (existing) return { row: existing, created: false };
  if (!caseRow.cefiderocolOrdered) {
    throw new AppError(409, "no_survey", "The survey is for CRE cases treated with cefiderocol.");
  }
  const [clash] = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organisationId, actor.hospitalId), eq(surveyResponses.id, responseId)));
  if (clash) throw conflict("This response id is already used.", [{ path: "id", message: "already used" }]);
  const context = await caseContext(tx, actor.hospitalId, caseRow);
  const { response, prefilled } = prefilledDraft(context);
  const [hospital] = await tx
    .select({ prefecture: organisations.prefecture })
    .from(organisations)
    .where(eq(organisations.id, actor.hospitalId));
  const [row] = await tx
    .insert(surveyResponses)
    .values({
      id: responseId,
      organisationId: actor.hospitalId,
      source: "web",
      hospitalId: actor.hospitalId,
      caseId,
      questionnaireUrl: CRE_SURVEY_URL,
      questionnaireVersion: CRE_SURVEY_VERSION,
      status: "draft",
      response,
      prefilled,
      prefecture: hospital?.prefecture ?? null,
      dateShiftDays: newDateShift(),
      createdBy: actor.user.id,
      createdAt: now,
      updatedBy: actor.user.id,
      updatedAt: now,
    })
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "create",
      entity: "survey_response",
      entityId: row!.id,
      after: row,
    },
  ]);
  return { row: row!, created: true };
}

/**
 * Keeps the answers of the actor's own section from `incoming` and the other section's from `stored`: the physician
 * answers the clinical items (and the laboratory ones while they are not with the laboratory); a technologist answers
 * only the laboratory items.
 */
function mergeSections(
  stored: StoredQuestionnaireResponse,
  incoming: StoredQuestionnaireResponse,
  editsLab: boolean,
  editsClinical: boolean,
): StoredQuestionnaireResponse {
  const before = answersByLinkId(stored);
  const after = answersByLinkId(incoming);
  const keep = (linkId: string) => (isLabItem(linkId) ? editsLab : editsClinical);
  const merged = new Map<string, ReturnType<typeof before.get> & object>();
  for (const [id, answers] of before) if (!keep(id)) merged.set(id, answers);
  for (const [id, answers] of after) if (keep(id)) merged.set(id, answers);
  return responseWith({ ...stored, item: [] }, merged);
}

/**
 * Saves a draft as the user answers (autosave): any well-formed answers are kept, complete or not, so nothing typed is
 * lost to a rule that is not met yet. A submitted response is changed only by a correction.
 */
export async function saveDraft(
  tx: Executor,
  actor: HospitalActor,
  id: string,
  incoming: StoredQuestionnaireResponse,
  now: Date,
): Promise<SurveyResponseRow> {
  const current = assertFound(await findResponse(tx, actor.hospitalId, id, true), "Survey response");
  if (current.status !== "draft") {
    throw conflict("This response was submitted; send a correction instead.", [
      { path: "status", message: "already submitted" },
    ]);
  }
  const isLab = actor.user.role === "lab_technologist";
  if (isLab && current.labStatus !== "with_lab") {
    throw new AppError(403, "forbidden", "The laboratory part of this response is not with the laboratory.");
  }
  const response = mergeSections(
    current.response,
    incoming,
    isLab || current.labStatus !== "with_lab",
    !isLab,
  );
  const [row] = await tx
    .update(surveyResponses)
    .set({ response, updatedBy: actor.user.id, updatedAt: now })
    .where(and(eq(surveyResponses.organisationId, actor.hospitalId), eq(surveyResponses.id, id)))
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "update",
      entity: "survey_response",
      entityId: id,
      before: current.response,
      after: response,
    },
  ]);
  return row!;
}

/** Hands the laboratory part to the hospital's technologists (`to: "lab"`), or returns it to the physician (`"physician"`). */
export async function moveLabSection(
  tx: Executor,
  actor: HospitalActor,
  id: string,
  to: "lab" | "physician",
  now: Date,
): Promise<SurveyResponseRow> {
  const current = assertFound(await findResponse(tx, actor.hospitalId, id, true), "Survey response");
  if (current.status !== "draft") throw conflict("This response was already submitted.");
  const labStatus = to === "lab" ? "with_lab" : "returned";
  if (to === "lab" && actor.user.role !== "physician")
    throw new AppError(403, "forbidden", "The physician hands the laboratory part over.");
  if (to === "physician" && current.labStatus !== "with_lab")
    throw conflict("The laboratory part is not with the laboratory.");
  const [row] = await tx
    .update(surveyResponses)
    .set({ labStatus, updatedBy: actor.user.id, updatedAt: now })
    .where(and(eq(surveyResponses.organisationId, actor.hospitalId), eq(surveyResponses.id, id)))
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "update",
      entity: "survey_response",
      entityId: id,
      before: { labStatus: current.labStatus },
      after: { labStatus },
    },
  ]);
  return row!;
}

/** The live cefiderocol verdict of the response's case (the appropriateness check, cre-stewardship.md §6). */
async function verdictOf(tx: Executor, row: SurveyResponseRow): Promise<string | null> {
  if (!row.caseId || !row.hospitalId) return null;
  const [caseRow] = await tx
    .select()
    .from(creCases)
    .where(and(eq(creCases.hospitalId, row.hospitalId), eq(creCases.id, row.caseId)));
  if (!caseRow) return null;
  return (await caseContext(tx, row.hospitalId, caseRow)).verdict;
}

/**
 * Submits a response, or a correction of a submitted one: a new version in the history with the figures the
 * secretariat counts. `submissionId` is the client's id of this submission: sending it again answers the version it
 * made, so a double submit is one response. Unanswered required items are a 400 naming each linkId, and the draft
 * stays as saved.
 */
export async function submitVersion(
  tx: Executor,
  actor: { userId: string; organisationId: string },
  current: SurveyResponseRow,
  input: { submissionId: string; response?: StoredQuestionnaireResponse; reason?: string },
  now: Date,
): Promise<{ row: SurveyResponseRow; created: boolean }> {
  const [already] = await tx
    .select()
    .from(surveyResponseVersions)
    .where(
      and(
        eq(surveyResponseVersions.organisationId, current.organisationId),
        eq(surveyResponseVersions.submissionId, input.submissionId),
      ),
    );
  if (already) {
    if (already.responseId !== current.id) {
      throw conflict("This submission id was used for another response.", [
        { path: "submissionId", message: "already used" },
      ]);
    }
    return { row: current, created: false };
  }
  const correcting = current.status === "submitted";
  if (correcting && !input.response) {
    throw conflict("This response was already submitted.", [
      { path: "submissionId", message: "already submitted" },
    ]);
  }
  if (correcting && !input.reason)
    throw validationFailed([{ path: "reason", message: "say why the response is corrected" }]);
  if (!correcting && current.labStatus === "with_lab") {
    throw conflict("The laboratory part is still with the laboratory.", [
      { path: "labStatus", message: "with the laboratory" },
    ]);
  }
  const { problems, kept } = checkForSubmission({
    ...(input.response ?? current.response),
    questionnaire: `${current.questionnaireUrl}|${current.questionnaireVersion}`,
    status: correcting ? "amended" : "completed",
  });
  if (problems.length > 0) throw validationFailed(problems);
  const response = kept;
  const dims = dimensionsOf(response, await verdictOf(tx, current));
  const version = current.version + 1;
  // A hospital's response is counted under the hospital's prefecture as it is set when the response is submitted
  // (set or corrected in the facility settings after the draft was opened); a paper response keeps the clerk's.
  let prefecture = current.prefecture;
  if (current.hospitalId) {
    const [hospital] = await tx
      .select({ prefecture: organisations.prefecture })
      .from(organisations)
      .where(eq(organisations.id, current.hospitalId));
    prefecture = hospital?.prefecture ?? current.prefecture;
  }
  await tx.insert(surveyResponseVersions).values({
    organisationId: current.organisationId,
    responseId: current.id,
    version,
    submissionId: input.submissionId,
    response,
    dimensions: dims,
    reason: input.reason ?? null,
    submittedBy: actor.userId,
    submittedAt: now,
  });
  const [row] = await tx
    .update(surveyResponses)
    .set({
      status: "submitted",
      response,
      version,
      prefecture,
      ...dims,
      updatedBy: actor.userId,
      updatedAt: now,
      submittedAt: now,
    })
    .where(
      and(eq(surveyResponses.organisationId, current.organisationId), eq(surveyResponses.id, current.id)),
    )
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: correcting ? "update" : "create",
      entity: "survey_response_version",
      entityId: `${current.id}#${version}`,
      before: correcting ? current.response : null,
      after: { response, dimensions: dims, reason: input.reason ?? null },
    },
  ]);
  return { row: row!, created: true };
}

/** The submitted versions of a response, oldest first, with who submitted each. */
export async function historyOf(db: Executor, response: { organisationId: string; id: string }) {
  return db
    .select({
      version: surveyResponseVersions.version,
      reason: surveyResponseVersions.reason,
      submittedAt: surveyResponseVersions.submittedAt,
      submittedBy: users.displayName,
      response: surveyResponseVersions.response,
    })
    .from(surveyResponseVersions)
    .innerJoin(users, eq(users.id, surveyResponseVersions.submittedBy))
    .where(
      and(
        eq(surveyResponseVersions.organisationId, response.organisationId),
        eq(surveyResponseVersions.responseId, response.id),
      ),
    )
    .orderBy(asc(surveyResponseVersions.version));
}

/** The pre-filled linkIds whose answers still stand as Mamori filled them. */
export function stillPrefilled(row: SurveyResponseRow): string[] {
  const answers = answersByLinkId(row.response);
  return Object.entries(row.prefilled)
    .filter(([id, text]) => (answers.get(id) ?? []).map(answerText).join(" / ") === text)
    .map(([id]) => id);
}
