/**
 * The Mamori server as `mamori start` builds it (same `connect`, same `buildApp`, no web app), with instruments for
 * `bench/api/profile.ts`: every database call and pool checkout is timed and attributed to the HTTP request that made
 * it, the handler's start and end are taken from Fastify's diagnostics channel, Argon2 calls are counted, event-loop
 * delay is sampled, and a V8 CPU profile covers exactly the measured window. Two extra routes outside `/api` start and
 * stop a window: `POST /__profile/start`, `POST /__profile/stop` (answers the collected figures).
 */
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { classifyQuery, type QueryKind, type RequestTrace } from "./profile-types.ts";

const require = createRequire(import.meta.url);

// Patched before the server loads them, so its imports see the wrapped functions.
const argon2 = require("@node-rs/argon2") as Record<string, (...args: unknown[]) => Promise<unknown>>;
let argon2Calls = 0;
for (const name of ["hash", "verify"]) {
  const original = argon2[name]!;
  argon2[name] = (...args: unknown[]) => {
    argon2Calls++;
    return original(...args);
  };
}

type Store = { trace: RequestTrace; t0: number };
const als = new AsyncLocalStorage<Store>();
const TRACE = Symbol("mamori.profile.trace");

/** Records a span on the request that started it (captured at the call: callbacks may run in another's context). */
function note(store: Store | undefined, kind: QueryKind | "pool wait", startedAt: number): void {
  if (!store) return;
  const ms = performance.now() - startedAt;
  const spans = store.trace.spans;
  spans.push({ kind, startMs: startedAt - store.t0, ms });
}

// node-postgres: time each query (promise or callback form) and each pool checkout.
type Callback = (...args: unknown[]) => void;
const pg = require("pg") as {
  Client: { prototype: { query: (...args: unknown[]) => unknown } };
  Pool: { prototype: { connect: (...args: unknown[]) => unknown } };
};
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const config = args[0];
  const text = typeof config === "string" ? config : ((config as { text?: string })?.text ?? "");
  const kind = classifyQuery(text);
  const store = als.getStore();
  const startedAt = performance.now();
  const last = args[args.length - 1];
  if (typeof last === "function") {
    args[args.length - 1] = (...cbArgs: unknown[]) => {
      note(store, kind, startedAt);
      (last as Callback)(...cbArgs);
    };
    return clientQuery.apply(this, args);
  }
  const result = clientQuery.apply(this, args) as Promise<unknown>;
  return result.then(
    (value) => {
      note(store, kind, startedAt);
      return value;
    },
    (error: unknown) => {
      note(store, kind, startedAt);
      throw error;
    },
  );
};
const poolConnect = pg.Pool.prototype.connect;
// An experiment: another pool size than the server's (20), to see what the waits for a connection depend on.
const poolMax = process.env.MAMORI_PROFILE_POOL_MAX ? Number(process.env.MAMORI_PROFILE_POOL_MAX) : null;
pg.Pool.prototype.connect = function (this: { options?: { max?: number } }, ...args: unknown[]) {
  if (poolMax !== null && this.options) this.options.max = poolMax;
  const store = als.getStore();
  const startedAt = performance.now();
  const cb = args[0];
  if (typeof cb === "function") {
    // pg-pool calls back from whichever request released a connection: run the callback (and the query it sends)
    // in the context of the request that asked.
    return poolConnect.call(
      this,
      AsyncResource.bind((...cbArgs: unknown[]) => {
        note(store, "pool wait", startedAt);
        (cb as Callback)(...cbArgs);
      }),
    );
  }
  return (poolConnect.call(this) as Promise<unknown>).then((client) => {
    note(store, "pool wait", startedAt);
    return client;
  });
};

const traces: RequestTrace[] = [];
let recording = false;

diagnostics.subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  const store: Store = {
    t0: performance.now(),
    trace: { method: request.method ?? "", url: request.url ?? "", status: 0, totalMs: 0, spans: [] },
  };
  (request as unknown as Record<symbol, Store>)[TRACE] = store;
  als.enterWith(store);
});
diagnostics.subscribe("http.server.response.finish", (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const store = (request as unknown as Record<symbol, Store | undefined>)[TRACE];
  if (!store || !recording) return;
  store.trace.status = response.statusCode;
  store.trace.totalMs = performance.now() - store.t0;
  traces.push(store.trace);
});
const handlerChannel = diagnostics.tracingChannel("fastify.request.handler");
handlerChannel.subscribe({
  start: (message) => {
    const store = (message as { request: { raw: Record<symbol, Store | undefined> } }).request.raw[TRACE];
    if (store) store.trace.handlerStartMs = performance.now() - store.t0;
  },
  end: () => {},
  asyncStart: (message) => {
    const store = (message as { request: { raw: Record<symbol, Store | undefined> } }).request.raw[TRACE];
    if (store) store.trace.handlerEndMs = performance.now() - store.t0;
  },
  asyncEnd: () => {},
  error: () => {},
});

// PGlite: one database in this process, behind one lock. The wait for the lock is charged like a pool wait; the
// statements of a transaction are timed on the transaction object PGlite hands to Drizzle, and BEGIN and COMMIT
// (run by PGlite itself) from the lock being taken to the callback starting, and from the callback ending to the end.
type Queryable = { query: (...args: unknown[]) => Promise<unknown> };
type PGliteProto = Queryable & {
  _runExclusiveTransaction: (fn: () => Promise<unknown>) => Promise<unknown>;
  transaction: (callback: (tx: Queryable) => Promise<unknown>) => Promise<unknown>;
};
const { PGlite } = await import("@electric-sql/pglite");
const pglite = PGlite.prototype as unknown as PGliteProto;
const acquiredAt = new WeakMap<Store, number>();
const runExclusive = pglite._runExclusiveTransaction;
pglite._runExclusiveTransaction = function (this: unknown, fn: () => Promise<unknown>) {
  const store = als.getStore();
  const startedAt = performance.now();
  return runExclusive.call(this, () => {
    note(store, "pool wait", startedAt);
    if (store) acquiredAt.set(store, performance.now());
    return fn();
  });
};
const timedQuery = (original: Queryable["query"]) =>
  function (this: unknown, ...args: unknown[]) {
    const store = als.getStore();
    const called = performance.now();
    const kind = classifyQuery(typeof args[0] === "string" ? args[0] : "");
    return original.apply(this, args).finally(() => {
      const acquired = store ? acquiredAt.get(store) : undefined;
      note(store, kind, acquired !== undefined && acquired > called ? acquired : called);
    });
  };
pglite.query = timedQuery(pglite.query);
const transaction = pglite.transaction;
pglite.transaction = function (this: unknown, callback: (tx: Queryable) => Promise<unknown>) {
  const store = als.getStore();
  let callbackEnded = 0;
  return transaction
    .call(this, async (tx: Queryable) => {
      const acquired = store ? acquiredAt.get(store) : undefined;
      if (acquired !== undefined) note(store, "begin", acquired);
      const txQuery = tx.query;
      tx.query = function (this: unknown, ...args: unknown[]) {
        const called = performance.now();
        const kind = classifyQuery(typeof args[0] === "string" ? args[0] : "");
        return txQuery.apply(this, args).finally(() => note(store, kind, called));
      };
      try {
        return await callback(tx);
      } finally {
        callbackEnded = performance.now();
      }
    })
    .finally(() => {
      if (callbackEnded) note(store, "commit", callbackEnded);
    });
};

const [{ buildApp }, { loadConfig }, { connect }] = await Promise.all([
  import("../../packages/server/src/app.ts"),
  import("../../packages/server/src/config.ts"),
  import("../../packages/server/src/db/connect.ts"),
]);

const config = loadConfig();
const connection = await connect(config.database);
const app = await buildApp({ db: connection.db, secureCookies: false, logger: false });

const inspector = new Session();
inspector.connect();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
let windowStartedAt = 0;
let argon2AtStart = 0;
let cpuAtStart = process.cpuUsage();

// The proposal of one-statement-write.ts beside the real route, behind the same sign-in hook, validation and response
// schema, so `profile.ts --proposal` can load it the same way.
if (process.env.MAMORI_PROFILE_PROPOSAL === "1") {
  const [{ authorizeFacility }, { recordBody, recordResponse }, { recordInOneStatement }, { AppError }] =
    await Promise.all([
      import("../../packages/server/src/auth/guard.ts"),
      import("@mamori/contract/observations"),
      import("./one-statement-write.ts"),
      import("../../packages/server/src/errors.ts"),
    ]);
  const client = (connection.db as unknown as { $client: import("./one-statement-write.ts").QueryClient })
    .$client;
  const prepared = config.database.kind === "postgres";
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      "/api/observations-proposal",
      { schema: { body: recordBody, response: { 200: recordResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordObservations");
        const entries = request.body.observations;
        const result = await recordInOneStatement(client, prepared, facilityId, user.id, entries);
        if (result.unknown > 0 || result.conflicts > 0) {
          throw new AppError(400, "validation_failed", "unknown person or conflicting id");
        }
        return { saved: result.saved, duplicates: entries.length - result.saved };
      },
    );
}

app.post("/__profile/start", async () => {
  traces.length = 0;
  argon2AtStart = argon2Calls;
  loopDelay.reset();
  loopDelay.enable();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.setSamplingInterval", { interval: 500 });
  await inspector.post("Profiler.start");
  cpuAtStart = process.cpuUsage();
  windowStartedAt = performance.now();
  recording = true;
  return { started: true };
});

app.post("/__profile/stop", async () => {
  recording = false;
  const seconds = (performance.now() - windowStartedAt) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const { profile } = await inspector.post("Profiler.stop");
  loopDelay.disable();
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    cpuSystemSeconds: cpu.system / 1e6,
    argon2Calls: argon2Calls - argon2AtStart,
    eventLoopDelayMs: {
      mean: loopDelay.mean / 1e6,
      p50: loopDelay.percentile(50) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    },
    traces,
    profile,
  };
});

await app.listen({ port: config.port, host: config.host });
process.stdout.write(`Mamori is ready on http://localhost:${config.port} (profiling server)\n`);
const stop = async () => {
  await app.close();
  await connection.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
