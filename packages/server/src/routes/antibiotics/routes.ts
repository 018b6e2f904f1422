import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { insertOnce, updateAudited } from "../../db/insert-once.ts";
import { antibioticCourses, people } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { courseCreateBody, courseEndBody, courseParams, courseResponse } from "./schema.ts";

const present = (c: typeof antibioticCourses.$inferSelect) => ({
  id: c.id,
  personId: c.personId,
  drug: c.drug,
  startDate: c.startDate,
  endDate: c.endDate,
});

/** Antibiotic courses, which the C. difficile hint reads (manual p.35: diarrhoea after antibiotics). */
export const antibioticRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { response: { 200: z.object({ courses: z.array(courseResponse) }) } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readFacility");
        const rows = await ctx.db
          .select()
          .from(antibioticCourses)
          .where(eq(antibioticCourses.facilityId, facilityId))
          .orderBy(asc(antibioticCourses.startDate));
        return { courses: rows.map(present) };
      },
    );

    app.post(
      "/",
      { schema: { body: courseCreateBody, response: { 200: courseResponse, 201: courseResponse } } },
      async (request, reply) => {
        const { user, facilityId } = authorizeFacility(request, "recordCases");
        const body = request.body;
        const [person] = await ctx.db
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, body.personId), eq(people.facilityId, facilityId)));
        if (!person) throw validationFailed([{ path: "personId", message: "unknown person" }]);
        const values = { ...body, drug: body.drug ?? null, endDate: body.endDate ?? null };
        const { row, created } = await ctx.db.transaction((tx) =>
          insertOnce(tx, {
            table: antibioticCourses,
            values: { ...values, facilityId, recordedBy: user.id },
            isOwn: (stored) => stored.facilityId === facilityId,
            content: present,
            audit: {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "create",
              entity: "antibiotic_course",
            },
            conflictMessage: "This course was already recorded with other content.",
            conflictReason: "already recorded",
          }),
        );
        return reply.status(created ? 201 : 200).send(present(row));
      },
    );

    app.patch(
      "/:id",
      { schema: { params: courseParams, body: courseEndBody, response: { 200: courseResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordCases");
        return ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select()
            .from(antibioticCourses)
            .where(
              and(eq(antibioticCourses.id, request.params.id), eq(antibioticCourses.facilityId, facilityId)),
            );
          const current = assertFound(before, "Antibiotic course");
          if (request.body.endDate < current.startDate)
            throw validationFailed([{ path: "endDate", message: "must not be before the start" }]);
          const after = await updateAudited(tx, {
            table: antibioticCourses,
            current,
            changes: { endDate: request.body.endDate },
            audit: {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "update",
              entity: "antibiotic_course",
            },
          });
          return present(after);
        });
      },
    );
  };
