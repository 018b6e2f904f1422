import { randomUUID } from "node:crypto";
import {
  bodyInputs,
  bodyWithField,
  fieldInputs,
  ONE_MB,
  PATH_INPUTS,
  queryInputs,
  typeOf,
} from "./fuzz-inputs.ts";
import { FuzzTally } from "./fuzz-tally.ts";
import { ownPostgres } from "./pg-control.ts";
import { call, type IdSource, operationsOf, pathOf, type Schema, sample } from "./requests.ts";
import {
  type DatabaseKind,
  databasesOf,
  openWorld,
  type Reach,
  reachOf,
  type TrialUser,
  tablesFor,
} from "./world.ts";

/**
 * The fuzz trial: every route the app registers (its `onRoute` list, so a new route is fuzzed without editing this
 * file), called by a user allowed to call it, over HTTP to a real `mamori start` (or in process), with the classes of
 * bad input in fuzz-inputs.ts: in every field of a body by its type, every query and path parameter, and bodies as a
 * whole; ten identical creations at once (one username, where the body has one). Every answer must be < 500 and come
 * within 30 s; a body that must be refused (text/plain, nothing to change …) must not be accepted; a 4xx for a bad
 * field must say what is wrong. Exits 1 on any such failure.
 *
 *   npm run trials:fuzz [-- --db pglite|postgres] [--in-process]
 */
const SKIPPED = new Set(["POST /api/auth/logout"]);

type Leaf = { path: (string | number)[]; schema: Schema; name: string };

/** Every field of a body schema, nested objects and the first item of arrays included. */
function leavesOf(schema: Schema | null, path: (string | number)[] = [], name = "body", depth = 0): Leaf[] {
  if (!schema || depth > 5) return [];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return leavesOf(variant, path, name, depth);
  const type = typeOf(schema);
  if (type === "object" && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, value]) =>
      leavesOf(value, [...path, key], key, depth + 1),
    );
  }
  if (type === "array" && schema.items) {
    const inner = leavesOf(schema.items, [...path, 0], name, depth + 1);
    return [{ path, schema, name }, ...inner];
  }
  return [{ path, schema, name }];
}

/** A path as Mamori's errors write it: `observations[0].note`. */
const pathText = (path: (string | number)[]) =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${k}`)).join("");

async function fuzz(kind: DatabaseKind, reach: Reach): Promise<FuzzTally> {
  const world = await openWorld(kind, reach);
  const tally = new FuzzTally();
  try {
    const { transport } = world;
    const operations = await operationsOf(transport);
    const pool = await world.recordIds();
    const tables = [...new Set(pool.map((p) => p.table))];
    const ids: IdSource = (hint, org) => {
      const candidates = tablesFor(hint, tables);
      return pool.find((p) => candidates.includes(p.table) && p.ownerId === org.id)?.id ?? randomUUID();
    };
    const today = new Date().toISOString().slice(0, 10);
    // One user per role and organisation kind: the first facility, the hospital, the offices, the secretariat.
    const candidates: TrialUser[] = [];
    const seen = new Set<string>();
    for (const u of world.users) {
      const key = `${u.role}/${u.organisation.facilityType ?? u.organisation.kind}`;
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push(u);
      }
    }
    const routes = world.routes.filter((r) => !SKIPPED.has(`${r.method} ${r.url}`));
    tally.routes = routes.length;
    for (const [index, route] of routes.entries()) {
      const key = `${route.method} ${route.url}`;
      const op = operations.get(key) ?? { method: route.method, url: route.url, params: [], body: null };
      const hasBody = route.method !== "GET" && route.method !== "DELETE";
      const fresh = (org: TrialUser["organisation"]) =>
        hasBody ? sample(op.body ?? { type: "object" }, "body", org, ids, today) : undefined;
      // The caller: the first candidate whose plain call is not refused for who they are.
      let user: TrialUser | null = null;
      let fallback: TrialUser | null = null;
      for (const candidate of candidates) {
        const org = candidate.organisation;
        const answer = await call(transport, candidate, route.method, pathOf(op, org, ids), fresh(org));
        tally.note(key, `baseline as ${candidate.role}`, answer);
        if (answer.status >= 200 && answer.status < 300) {
          user = candidate;
          break;
        }
        if (!fallback && ![401, 403, 404].includes(answer.status)) fallback = candidate;
      }
      user ??= fallback ?? candidates[0]!;
      const org = user.organisation;
      const path = pathOf(op, org, ids);
      const send = (url: string, body: unknown) => call(transport, user, route.method, url, body);

      if (hasBody && (route.method === "POST" || route.method === "PUT")) {
        // Ten identical creations at once (first, before the route's rate limit counts the fuzz's calls); a body with
        // a username names a new one, so all ten race for it.
        const body = fresh(org) as Record<string, unknown> | undefined;
        const racing =
          !route.url.startsWith("/api/auth") && body && typeof body === "object" && "username" in body;
        if (racing) body.username = `race-${randomUUID().slice(0, 8)}`;
        const answers = await Promise.all(Array.from({ length: 10 }, () => send(path, body)));
        for (const a of answers) tally.note(key, "10 identical at once", a);
        if (racing) tally.race(key, answers);
      }
      if (hasBody) {
        const leaves = leavesOf(op.body);
        for (const leaf of leaves) {
          const field = pathText(leaf.path);
          for (const input of fieldInputs(leaf.schema, leaf.name)) {
            const answer = await send(path, bodyWithField(fresh(org), leaf.path, input.value));
            tally.note(key, `${input.kind} in ${field}`, answer, {
              field,
              oneMb: input.kind === "1 MB string",
            });
          }
          if (leaf.path.length === 1 && typeOf(leaf.schema) === "string") {
            for (const order of ["first", "last"] as const) {
              const answer = await send(path, bodyWithField(fresh(org), leaf.path, "a\u0000b", order));
              tally.note(key, `${field} twice, NUL ${order}`, answer, { field });
            }
          }
        }
        const valid = JSON.stringify(fresh(org));
        for (const input of bodyInputs(valid)) {
          // A route without a body schema ignores what it is sent.
          const mustRefuse =
            op.body !== null && (input.mustRefuse || (route.method === "PATCH" && input.kind === "{}"));
          tally.note(key, `body ${input.kind}`, await send(path, input.body), { mustRefuse });
        }
      }
      const baseline = fresh(org);
      for (const param of op.params.filter((p) => p.in === "query")) {
        for (const value of queryInputs(param.name, param.schema)) {
          const answer = await send(`${path}?${param.name}=${value}`, baseline);
          tally.note(key, `query ${param.name}=${value.slice(0, 20)}`, answer, {
            field: param.name,
            oneMb: value.length >= ONE_MB,
          });
        }
        const twice = `${path}?${param.name}=a&${param.name}=b`;
        tally.note(key, `query ${param.name} twice`, await send(twice, baseline), { field: param.name });
      }
      const segments = route.url.split("/");
      for (const name of segments.filter((s) => s.startsWith(":")).map((s) => s.slice(1))) {
        for (const value of PATH_INPUTS) {
          const url = path
            .split("/")
            .map((s, i) => (segments[i] === `:${name}` ? value : s))
            .join("/");
          tally.note(key, `path ${name}=${value.slice(0, 20)}`, await send(url, baseline), { field: name });
        }
      }
      if ((index + 1) % 20 === 0)
        process.stderr.write(
          `  fuzz ${kind}: ${index + 1} of ${routes.length} routes, ${tally.requests} requests\n`,
        );
    }
    return tally;
  } finally {
    await world.close();
  }
}

const args = process.argv.slice(2);
const reach = reachOf(args);
ownPostgres("fuzz", 54349);
let failed = false;
const summary: string[] = [];
for (const kind of databasesOf(args)) {
  const started = performance.now();
  const tally = await fuzz(kind, reach);
  for (const problem of tally.problems()) process.stdout.write(`${kind}: ${problem}\n`);
  for (const slow of tally.slowest()) process.stdout.write(`${kind}: slow 400: ${slow}\n`);
  const seconds = Math.round((performance.now() - started) / 1000);
  const line = `fuzz ${kind} (${reach === "http" ? "over HTTP" : "in process"}): ${tally.summary()} (${seconds} s)`;
  summary.push(line);
  process.stdout.write(`${line}\n`);
  if (tally.problems().length) failed = true;
}
process.stdout.write(`${summary.join("\n")}\n`);
process.exit(failed ? 1 : 0);
