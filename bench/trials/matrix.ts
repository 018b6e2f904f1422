import { randomUUID } from "node:crypto";
import { ownPostgres } from "./pg-control.ts";
import { call, type IdSource, operationsOf, pathOf, sample } from "./requests.ts";
import { type DatabaseKind, databasesOf, openWorld, type Reach, reachOf, tablesFor } from "./world.ts";

/**
 * The matrix trial: users of every role of every organisation of the demo (both facilities, the hospital, the two
 * health centres, the two municipalities, the secretariat) call every GET route the app registers, with the ids of
 * every organisation's records. First each organisation's users create records through every POST route, their text
 * carrying the organisation's marker. A leak is an answer that shows the marker of an organisation the caller has no
 * business with, or a 200 for an id of such an organisation. An organisation's business: its own records, the
 * offices it reports to, the facilities reporting to it (an office), the hospitals' survey answers (the secretariat).
 * Exits 1 on any leak.
 *
 * Over HTTP to a real `mamori start` by default, in process with `--in-process`.
 *
 *   npm run trials:matrix [-- --db pglite|postgres] [--in-process]
 */
async function matrix(kind: DatabaseKind, reach: Reach) {
  const world = await openWorld(kind, reach);
  try {
    const { transport, organisations, related } = world;
    const operations = await operationsOf(transport);
    let pool = await world.recordIds();
    const tables = () => [...new Set(pool.map((p) => p.table))];
    const ids: IdSource = (hint, org) => {
      const candidates = tablesFor(hint, tables());
      return pool.find((p) => candidates.includes(p.table) && p.ownerId === org.id)?.id ?? randomUUID();
    };
    const today = new Date().toISOString().slice(0, 10);
    const byId = new Map(organisations.map((o) => [o.id, o]));

    // Records of every organisation: each POST route once per organisation, by the first of its users it lets in;
    // the routes on a record (`/:id/...`) after the records exist.
    let created = 0;
    const posts = world.routes.filter((r) => r.method === "POST" && !r.url.startsWith("/api/auth"));
    for (const pass of [false, true]) {
      for (const route of posts.filter((r) => r.url.includes("/:") === pass)) {
        const op = operations.get(`POST ${route.url}`) ?? {
          method: "POST",
          url: route.url,
          params: [],
          body: null,
        };
        for (const org of organisations) {
          for (const user of world.users.filter((u) => u.organisation.id === org.id)) {
            const body = sample(op.body ?? { type: "object" }, "body", org, ids, today);
            const answer = await call(transport, user, "POST", pathOf(op, org, ids), body);
            if (answer.status < 300) {
              created++;
              break;
            }
          }
        }
      }
      pool = await world.recordIds();
    }

    let requests = 0;
    // Checks of the check: answers showing the caller's own marker, and 200s for a related organisation's id.
    let ownSeen = 0;
    let otherIdsAllowed = 0;
    const leaks: string[] = [];
    const gets = world.routes.filter((r) => r.method === "GET" && r.url !== "/api/health");
    for (const user of world.users) {
      const viewer = user.organisation;
      const foreignMarkers = organisations.filter((o) => !related(viewer, o)).map((o) => o.marker);
      const check = async (what: string, url: string, owner: string | null) => {
        const answer = await call(transport, user, "GET", url);
        requests++;
        const ownerOrg = owner ? byId.get(owner) : undefined;
        if (answer.status === 200 && ownerOrg && !related(viewer, ownerOrg))
          leaks.push(`${user.username} (${user.role}): 200 for ${what} of ${ownerOrg.name}`);
        if (answer.body.includes(viewer.marker)) ownSeen++;
        if (answer.status === 200 && ownerOrg && ownerOrg.id !== viewer.id) otherIdsAllowed++;
        const shown = foreignMarkers.filter((m) => answer.body.includes(m));
        if (shown.length)
          leaks.push(
            `${user.username} (${user.role}): ${what} shows ${shown.map((m) => organisations.find((o) => o.marker === m)!.name).join(", ")}`,
          );
      };
      for (const route of gets) {
        const op = operations.get(`GET ${route.url}`) ?? {
          method: "GET",
          url: route.url,
          params: [],
          body: null,
        };
        const segments = route.url.split("/");
        const params = segments.flatMap((s, i) =>
          s.startsWith(":") ? [{ name: s.slice(1), before: segments[i - 1]! }] : [],
        );
        if (params.length === 0) {
          await check(route.url, route.url, null);
          continue;
        }
        // The last parameter takes every organisation's ids; the others are the caller's own.
        const last = params.at(-1)!;
        const targets =
          last.name === "facilityId"
            ? organisations.map((o) => ({ id: o.id, owner: o.id }))
            : (() => {
                const candidates = tablesFor(last.name === "id" ? last.before : last.name, tables());
                return pool
                  .filter((p) => candidates.includes(p.table))
                  .map((p) => ({ id: p.id, owner: p.ownerId }));
              })();
        for (const target of targets) {
          // An earlier parameter that names the facility follows the record's owner (`/facilities/:f/episodes/:id`).
          const owner = byId.get(target.owner) ?? viewer;
          const url = pathOf(op, owner, ids, {
            [last.name]: target.id,
            ...(last.name === "facilityId" ? {} : { facilityId: owner.id }),
          });
          await check(`${route.url} (${last.name})`, url, target.owner);
        }
      }
    }
    process.stdout.write(`tables with records: ${tables().join(", ")}\n`);
    return {
      requests,
      leaks,
      created,
      ownSeen,
      otherIdsAllowed,
      users: world.users.length,
      organisations: organisations.length,
    };
  } finally {
    await world.close();
  }
}

const args = process.argv.slice(2);
const reach = reachOf(args);
ownPostgres("matrix", 54350);
let failed = false;
const summary: string[] = [];
for (const kind of databasesOf(args)) {
  const started = performance.now();
  const r = await matrix(kind, reach);
  for (const leak of r.leaks) process.stdout.write(`leak ${kind}: ${leak}\n`);
  const line =
    `matrix ${kind} (${reach === "http" ? "over HTTP" : "in process"}): ${r.users} users of ${r.organisations} organisations, ${r.created} records created, ` +
    `${r.requests} GET requests (${r.ownSeen} showing the caller's own marker, ${r.otherIdsAllowed} 200s for a ` +
    `related organisation's id), ${r.leaks.length} leaks (${Math.round((performance.now() - started) / 1000)} s)`;
  summary.push(line);
  process.stdout.write(`${line}\n`);
  if (r.leaks.length) failed = true;
}
process.stdout.write(`${summary.join("\n")}\n`);
process.exit(failed ? 1 : 0);
