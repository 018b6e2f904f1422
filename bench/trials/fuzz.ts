import { randomUUID } from "node:crypto";
import { ownPostgres } from "./pg-control.ts";
import {
  type Answer,
  call,
  type IdSource,
  looksLikeDate,
  operationsOf,
  pathOf,
  type Schema,
  sample,
} from "./requests.ts";
import { type DatabaseKind, databasesOf, openWorld, recordIds, type TrialUser, tablesFor } from "./world.ts";

/**
 * The fuzz trial: every route the app registers (its `onRoute` list, so a new route is fuzzed without editing this
 * file), called by a user allowed to call it, with the classes of bad input that once answered 500: a NUL character
 * and a lone surrogate in each text field and query parameter, year 0000, month 13 and year 9999 in each date field,
 * huge strings, wrong types, empty, unknown-field and non-object bodies, odd path parameters, and ten identical
 * creations at once. Counts requests and 5xx answers per database; exits 1 on any 5xx.
 *
 *   npm run trials:fuzz [-- --db pglite|postgres]
 */
const NUL = "a\u0000b";
const SURROGATE = "a\ud800b";
const HUGE = "x".repeat(200_000);
const BAD_DATES = ["0000-01-01", "2026-13-01", "9999-12-31", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z"];
// Raw query-string forms: NUL, a lone surrogate as CESU bytes, a cut UTF-8 sequence.
const BAD_QUERY = ["%00", "a%00b", "%ED%A0%80", "%F0", "x".repeat(5_000)];
const BAD_PATH = ["%00", "0000", "%ED%A0%80", "x".repeat(300), randomUUID(), "-1"];
const SKIPPED = new Set(["POST /api/auth/logout"]);

type Leaf = { path: (string | number)[]; schema: Schema; name: string };

/** Every field of a body schema, nested objects and the first item of arrays included. */
function leavesOf(schema: Schema | null, path: (string | number)[] = [], name = "body", depth = 0): Leaf[] {
  if (!schema || depth > 5) return [];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return leavesOf(variant, path, name, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, value]) => [
      ...leavesOf(value, [...path, key], key, depth + 1),
    ]);
  }
  if (type === "array" && schema.items) {
    const inner = leavesOf(schema.items, [...path, 0], name, depth + 1);
    return [{ path, schema, name }, ...inner];
  }
  return [{ path, schema, name }];
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(base) ? [...base] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const object = base && typeof base === "object" && !Array.isArray(base) ? { ...(base as object) } : {};
  (object as Record<string, unknown>)[head!] = withValue(
    (object as Record<string, unknown>)[head!],
    rest,
    value,
  );
  return object;
}

function mutationsOf(leaf: Leaf): { kind: string; value: unknown }[] {
  const type = Array.isArray(leaf.schema.type)
    ? leaf.schema.type.find((t) => t !== "null")
    : leaf.schema.type;
  const out: { kind: string; value: unknown }[] = [
    { kind: "null", value: null },
    { kind: "object", value: { a: 1 } },
  ];
  if (type === "array") return [...out, { kind: "string", value: "abc" }];
  if (type === "number" || type === "integer")
    return [
      ...out,
      { kind: "string", value: "abc" },
      { kind: "huge number", value: 1e308 },
      { kind: "-0", value: -1e-300 },
    ];
  if (type === "boolean") return [...out, { kind: "string", value: "true" }];
  out.push(
    { kind: "NUL", value: NUL },
    { kind: "lone surrogate", value: SURROGATE },
    { kind: "huge string", value: HUGE },
    { kind: "number", value: 12345 },
  );
  if (leaf.schema.format === "date" || leaf.schema.format === "date-time" || looksLikeDate(leaf.name))
    for (const d of BAD_DATES) out.push({ kind: `date ${d}`, value: d });
  return out;
}

async function fuzz(kind: DatabaseKind): Promise<{ requests: number; failures: string[]; routes: number }> {
  const world = await openWorld(kind);
  try {
    const { app, db } = world;
    const operations = await operationsOf(app);
    const pool = await recordIds(db);
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
    let requests = 0;
    const failures: string[] = [];
    const note = (route: string, what: string, answer: Answer) => {
      requests++;
      if (answer.status >= 500)
        failures.push(`${route} — ${what}: ${answer.status} ${answer.body.slice(0, 160)}`);
    };
    const routes = world.routes.filter((r) => !SKIPPED.has(`${r.method} ${r.url}`));
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const op = operations.get(key) ?? { method: route.method, url: route.url, params: [], body: null };
      const hasBody = route.method !== "GET" && route.method !== "DELETE";
      // The caller: the first candidate whose plain call is not refused for who they are.
      let user: TrialUser | null = null;
      let fallback: TrialUser | null = null;
      for (const candidate of candidates) {
        const org = candidate.organisation;
        const body = hasBody ? sample(op.body ?? { type: "object" }, "body", org, ids, today) : undefined;
        const answer = await call(app, candidate, route.method, pathOf(op, org, ids), body);
        note(key, `baseline as ${candidate.role}`, answer);
        if (answer.status >= 200 && answer.status < 300) {
          user = candidate;
          break;
        }
        if (!fallback && ![401, 403, 404].includes(answer.status)) fallback = candidate;
      }
      user ??= fallback ?? candidates[0]!;
      const org = user.organisation;
      const path = pathOf(op, org, ids);
      const baseline = hasBody ? sample(op.body ?? { type: "object" }, "body", org, ids, today) : undefined;
      const fresh = () =>
        hasBody ? sample(op.body ?? { type: "object" }, "body", org, ids, today) : undefined;

      if (hasBody) {
        for (const leaf of leavesOf(op.body)) {
          for (const m of mutationsOf(leaf)) {
            const body = withValue(fresh(), leaf.path, m.value);
            note(key, `${m.kind} in ${leaf.path.join(".")}`, await call(app, user, route.method, path, body));
          }
        }
        for (const [what, body] of [
          ["empty object", {}],
          ["unknown field", { zzUnknown: 1 }],
          ["array", []],
          ["string", "text"],
          ["number", 42],
          ["null", null],
          ["NUL key", { "a\u0000": 1 }],
        ] as const) {
          note(key, `body ${what}`, await call(app, user, route.method, path, body));
        }
        if (route.method === "POST" || route.method === "PUT") {
          const same = baseline;
          const answers = await Promise.all(
            Array.from({ length: 10 }, () => call(app, user, route.method, path, same)),
          );
          for (const a of answers) note(key, "10 identical at once", a);
        }
      }
      for (const param of op.params.filter((p) => p.in === "query")) {
        const values = [...BAD_QUERY, "abc", "-1", "1e999"];
        if (param.schema.format === "date" || looksLikeDate(param.name))
          values.push(...BAD_DATES.map(encodeURIComponent));
        for (const value of values) {
          const url = `${path}?${param.name}=${value}`;
          note(
            key,
            `query ${param.name}=${value.slice(0, 20)}`,
            await call(app, user, route.method, url, hasBody ? baseline : undefined),
          );
        }
        const twice = `${path}?${param.name}=a&${param.name}=b`;
        note(
          key,
          `query ${param.name} twice`,
          await call(app, user, route.method, twice, hasBody ? baseline : undefined),
        );
      }
      for (const name of route.url
        .split("/")
        .filter((s) => s.startsWith(":"))
        .map((s) => s.slice(1))) {
        for (const value of BAD_PATH) {
          const url = pathOf(op, org, ids)
            .split("/")
            .map((s, i) => (route.url.split("/")[i] === `:${name}` ? value : s))
            .join("/");
          note(
            key,
            `path ${name}=${value.slice(0, 20)}`,
            await call(app, user, route.method, url, hasBody ? baseline : undefined),
          );
        }
      }
    }
    return { requests, failures, routes: routes.length };
  } finally {
    await world.close();
  }
}

ownPostgres("fuzz", 54349);
let failed = false;
const summary: string[] = [];
for (const kind of databasesOf(process.argv.slice(2))) {
  const started = performance.now();
  const { requests, failures, routes } = await fuzz(kind);
  for (const f of failures) process.stdout.write(`5xx ${kind}: ${f}\n`);
  const line = `fuzz ${kind}: ${routes} routes, ${requests} requests, ${failures.length} 5xx (${Math.round((performance.now() - started) / 1000)} s)`;
  summary.push(line);
  process.stdout.write(`${line}\n`);
  if (failures.length) failed = true;
}
process.stdout.write(`${summary.join("\n")}\n`);
process.exit(failed ? 1 : 0);
