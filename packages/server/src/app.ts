import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { codeOfIssue, type IssueDetails } from "@mamori/contract/errors";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { newSecretKey, type SecretBox, secretBox } from "./auth/secret-box.ts";
import { SessionCache } from "./auth/session-cache.ts";
import { findSessionUser, SESSION_COOKIE, type SessionUser } from "./auth/sessions.ts";
import type { Database } from "./db/database.ts";
import { AppError, type FieldError } from "./errors.ts";
import { classifyDatabaseError, databaseFailureError } from "./http/database-errors.ts";
import { assertCleanInput } from "./http/input-guard.ts";
import { assertSameOrigin } from "./http/same-origin.ts";
import { addSecurityHeaders } from "./http/security-headers.ts";
import { alertRoutes } from "./routes/alerts/routes.ts";
import { antibioticRoutes } from "./routes/antibiotics/routes.ts";
import { authRoutes } from "./routes/auth/routes.ts";
import { bathUseRoutes } from "./routes/bath-uses/routes.ts";
import { caseRoutes } from "./routes/cases/routes.ts";
import { creRoutes } from "./routes/cre/routes.ts";
import { creNotificationRoutes } from "./routes/cre-notifications/routes.ts";
import { episodeRoutes } from "./routes/episodes/routes.ts";
import { facilityRoutes } from "./routes/facility/routes.ts";
import { formRoutes } from "./routes/forms/routes.ts";
import { type DatabaseProbe, healthRoutes } from "./routes/health/routes.ts";
import { inboxRoutes } from "./routes/inbox/routes.ts";
import { observationRoutes } from "./routes/observations/routes.ts";
import { peopleRoutes } from "./routes/people/routes.ts";
import { regionRoutes } from "./routes/region/routes.ts";
import { reportTemplateRoutes } from "./routes/report-templates/routes.ts";
import { reportRoutes } from "./routes/reports/routes.ts";
import { roundRoutes } from "./routes/rounds/routes.ts";
import { obligationRoutes, routineRoutes } from "./routes/routine/routes.ts";
import { secondFactorRoutes } from "./routes/second-factor/routes.ts";
import { surveillanceRoutes } from "./routes/surveillance/routes.ts";
import { surveyRoutes } from "./routes/survey/routes.ts";
import { userRoutes } from "./routes/users/routes.ts";

declare module "fastify" {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export type AppOptions = {
  db: Database;
  secureCookies?: boolean;
  /** The instant "now"; tests move it, the server uses the wall clock. */
  clock?: () => Date;
  /**
   * Log requests as JSON lines with a request id, the route pattern (not the URL, whose query may name a person) and
   * the status — never bodies, cookies or query strings: they hold patient data. A level, or false for none.
   */
  logger?: false | "fatal" | "error" | "warn" | "info" | "debug";
  /** Checks the database for `/api/health` (the connection's probe); by default a `select 1`. */
  probe?: DatabaseProbe;
  /** Told of every route as it is registered (the audit walk lists the write routes with it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** Sessions looked up in the last seconds (session-cache.ts); a fresh one per app by default. */
  sessionCache?: SessionCache;
  /**
   * Seals the second-factor secrets at rest (auth/secret-key.ts gives `mamori start` its box); by default a box with a
   * key of this process, for an app in a test or a benchmark.
   */
  secrets?: SecretBox;
  /** Where the built web app is, to be served at `/`. */
  webRoot?: string;
};

/** The key of an app built without one: it lives as long as this process (tests, benchmarks in process). */
const PROCESS_KEY = newSecretKey();

const PUBLIC_ROUTES = new Set(["/api/health", "/api/auth/login"]);
/** What a session still waiting for the second factor, or for its enrolment, may call. */
const SIGN_IN_STEP_ROUTES: Record<"second_factor" | "enrolment", ReadonlySet<string>> = {
  second_factor: new Set(["/api/auth/me", "/api/auth/logout", "/api/auth/second-factor/verify"]),
  enrolment: new Set([
    "/api/auth/me",
    "/api/auth/logout",
    "/api/auth/second-factor/enrolment",
    "/api/auth/second-factor/enrolment/confirm",
  ]),
};

/** Turns fastify's `/observations/2/tempC` into `observations[2].tempC`. */
function pathFromInstancePath(instancePath: string): string {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((key, i) => (/^\d+$/.test(key) ? `[${key}]` : `${i === 0 ? "" : "."}${key}`))
    .join("");
}

/** Fastify's router's limit of one path parameter (its default); ids are far shorter. */
const MAX_PATH_PARAMETER_LENGTH = 100;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logger,
          serializers: {
            req: (request) => ({ id: request.id, method: request.method, route: request.routeOptions?.url }),
            res: (reply) => ({ statusCode: reply.statusCode }),
          },
        }
      : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Before routing: a path that is not valid percent-encoding, or a path parameter longer than the router takes.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      return (reply as unknown as FastifyReply).status(tooLong ? 414 : 400).send({
        error: {
          id: tooLong ? "path_too_long" : "bad_path",
          message: tooLong ? "A part of the address is too long." : "The address is not valid.",
          fields: [
            tooLong
              ? {
                  path: "path",
                  code: "too_long",
                  params: { max: MAX_PATH_PARAMETER_LENGTH },
                  message: "too long",
                }
              : { path: "path", code: "invalid", params: {}, message: "not valid percent-encoding" },
          ],
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("user", null);
  const onRoute = options.onRoute;
  if (onRoute) app.addHook("onRoute", (route) => onRoute({ method: route.method, url: route.url }));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { id: error.id, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldError[] = error.validation.map((v) => ({
        path: pathFromInstancePath(v.instancePath) || (error.validationContext ?? "body"),
        ...codeOfIssue({ ...(v.params as Omit<IssueDetails, "code">), code: v.keyword, message: v.message }),
        message: v.message ?? "invalid",
      }));
      return reply.status(400).send({
        error: {
          id: "validation_failed",
          message: `Invalid input: ${fields.map((f) => f.path).join(", ")}`,
          fields,
        },
      });
    }
    const failure = classifyDatabaseError(error);
    if (failure) {
      const answer = databaseFailureError(failure);
      if (failure === "unavailable")
        request.log.warn({ route: request.routeOptions.url }, "database unavailable");
      if (answer.status === 503) reply.header("retry-after", "5");
      return reply.status(answer.status).send({ error: { id: answer.id, message: answer.message } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (error as { code?: string }).code;
      const id = status === 413 ? "body_too_large" : status === 429 ? "too_many_requests" : "bad_request";
      return reply
        .status(status)
        .send({ error: { id, message: code === undefined ? (error as Error).message : id } });
    }
    request.log.error({ err: error, route: request.routeOptions.url }, "unhandled error");
    return reply
      .status(500)
      .send({ error: { id: "internal", message: "Something went wrong on the server." } });
  });

  addSecurityHeaders(app, { behindTls: options.secureCookies ?? false });
  // Answers of the API carry personal data: no browser or proxy may keep them.
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
  // Before sign-in is checked: a call that another origin could forge is refused whoever sends it.
  app.addHook("onRequest", async (request) => {
    if (request.url.startsWith("/api/")) assertSameOrigin(request);
  });
  app.addHook("preValidation", async (request) => {
    assertCleanInput(request);
  });

  await app.register(cookie);
  // preHandler, so the sign-in limit can key on the username in the body.
  await app.register(rateLimit, { global: false, hook: "preHandler" });
  await app.register(swagger, {
    openapi: { info: { title: "Mamori API", version: "1" } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const sessionCache = options.sessionCache ?? new SessionCache();
  app.addHook("onSend", async (request, reply) => {
    // Before the answer leaves, after the handler's transaction committed: the next request already sees the change.
    sessionCache.clearAfterWrite(request.method, request.routeOptions.url, reply.statusCode);
  });
  app.addHook("onRequest", async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith("/api/") || PUBLIC_ROUTES.has(url) || url.startsWith("/api/docs")) return;
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await findSessionUser(options.db, token, clock(), sessionCache) : null;
    if (!request.user) throw new AppError(401, "unauthenticated", "Sign in first.");
    const stage = request.user.stage;
    if (stage !== "complete" && !SIGN_IN_STEP_ROUTES[stage].has(url)) {
      throw stage === "second_factor"
        ? new AppError(401, "second_factor_required", "Enter the code of your authenticator app first.")
        : new AppError(403, "second_factor_enrolment_required", "Set up two-step sign-in first.");
    }
  });

  const context: RouteContext = {
    db: options.db,
    clock,
    secureCookies: options.secureCookies ?? false,
    secrets: options.secrets ?? secretBox(PROCESS_KEY),
  };
  await app.register(healthRoutes(options.db, options.probe), { prefix: "/api" });
  await app.register(authRoutes(context), { prefix: "/api/auth" });
  await app.register(secondFactorRoutes(context), { prefix: "/api/auth/second-factor" });
  await app.register(facilityRoutes(context), { prefix: "/api/facility" });
  await app.register(peopleRoutes(context), { prefix: "/api/people" });
  await app.register(observationRoutes(context), { prefix: "/api/observations" });
  await app.register(roundRoutes(context), { prefix: "/api/rounds" });
  await app.register(userRoutes(context), { prefix: "/api/users" });
  await app.register(caseRoutes(context), { prefix: "/api/cases" });
  await app.register(antibioticRoutes(context), { prefix: "/api/antibiotics" });
  await app.register(bathUseRoutes(context), { prefix: "/api/bath-uses" });
  await app.register(alertRoutes(context), { prefix: "/api/facilities" });
  await app.register(formRoutes(context), { prefix: "/api/facilities" });
  await app.register(surveillanceRoutes(context), { prefix: "/api/facilities" });
  await app.register(creRoutes(context), { prefix: "/api/cre" });
  await app.register(surveyRoutes(context), { prefix: "/api/survey" });
  await app.register(routineRoutes(context), { prefix: "/api/routine" });
  await app.register(obligationRoutes(context), { prefix: "/api/facilities" });
  await app.register(episodeRoutes(context), { prefix: "/api/facilities" });
  await app.register(reportRoutes(context), { prefix: "/api/reports" });
  await app.register(inboxRoutes(context), { prefix: "/api/inbox" });
  await app.register(creNotificationRoutes(context), { prefix: "/api/cre-notifications" });
  await app.register(regionRoutes(context), { prefix: "/api/region" });
  await app.register(reportTemplateRoutes(context), { prefix: "/api/report-template" });

  if (options.webRoot) {
    const { default: fastifyStatic } = await import("@fastify/static");
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false });
    // The web app routes on the client: any other non-API path gets its index page.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.status(404).send({ error: { id: "not_found", message: "No such endpoint." } });
      }
      return reply.sendFile("index.html");
    });
  }
  return app;
}

export type RouteContext = { db: Database; clock: () => Date; secureCookies: boolean; secrets: SecretBox };
