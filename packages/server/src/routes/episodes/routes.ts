import {
  closeBody,
  episodeCreateBody,
  episodeDetailResponse,
  episodeListResponse,
  episodeParams,
  episodesQuery,
  facilityParams,
  linkCaseBody,
  linkParams,
  measureCreateBody,
  reopenBody,
  resolveLinkBody,
} from "@mamori/contract/episodes";
import type { Permission } from "@mamori/contract/permissions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { notFound } from "../../errors.ts";
import { closeEpisode, reopenEpisode } from "./close-episode.ts";
import { linkCase, resolveLinkedCase } from "./episode-case-links.ts";
import { listEpisodes, presentDetail } from "./episode-present.ts";
import { facilityFrame, findEpisode } from "./episode-store.ts";
import { openEpisode } from "./open-episode.ts";
import { recordMeasure } from "./record-measure.ts";

/**
 * Outbreak episodes of a facility (facility-surveillance.md §4.3, manual §4 and p.56): opened from an alert or by hand,
 * their cases, the measures taken with who and when, the countdown to the end, and the committee's closing.
 */
export const episodeRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const actorFor = (
      request: Parameters<typeof authorizeFacility>[0] & { params: { facilityId: string } },
      permission: Permission,
    ) => {
      const actor = authorizeFacility(request, permission);
      if (request.params.facilityId !== actor.facilityId) throw notFound("Facility");
      return actor;
    };
    const detail = { 200: episodeDetailResponse, 201: episodeDetailResponse };

    app.get(
      "/:facilityId/episodes",
      {
        schema: {
          params: facilityParams,
          querystring: episodesQuery,
          response: { 200: episodeListResponse },
        },
      },
      async (request) => {
        const actor = actorFor(request, "readCareRecords");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        return listEpisodes(ctx.db, frame, request.query.state);
      },
    );

    app.get(
      "/:facilityId/episodes/:id",
      { schema: { params: episodeParams, response: { 200: episodeDetailResponse } } },
      async (request) => {
        const actor = actorFor(request, "readCareRecords");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        return presentDetail(ctx.db, frame, await findEpisode(ctx.db, frame.id, request.params.id));
      },
    );

    app.post(
      "/:facilityId/episodes",
      { schema: { params: facilityParams, body: episodeCreateBody, response: detail } },
      async (request, reply) => {
        const actor = actorFor(request, "recordEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        const { row, created } = await openEpisode(ctx.db, frame, actor, request.body);
        return reply.status(created ? 201 : 200).send(await presentDetail(ctx.db, frame, row));
      },
    );

    app.post(
      "/:facilityId/episodes/:id/measures",
      { schema: { params: episodeParams, body: measureCreateBody, response: detail } },
      async (request, reply) => {
        const actor = actorFor(request, "recordEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        const { created } = await recordMeasure(ctx.db, frame, actor, request.params.id, request.body);
        const row = await findEpisode(ctx.db, frame.id, request.params.id);
        return reply.status(created ? 201 : 200).send(await presentDetail(ctx.db, frame, row));
      },
    );

    app.post(
      "/:facilityId/episodes/:id/cases",
      { schema: { params: episodeParams, body: linkCaseBody, response: detail } },
      async (request, reply) => {
        const actor = actorFor(request, "recordEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        const { created } = await linkCase(ctx.db, frame, actor, request.params.id, request.body);
        const row = await findEpisode(ctx.db, frame.id, request.params.id);
        return reply.status(created ? 201 : 200).send(await presentDetail(ctx.db, frame, row));
      },
    );

    app.patch(
      "/:facilityId/episodes/:id/cases/:linkId",
      { schema: { params: linkParams, body: resolveLinkBody, response: { 200: episodeDetailResponse } } },
      async (request) => {
        const actor = actorFor(request, "recordEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        const { id, linkId } = request.params;
        await resolveLinkedCase(ctx.db, frame, actor, id, linkId, request.body.resolvedDate);
        return presentDetail(ctx.db, frame, await findEpisode(ctx.db, frame.id, id));
      },
    );

    app.post(
      "/:facilityId/episodes/:id/close",
      { schema: { params: episodeParams, body: closeBody, response: { 200: episodeDetailResponse } } },
      async (request) => {
        const actor = actorFor(request, "closeEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        await closeEpisode(ctx.db, frame, actor, request.params.id, request.body);
        return presentDetail(ctx.db, frame, await findEpisode(ctx.db, frame.id, request.params.id));
      },
    );

    app.post(
      "/:facilityId/episodes/:id/reopen",
      { schema: { params: episodeParams, body: reopenBody, response: { 200: episodeDetailResponse } } },
      async (request) => {
        const actor = actorFor(request, "closeEpisodes");
        const frame = await facilityFrame(ctx.db, actor.facilityId, ctx.clock());
        await reopenEpisode(ctx.db, frame, actor, request.params.id, request.body.reason);
        return presentDetail(ctx.db, frame, await findEpisode(ctx.db, frame.id, request.params.id));
      },
    );
  };
