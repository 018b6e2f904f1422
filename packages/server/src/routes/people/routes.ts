import {
  importResponse,
  peopleResponse,
  personCreateBody,
  personParams,
  personPatchBody,
  savedPersonResponse,
} from "@mamori/contract/people";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { facilityWrite } from "../../audit/write-path.ts";
import { assertFound, authorizeFacility, currentUser } from "../../auth/guard.ts";
import { people } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { facilityToday } from "../routine/routine-store.ts";
import { parsePeopleCsv } from "./import-people.ts";
import { assertNoFieldErrors, checkBirthDate, checkPlacement, listPeople } from "./people.ts";

const PEOPLE_WRITE = { permission: "managePeople", entity: "person" } as const;

export const peopleRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));

    app.get("/", { schema: { response: { 200: peopleResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readCareRecords");
      return { people: await listPeople(ctx.db, facilityId) };
    });

    app.post(
      "/",
      { schema: { body: personCreateBody, response: { 201: savedPersonResponse } } },
      async (request, reply) => {
        const id = await facilityWrite(ctx, request, PEOPLE_WRITE, async (w) => {
          const body = request.body;
          if (body.kind !== "staff" && body.job)
            throw validationFailed([{ path: "job", message: "only staff have a job" }]);
          const today = await facilityToday(w.tx, w.facilityId, w.now);
          assertNoFieldErrors([
            ...(await checkPlacement(w.tx, w.facilityId, body)),
            ...(await checkBirthDate(w.tx, w.facilityId, body.birthDate, today)),
          ]);
          const [created] = await w.tx
            .insert(people)
            .values({ facilityId: w.facilityId, ...body })
            .returning();
          await w.audit([{ action: "create", entityId: created!.id, after: created }]);
          return created!.id;
        });
        const [person] = await listPeople(ctx.db, currentUser(request).organisation.id, eq(people.id, id));
        return reply.status(201).send({ person: person! });
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          params: personParams,
          body: personPatchBody,
          response: { 200: savedPersonResponse },
        },
      },
      async (request) => {
        const id = await facilityWrite(ctx, request, PEOPLE_WRITE, async (w) => {
          const [before] = await w.tx
            .select()
            .from(people)
            .where(and(eq(people.id, request.params.id), eq(people.facilityId, w.facilityId)))
            .for("update");
          const existing = assertFound(before, "Person");
          const placement = {
            unitId: request.body.unitId !== undefined ? request.body.unitId : existing.unitId,
            roomId: request.body.roomId !== undefined ? request.body.roomId : existing.roomId,
          };
          const today = await facilityToday(w.tx, w.facilityId, w.now);
          assertNoFieldErrors([
            ...(await checkPlacement(w.tx, w.facilityId, placement)),
            ...(await checkBirthDate(w.tx, w.facilityId, request.body.birthDate, today, existing.id)),
          ]);
          const [after] = await w.tx
            .update(people)
            .set(request.body)
            .where(and(eq(people.facilityId, w.facilityId), eq(people.id, existing.id)))
            .returning();
          await w.audit([{ action: "update", entityId: existing.id, before, after }]);
          return existing.id;
        });
        const [person] = await listPeople(ctx.db, currentUser(request).organisation.id, eq(people.id, id));
        return { person: person! };
      },
    );

    app.post(
      "/import",
      { schema: { body: z.string().min(1), response: { 200: importResponse } } },
      (request) =>
        facilityWrite(ctx, request, PEOPLE_WRITE, async (w) => {
          const { people: rows, errors } = await parsePeopleCsv(
            w.tx,
            w.facilityId,
            request.body,
            await facilityToday(w.tx, w.facilityId, w.now),
          );
          assertNoFieldErrors(errors);
          const created = await w.tx
            .insert(people)
            .values(rows.map((r) => ({ facilityId: w.facilityId, ...r })))
            .returning();
          await w.audit(created.map((p) => ({ action: "import", entityId: p.id, after: p })));
          return { imported: rows.length };
        }),
    );
  };
