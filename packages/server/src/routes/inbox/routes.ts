import { inboxResponse, overviewResponse, unreadResponse } from "@mamori/contract/reports";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { currentUser } from "../../auth/guard.ts";
import { forbidden } from "../../errors.ts";
import { creNotificationPolicy } from "../../policies/cre-notifications.ts";
import { inboxPolicy, officeOf } from "../../policies/reports.ts";
import { INBOX_PAGE, officeInbox, officeOverview, unreadForHeader } from "./inbox.ts";

const inboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(INBOX_PAGE),
  /** Older than this instant (the `receivedAt` of the last report of the previous page). */
  before: z.iso.datetime({ offset: true }).optional(),
});

/** The offices' side (付録1① items 6 and 7): the inbox of an office, its unread count, a health centre's overview. */
export const inboxRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const officeFor = (
      request: Parameters<typeof currentUser>[0],
      may: (a: ReturnType<typeof currentUser>) => boolean,
    ) => {
      const actor = currentUser(request);
      if (!may(actor)) throw forbidden();
      return officeOf(actor)!;
    };

    app.get(
      "/",
      { schema: { querystring: inboxQuery, response: { 200: inboxResponse } } },
      async (request) => {
        const office = officeFor(request, inboxPolicy.read);
        const { limit, before } = request.query;
        return officeInbox(ctx.db, office.officeId, {
          limit,
          ...(before ? { before: new Date(before) } : {}),
        });
      },
    );

    app.get("/unread", { schema: { response: { 200: unreadResponse } } }, async (request) => {
      const actor = currentUser(request);
      if (!inboxPolicy.read(actor)) throw forbidden();
      return unreadForHeader(ctx.db, officeOf(actor)!.officeId, {
        notifications: creNotificationPolicy.inbox(actor),
      });
    });

    app.get("/overview", { schema: { response: { 200: overviewResponse } } }, async (request) => {
      const office = officeFor(request, inboxPolicy.overview);
      return officeOverview(ctx.db, office.officeId);
    });
  };
