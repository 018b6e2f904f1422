import { regionQuery, regionResponse, sharingBody, sharingResponse } from "@mamori/contract/region";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { currentUser } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import { forbidden } from "../../errors.ts";
import { currentOffices } from "../../policies/office-links.ts";
import { regionPolicy } from "../../policies/region.ts";
import { regionView } from "./region.ts";

async function sharingOf(db: Executor, facilityId: string) {
  const [row] = await db
    .select({ since: organisations.sharesCountsSince })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  const hc = (await currentOffices(db, facilityId)).find((o) => o.kind === "health_centre");
  const [office] = hc
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, hc.officeId))
    : [];
  const since = row?.since ?? null;
  return {
    sharing: { shared: since !== null, since: since?.toISOString() ?? null, healthCentre: office ?? null },
  };
}

/**
 * The region view (issue 11 item 4): a facility shares its daily new-onset counts per group with its health centre
 * (the director or administrator decides; audited), and the health centre sees its sharing facilities' counts and
 * who is above the usual level. Every call asks `regionPolicy`.
 */
export const regionRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { querystring: regionQuery, response: { 200: regionResponse } } },
      async (request) => {
        const actor = currentUser(request);
        if (!regionPolicy.read(actor)) throw forbidden();
        return regionView(ctx.db, actor.organisation.id, ctx.clock(), request.query);
      },
    );

    app.get("/sharing", { schema: { response: { 200: sharingResponse } } }, async (request) => {
      const actor = currentUser(request);
      if (!regionPolicy.manageSharing(actor, actor.organisation.id)) throw forbidden();
      return sharingOf(ctx.db, actor.organisation.id);
    });

    app.put(
      "/sharing",
      { schema: { body: sharingBody, response: { 200: sharingResponse } } },
      async (request) => {
        const actor = currentUser(request);
        const facilityId = actor.organisation.id;
        if (!regionPolicy.manageSharing(actor, facilityId)) throw forbidden();
        const now = ctx.clock();
        await ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select({ since: organisations.sharesCountsSince })
            .from(organisations)
            .where(eq(organisations.id, facilityId))
            .for("update");
          const wasShared = (before?.since ?? null) !== null;
          // Turning it on again keeps the first date; a change only when the answer changes.
          if (wasShared === request.body.share) return;
          const since = request.body.share ? now : null;
          await tx
            .update(organisations)
            .set({ sharesCountsSince: since })
            .where(eq(organisations.id, facilityId));
          await appendAudit(tx, [
            {
              actorUserId: actor.id,
              organisationId: facilityId,
              action: "update",
              entity: "count_sharing",
              entityId: facilityId,
              at: now,
              before: { sharesCountsSince: before?.since?.toISOString() ?? null },
              after: { sharesCountsSince: since?.toISOString() ?? null },
            },
          ]);
        });
        return sharingOf(ctx.db, facilityId);
      },
    );
  };
