import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { people } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { facilityToday } from "../routine/routine-store.ts";
import { parsePeopleCsv } from "./import-people.ts";
import { assertNoFieldErrors, checkBirthDate, checkPlacement, listPeople } from "./people.ts";
import { importResponse, personCreateBody, personParams, personPatchBody, personResponse } from "./schema.ts";

export const peopleRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));

    app.get(
      "/",
      { schema: { response: { 200: z.object({ people: z.array(personResponse) }) } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readFacility");
        return { people: await listPeople(ctx.db, facilityId) };
      },
    );

    app.post(
      "/",
      { schema: { body: personCreateBody, response: { 201: z.object({ person: personResponse }) } } },
      async (request, reply) => {
        const { user, facilityId } = authorizeFacility(request, "managePeople");
        const body = request.body;
        if (body.kind !== "staff" && body.job)
          throw validationFailed([{ path: "job", message: "only staff have a job" }]);
        const today = await facilityToday(ctx.db, facilityId, ctx.clock());
        assertNoFieldErrors([
          ...(await checkPlacement(ctx.db, facilityId, body)),
          ...(await checkBirthDate(ctx.db, body.birthDate, today)),
        ]);
        const id = await ctx.db.transaction(async (tx) => {
          const [created] = await tx
            .insert(people)
            .values({ facilityId, ...body })
            .returning();
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "create",
              entity: "person",
              entityId: created!.id,
              after: created,
            },
          ]);
          return created!.id;
        });
        const [person] = await listPeople(ctx.db, facilityId, eq(people.id, id));
        return reply.status(201).send({ person: person! });
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          params: personParams,
          body: personPatchBody,
          response: { 200: z.object({ person: personResponse }) },
        },
      },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "managePeople");
        const [current] = await listPeople(ctx.db, facilityId, eq(people.id, request.params.id));
        const existing = assertFound(current, "Person");
        const placement = {
          unitId: request.body.unitId !== undefined ? request.body.unitId : existing.unitId,
          roomId: request.body.roomId !== undefined ? request.body.roomId : existing.roomId,
        };
        const today = await facilityToday(ctx.db, facilityId, ctx.clock());
        assertNoFieldErrors([
          ...(await checkPlacement(ctx.db, facilityId, placement)),
          ...(await checkBirthDate(ctx.db, request.body.birthDate, today, existing.id)),
        ]);
        await ctx.db.transaction(async (tx) => {
          const [before] = await tx.select().from(people).where(eq(people.id, existing.id));
          const [after] = await tx
            .update(people)
            .set(request.body)
            .where(eq(people.id, existing.id))
            .returning();
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "update",
              entity: "person",
              entityId: existing.id,
              before,
              after,
            },
          ]);
        });
        const [person] = await listPeople(ctx.db, facilityId, eq(people.id, existing.id));
        return { person: person! };
      },
    );

    app.post(
      "/import",
      { schema: { body: z.string().min(1), response: { 200: importResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "managePeople");
        const { people: rows, errors } = await parsePeopleCsv(
          ctx.db,
          facilityId,
          request.body,
          await facilityToday(ctx.db, facilityId, ctx.clock()),
        );
        assertNoFieldErrors(errors);
        await ctx.db.transaction(async (tx) => {
          const created = await tx
            .insert(people)
            .values(rows.map((r) => ({ facilityId, ...r })))
            .returning();
          await appendAudit(
            tx,
            created.map((p) => ({
              actorUserId: user.id,
              organisationId: facilityId,
              action: "import" as const,
              entity: "person",
              entityId: p.id,
              after: p,
            })),
          );
        });
        return { imported: rows.length };
      },
    );
  };
