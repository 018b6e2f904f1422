import { isDeepStrictEqual } from "node:util";
import {
  caseCreateBody,
  caseListResponse,
  caseParams,
  caseResponse,
  casesQuery,
  caseUpdateBody,
} from "@mamori/contract/cases";
import { caseNotification } from "@mamori/domain/notifiable";
import { and, asc, eq, gte, isNull, or } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { type FacilityWrite, facilityWrite } from "../../audit/write-path.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { updateAudited } from "../../db/insert-once.ts";
import { cases, organisations } from "../../db/schema/index.ts";
import { conflict, type FieldError, validationFailed } from "../../errors.ts";
import { dayInZone } from "../../time/facility-day.ts";

const CASE_WRITE = { permission: "recordCases", entity: "case" } as const;

const present = (c: typeof cases.$inferSelect, today: string) => ({
  ...presentStored(c),
  notification: caseNotification(c, today),
});

const presentStored = (c: typeof cases.$inferSelect) => ({
  id: c.id,
  personId: c.personId,
  disease: c.disease,
  syndromeGroup: c.syndromeGroup,
  status: c.status,
  onsetDate: c.onsetDate,
  resolvedDate: c.resolvedDate,
  diagnosedDate: c.diagnosedDate,
  notifiedDate: c.notifiedDate,
  remarks: c.remarks,
  outcomes: c.outcomes,
  version: c.version,
});

/** What two saves of one case must agree on to be the same case: everything but the id and the version. */
const content = (c: typeof cases.$inferSelect) => {
  const { id: _id, version: _version, ...rest } = presentStored(c);
  return rest;
};

/**
 * Records a case once. A resend under the same id answers the stored case; so does a second save of the same case
 * under another id (naming the disease twice before the line list was refreshed, or from two devices): one person,
 * disease and onset make one recorded case, held by the unique index `cases_person_disease_onset_key`, so concurrent
 * saves make one row. A save that clashes with the stored case (same id, or same person, disease and onset, with other
 * content) is a 409 naming the field.
 */
async function recordCaseOnce(
  w: FacilityWrite,
  values: typeof cases.$inferInsert & { id: string; facilityId: string; recordedBy: string },
): Promise<{ row: typeof cases.$inferSelect; created: boolean }> {
  const tx = w.tx;
  const [created] = await tx.insert(cases).values(values).onConflictDoNothing().returning();
  if (created) {
    await w.audit([{ action: "create", entityId: created.id, after: created }]);
    return { row: created, created: true };
  }
  const [byId] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.facilityId, values.facilityId), eq(cases.id, values.id)));
  if (byId) {
    if (isDeepStrictEqual(content(byId), content({ ...byId, ...values })))
      return { row: byId, created: false };
    throw conflict("This case was already recorded with other content.", [
      { path: "id", message: "already recorded" },
    ]);
  }
  const [same] = values.disease
    ? await tx
        .select()
        .from(cases)
        .where(
          and(
            eq(cases.facilityId, values.facilityId),
            eq(cases.personId, values.personId),
            eq(cases.disease, values.disease),
            eq(cases.onsetDate, values.onsetDate),
          ),
        )
    : [];
  if (same && isDeepStrictEqual(content(same), content({ ...same, ...values, id: same.id })))
    return { row: same, created: false };
  throw conflict(
    "This person already has a recorded case of this disease with this onset, with other content.",
    [
      {
        path: "disease",
        message: `already recorded for this person with onset ${values.onsetDate}${same ? ` (case ${same.id})` : ""}; change that case instead`,
      },
    ],
  );
}

/** The facility's today, in its time zone. */
async function facilityToday(db: Executor, facilityId: string, now: Date): Promise<string> {
  const [facility] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  return dayInZone(now, facility?.timeZone ?? "Asia/Tokyo");
}

/**
 * What a whole case must satisfy after a create or a change: a disease or the group of its implicit case, and no day
 * that has not come yet or that lies before the onset (manual §4 1): the course of each person as it happened).
 */
function caseProblems(
  c: {
    disease?: string | null;
    syndromeGroup?: string | null;
    onsetDate: string;
    resolvedDate?: string | null;
    diagnosedDate?: string | null;
    notifiedDate?: string | null;
  },
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!c.disease && !c.syndromeGroup)
    problems.push({ path: "disease", message: "name a disease, or the group of the case (syndromeGroup)" });
  for (const field of ["resolvedDate", "diagnosedDate"] as const) {
    const value = c[field];
    if (!value) continue;
    if (value > today)
      problems.push({ path: field, message: `must not be in the future (today is ${today})` });
    else if (value < c.onsetDate) problems.push({ path: field, message: "must not be before the onset" });
  }
  if (c.notifiedDate) {
    if (c.notifiedDate > today)
      problems.push({ path: "notifiedDate", message: `must not be in the future (today is ${today})` });
    else if (c.notifiedDate < (c.diagnosedDate ?? c.onsetDate))
      problems.push({
        path: "notifiedDate",
        message: c.diagnosedDate ? "must not be before the diagnosis" : "must not be before the onset",
      });
  }
  return problems;
}

/** Recorded cases: a nurse or physician records a suspected or confirmed disease, its resolution and outcomes. */
export const caseRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { querystring: casesQuery, response: { 200: caseListResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        const from = request.query.from;
        const rows = await ctx.db
          .select()
          .from(cases)
          .where(
            and(
              eq(cases.facilityId, facilityId),
              from
                ? or(gte(cases.onsetDate, from), isNull(cases.resolvedDate), gte(cases.resolvedDate, from))
                : undefined,
            ),
          )
          .orderBy(asc(cases.onsetDate));
        const today = await facilityToday(ctx.db, facilityId, ctx.clock());
        return { cases: rows.map((row) => present(row, today)) };
      },
    );

    app.post(
      "/",
      { schema: { body: caseCreateBody, response: { 200: caseResponse, 201: caseResponse } } },
      async (request, reply) => {
        const { id, personId, ...fields } = request.body;
        const { row, created, today } = await facilityWrite(ctx, request, CASE_WRITE, async (w) => {
          await w.ownPeople([{ path: "personId", id: personId }]);
          const today = await facilityToday(w.tx, w.facilityId, w.now);
          const problems = caseProblems(fields, today);
          if (problems.length > 0) throw validationFailed(problems);
          const recorded = await recordCaseOnce(w, {
            id,
            personId,
            facilityId: w.facilityId,
            ...fields,
            disease: fields.disease ?? null,
            syndromeGroup: fields.syndromeGroup ?? null,
            resolvedDate: fields.resolvedDate ?? null,
            diagnosedDate: fields.diagnosedDate ?? null,
            notifiedDate: fields.notifiedDate ?? null,
            remarks: fields.remarks ?? null,
            recordedBy: w.user.id,
          });
          return { ...recorded, today };
        });
        return reply.status(created ? 201 : 200).send(present(row, today));
      },
    );

    app.patch(
      "/:id",
      { schema: { params: caseParams, body: caseUpdateBody, response: { 200: caseResponse } } },
      (request) =>
        facilityWrite(ctx, request, CASE_WRITE, async (w) => {
          const [before] = await w.tx
            .select()
            .from(cases)
            .where(and(eq(cases.id, request.params.id), eq(cases.facilityId, w.facilityId)))
            .for("update");
          const current = assertFound(before, "Case");
          const next = { ...current, ...request.body };
          const today = await facilityToday(w.tx, w.facilityId, w.now);
          const problems = caseProblems(next, today);
          if (problems.length > 0) throw validationFailed(problems);
          const after = await updateAudited(w.tx, {
            table: cases,
            current,
            owner: { column: cases.facilityId, id: w.facilityId },
            changes: { ...request.body, version: current.version + 1 },
            audit: w.auditAs("update"),
          });
          return present(after, today);
        }),
    );
  };
