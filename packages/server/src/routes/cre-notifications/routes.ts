import {
  caseNotificationResponse,
  caseParams,
  idParams,
  notificationQuery,
  receivedListResponse,
  sendBody,
  sentNotificationResponse,
} from "@mamori/contract/cre-notifications";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { currentUser } from "../../auth/guard.ts";
import { forbidden } from "../../errors.ts";
import { creNotificationPolicy, isRecipient } from "../../policies/cre-notifications.ts";
import { officeOf } from "../../policies/reports.ts";
import { parseOrThrow } from "../cre/field-errors.ts";
import { authorizeHospital } from "../cre/hospital.ts";
import { recordNamed } from "../inbox/record-named.ts";
import {
  healthCentreOf,
  markNotificationRead,
  notificationOfCase,
  notificationsNamed,
  presentNotification,
  receivedNotifications,
  sendCreNotification,
} from "./cre-notifications.ts";

/**
 * The CRE 発生届 sent through the offices' inbox (感染症法 第12条第1項; docs/api.md "CRE notification"): the physician
 * sends a case's form to the hospital's health centre, the health centre reads what it received.
 */
export const creNotificationRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const sent = { schema: { response: { 200: sentNotificationResponse, 201: sentNotificationResponse } } };

    app.post("/", sent, async (request, reply) => {
      const body = parseOrThrow(sendBody, request.body);
      const actor = await authorizeHospital(ctx.db, request, "recordCreClinical");
      if (!creNotificationPolicy.send(actor.user, actor.hospitalId)) throw forbidden();
      const { row, created } = await ctx.db.transaction((tx) =>
        sendCreNotification(tx, actor, body, ctx.clock()),
      );
      return reply.status(created ? 201 : 200).send(await presentNotification(ctx.db, row));
    });

    /** The hospital's view of a case: the notification sent, or the health centre it would go to. */
    app.get(
      "/cases/:caseId",
      { schema: { response: { 200: caseNotificationResponse } } },
      async (request) => {
        const { caseId } = parseOrThrow(caseParams, request.params, ["params"]);
        const actor = await authorizeHospital(ctx.db, request, "readCreCases");
        const row = await notificationOfCase(ctx.db, actor.hospitalId, caseId);
        return {
          notification: row ? await presentNotification(ctx.db, row) : null,
          healthCentre: await healthCentreOf(ctx.db, actor.hospitalId),
          maySend: creNotificationPolicy.send(actor.user, actor.hospitalId),
        };
      },
    );

    /** What a health centre received, newest first, with the unread count. */
    app.get("/", { schema: { response: { 200: receivedListResponse } } }, async (request) => {
      const actor = currentUser(request);
      if (!creNotificationPolicy.inbox(actor)) throw forbidden();
      return receivedNotifications(ctx.db, officeOf(actor)!.officeId);
    });

    /** One notification; a health centre names the hospital (`?facility=`) for an id two hospitals sent it. */
    app.get("/:id", sent, async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const { facility } = parseOrThrow(notificationQuery, request.query, ["querystring"]);
      const actor = currentUser(request);
      const named = await notificationsNamed(ctx.db, actor.organisation.id, { id, hospitalId: facility });
      const row = await recordNamed(
        ctx.db,
        "CRE notification",
        named.filter((n) => creNotificationPolicy.read(actor, n)),
        (n) => n.hospitalId,
      );
      const seen = isRecipient(actor, row) ? await markNotificationRead(ctx.db, row, ctx.clock()) : row;
      return presentNotification(ctx.db, seen);
    });
  };
