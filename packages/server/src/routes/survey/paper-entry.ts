import type { resolveBody } from "@mamori/contract/survey";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound } from "../../auth/guard.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Executor } from "../../db/database.ts";
import {
  type StoredQuestionnaireResponse,
  surveyPaperEntries,
  surveyPaperForms,
  surveyResponses,
  users,
} from "../../db/schema/index.ts";
import { conflict, validationFailed } from "../../errors.ts";
import { CRE_SURVEY_URL, CRE_SURVEY_VERSION, responseWith } from "./cre-survey-items.ts";
import { answersByLinkId, diffResponses, type QrAnswer } from "./questionnaire-response.ts";
import { newDateShift, submitVersion } from "./survey-responses.ts";

/** Registers a paper form received by the secretariat (the clerk's own label, e.g. the envelope number). */
export async function createPaperForm(
  tx: Executor,
  user: SessionUser,
  input: { id: string; label: string; prefecture: string | null },
  now: Date,
) {
  const [row] = await tx
    .insert(surveyPaperForms)
    .values({
      id: input.id,
      organisationId: user.organisation.id,
      label: input.label,
      prefecture: input.prefecture,
      questionnaireUrl: CRE_SURVEY_URL,
      questionnaireVersion: CRE_SURVEY_VERSION,
      createdBy: user.id,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [stored] = await tx
      .select()
      .from(surveyPaperForms)
      .where(
        and(eq(surveyPaperForms.organisationId, user.organisation.id), eq(surveyPaperForms.id, input.id)),
      );
    if (stored?.label !== input.label || stored.prefecture !== input.prefecture) {
      throw conflict("This paper form id is already used with other content.", [
        { path: "id", message: "already used" },
      ]);
    }
    return { row: stored, created: false };
  }
  await appendAudit(tx, [
    {
      actorUserId: user.id,
      organisationId: user.organisation.id,
      action: "create",
      entity: "survey_paper_form",
      entityId: row.id,
      after: row,
    },
  ]);
  return { row, created: true };
}

/** The paper forms the secretariat keys in, newest first, with which entries are made. */
export async function listPaperForms(db: Executor, organisationId: string) {
  const forms = await db
    .select()
    .from(surveyPaperForms)
    .where(eq(surveyPaperForms.organisationId, organisationId))
    .orderBy(desc(surveyPaperForms.createdAt), asc(surveyPaperForms.id));
  const entries = await db
    .select({ formId: surveyPaperEntries.formId, entryNo: surveyPaperEntries.entryNo })
    .from(surveyPaperEntries)
    .where(eq(surveyPaperEntries.organisationId, organisationId));
  return forms.map((f) => ({
    id: f.id,
    label: f.label,
    prefecture: f.prefecture,
    entries: entries
      .filter((e) => e.formId === f.id)
      .map((e) => e.entryNo)
      .sort(),
    responseId: f.responseId,
    createdAt: f.createdAt.toISOString(),
  }));
}

/** The form with both entries (who keyed each) and the items on which they differ. */
export async function paperFormDetail(db: Executor, organisationId: string, id: string) {
  const [form] = await db
    .select()
    .from(surveyPaperForms)
    .where(and(eq(surveyPaperForms.organisationId, organisationId), eq(surveyPaperForms.id, id)));
  const found = assertFound(form, "Paper form");
  const entries = await db
    .select({
      entryNo: surveyPaperEntries.entryNo,
      response: surveyPaperEntries.response,
      enteredAt: surveyPaperEntries.enteredAt,
      enteredById: users.id,
      enteredBy: users.displayName,
    })
    .from(surveyPaperEntries)
    .innerJoin(users, eq(users.id, surveyPaperEntries.enteredBy))
    .where(and(eq(surveyPaperEntries.organisationId, organisationId), eq(surveyPaperEntries.formId, id)))
    .orderBy(asc(surveyPaperEntries.entryNo));
  const first = entries.find((e) => e.entryNo === 1);
  const second = entries.find((e) => e.entryNo === 2);
  return {
    form: found,
    entries,
    differences: first && second ? diffResponses(first.response, second.response) : null,
  };
}

/**
 * Saves one clerk's keying of the form (entry 1 or 2; saving again replaces one's own entry until resolved). The two
 * entries must be made by two different people: that is what makes double entry catch a misreading.
 */
export async function savePaperEntry(
  tx: Executor,
  user: SessionUser,
  formId: string,
  entryNo: 1 | 2,
  response: StoredQuestionnaireResponse,
  now: Date,
) {
  const organisationId = user.organisation.id;
  const [form] = await tx
    .select()
    .from(surveyPaperForms)
    .where(and(eq(surveyPaperForms.organisationId, organisationId), eq(surveyPaperForms.id, formId)))
    .for("update");
  const found = assertFound(form, "Paper form");
  if (found.responseId) throw conflict("This paper form was already resolved.");
  const existing = await tx
    .select()
    .from(surveyPaperEntries)
    .where(and(eq(surveyPaperEntries.organisationId, organisationId), eq(surveyPaperEntries.formId, formId)));
  const other = existing.find((e) => e.entryNo !== entryNo);
  if (other?.enteredBy === user.id) {
    throw conflict("The other entry of this form is yours: the second entry is made by someone else.", [
      { path: "entryNo", message: "the same person cannot make both entries", code: "same_person" },
    ]);
  }
  const mine = existing.find((e) => e.entryNo === entryNo);
  if (mine && mine.enteredBy !== user.id) {
    throw conflict("Someone else made this entry.", [
      { path: "entryNo", message: "entry made by someone else" },
    ]);
  }
  await tx
    .insert(surveyPaperEntries)
    .values({ organisationId, formId, entryNo, response, enteredBy: user.id, enteredAt: now })
    .onConflictDoUpdate({
      target: [surveyPaperEntries.organisationId, surveyPaperEntries.formId, surveyPaperEntries.entryNo],
      set: { response, enteredAt: now },
    });
  await appendAudit(tx, [
    {
      actorUserId: user.id,
      organisationId: user.organisation.id,
      action: mine ? "update" : "create",
      entity: "survey_paper_entry",
      entityId: `${formId}#${entryNo}`,
      before: mine?.response ?? null,
      after: response,
    },
  ]);
}

/**
 * Resolves the differences between the two entries, one choice per differing item (the first entry's reading, the
 * second's, or — when both misread it — the value read again on the paper; checked by the engine like any answer), and submits the result as a survey response from paper. Every
 * difference must be resolved; `submissionId` makes a resend harmless.
 */
export async function resolvePaperForm(
  tx: Executor,
  user: SessionUser,
  formId: string,
  input: z.output<typeof resolveBody>,
  now: Date,
) {
  const organisationId = user.organisation.id;
  const detail = await paperFormDetail(tx, organisationId, formId);
  if (detail.form.responseId) {
    const [row] = await tx
      .select()
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.organisationId, organisationId),
          eq(surveyResponses.id, detail.form.responseId),
        ),
      );
    return { row: row!, created: false };
  }
  if (!detail.differences)
    throw conflict("Both entries are needed before the form can be resolved.", [
      { path: "entries", message: "two entries needed" },
    ]);
  const unresolved = detail.differences.filter((d) => input.choices[d.linkId] === undefined);
  if (unresolved.length > 0) {
    throw validationFailed(
      unresolved.map((d) => ({
        path: `choices.${d.linkId}`,
        message: "choose entry 1 or entry 2",
        code: "required",
      })),
    );
  }
  const stray = Object.keys(input.choices).filter((id) => !detail.differences!.some((d) => d.linkId === id));
  if (stray.length > 0)
    throw validationFailed(
      stray.map((id) => ({ path: `choices.${id}`, message: "the entries agree on this item" })),
    );
  const first = detail.entries.find((e) => e.entryNo === 1)!.response;
  const second = answersByLinkId(detail.entries.find((e) => e.entryNo === 2)!.response);
  // Entry 1 is the base; each item settled otherwise takes entry 2's reading or the value read again on the paper.
  const settled = new Map<string, QrAnswer[]>();
  for (const [id, pick] of Object.entries(input.choices)) {
    if (pick === 2) settled.set(id, second.get(id) ?? []);
    else if (pick !== 1) settled.set(id, pick.answer);
  }
  const resolved = responseWith(first, settled);
  const [taken] = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organisationId, organisationId), eq(surveyResponses.id, input.responseId)));
  if (taken)
    throw conflict("This response id is already used.", [{ path: "responseId", message: "already used" }]);
  const [draft] = await tx
    .insert(surveyResponses)
    .values({
      id: input.responseId,
      organisationId,
      source: "paper",
      hospitalId: null,
      caseId: null,
      questionnaireUrl: detail.form.questionnaireUrl,
      questionnaireVersion: detail.form.questionnaireVersion,
      status: "draft",
      response: resolved,
      prefecture: detail.form.prefecture,
      dateShiftDays: newDateShift(),
      createdBy: user.id,
      createdAt: now,
      updatedBy: user.id,
      updatedAt: now,
    })
    .returning();
  const submitted = await submitVersion(
    tx,
    { userId: user.id, organisationId: user.organisation.id },
    draft!,
    { submissionId: input.submissionId },
    now,
  );
  await tx
    .update(surveyPaperForms)
    .set({ responseId: draft!.id })
    .where(and(eq(surveyPaperForms.organisationId, organisationId), eq(surveyPaperForms.id, formId)));
  await appendAudit(tx, [
    {
      actorUserId: user.id,
      organisationId: user.organisation.id,
      action: "update",
      entity: "survey_paper_form",
      entityId: formId,
      after: { responseId: draft!.id, choices: input.choices },
    },
  ]);
  return submitted;
}
