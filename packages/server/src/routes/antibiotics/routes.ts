import {
  courseCreateBody,
  courseEndBody,
  courseListResponse,
  courseParams,
  courseResponse,
} from "@mamori/contract/antibiotics";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { facilityWrite } from "../../audit/write-path.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { insertOnce, updateAudited } from "../../db/insert-once.ts";
import { antibioticCourses } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";

const present = (c: typeof antibioticCourses.$inferSelect) => ({
  id: c.id,
  personId: c.personId,
  drug: c.drug,
  startDate: c.startDate,
  endDate: c.endDate,
});

const COURSE_WRITE = { permission: "recordCases", entity: "antibiotic_course" } as const;

/** Antibiotic courses, which the C. difficile hint reads (manual p.35: diarrhoea after antibiotics). */
export const antibioticRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { response: { 200: courseListResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readCareRecords");
      const rows = await ctx.db
        .select()
        .from(antibioticCourses)
        .where(eq(antibioticCourses.facilityId, facilityId))
        .orderBy(asc(antibioticCourses.startDate));
      return { courses: rows.map(present) };
    });

    app.post(
      "/",
      { schema: { body: courseCreateBody, response: { 200: courseResponse, 201: courseResponse } } },
      async (request, reply) => {
        const { row, created } = await facilityWrite(ctx, request, COURSE_WRITE, async (w) => {
          const body = request.body;
          await w.ownPeople([{ path: "personId", id: body.personId }]);
          const values = { ...body, drug: body.drug ?? null, endDate: body.endDate ?? null };
          return insertOnce(w.tx, {
            table: antibioticCourses,
            values: { ...values, facilityId: w.facilityId, recordedBy: w.user.id },
            owner: { column: antibioticCourses.facilityId, id: w.facilityId },
            content: present,
            audit: w.auditAs("create"),
            conflictMessage: "This course was already recorded with other content.",
            conflictReason: "already recorded",
          });
        });
        return reply.status(created ? 201 : 200).send(present(row));
      },
    );

    app.patch(
      "/:id",
      { schema: { params: courseParams, body: courseEndBody, response: { 200: courseResponse } } },
      (request) =>
        facilityWrite(ctx, request, COURSE_WRITE, async (w) => {
          const [before] = await w.tx
            .select()
            .from(antibioticCourses)
            .where(
              and(
                eq(antibioticCourses.id, request.params.id),
                eq(antibioticCourses.facilityId, w.facilityId),
              ),
            )
            .for("update");
          const current = assertFound(before, "Antibiotic course");
          if (request.body.endDate < current.startDate)
            throw validationFailed([{ path: "endDate", message: "must not be before the start" }]);
          const after = await updateAudited(w.tx, {
            table: antibioticCourses,
            current,
            owner: { column: antibioticCourses.facilityId, id: w.facilityId },
            changes: { endDate: request.body.endDate },
            audit: w.auditAs("update"),
          });
          return present(after);
        }),
    );
  };
