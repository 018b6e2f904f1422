import { and, asc, eq, gte, isNull, or } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { insertOnce, updateAudited } from "../../db/insert-once.ts";
import { cases, people } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { caseCreateBody, caseParams, caseResponse, casesQuery, caseUpdateBody } from "./schema.ts";

const present = (c: typeof cases.$inferSelect) => ({
  id: c.id,
  personId: c.personId,
  disease: c.disease,
  status: c.status,
  onsetDate: c.onsetDate,
  resolvedDate: c.resolvedDate,
  outcomes: c.outcomes,
  version: c.version,
});

/** Recorded cases: a nurse or physician records a suspected or confirmed disease, its resolution and outcomes. */
export const caseRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { querystring: casesQuery, response: { 200: z.object({ cases: z.array(caseResponse) }) } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readFacility");
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
        return { cases: rows.map(present) };
      },
    );

    app.post(
      "/",
      { schema: { body: caseCreateBody, response: { 200: caseResponse, 201: caseResponse } } },
      async (request, reply) => {
        const { user, facilityId } = authorizeFacility(request, "recordCases");
        const { id, personId, ...fields } = request.body;
        const [person] = await ctx.db
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, personId), eq(people.facilityId, facilityId)));
        if (!person) throw validationFailed([{ path: "personId", message: "unknown person" }]);
        const { row, created } = await ctx.db.transaction((tx) =>
          insertOnce(tx, {
            table: cases,
            values: {
              id,
              personId,
              facilityId,
              ...fields,
              resolvedDate: fields.resolvedDate ?? null,
              recordedBy: user.id,
            },
            isOwn: (stored) => stored.facilityId === facilityId,
            content: present,
            audit: { actorUserId: user.id, organisationId: facilityId, action: "create", entity: "case" },
            conflictMessage: "This case was already recorded with other content.",
            conflictReason: "already recorded",
          }),
        );
        return reply.status(created ? 201 : 200).send(present(row));
      },
    );

    app.patch(
      "/:id",
      { schema: { params: caseParams, body: caseUpdateBody, response: { 200: caseResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordCases");
        return ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select()
            .from(cases)
            .where(and(eq(cases.id, request.params.id), eq(cases.facilityId, facilityId)))
            .for("update");
          const current = assertFound(before, "Case");
          const next = { ...current, ...request.body };
          if (next.resolvedDate && next.resolvedDate < next.onsetDate)
            throw validationFailed([{ path: "resolvedDate", message: "must not be before the onset" }]);
          const after = await updateAudited(tx, {
            table: cases,
            current,
            changes: { ...request.body, version: current.version + 1 },
            audit: { actorUserId: user.id, organisationId: facilityId, action: "update", entity: "case" },
          });
          return present(after);
        });
      },
    );
  };
