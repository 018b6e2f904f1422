import { randomUUID } from "node:crypto";
import { PERMISSIONS, type Role } from "@mamori/contract/permissions";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/create-user.ts";
import { organisations } from "../db/schema/index.ts";
import { newCaseBody } from "../routes/cre/cre-test-support.ts";
import { FACILITY_ROLES } from "../test/report-fixtures.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../test/test-facility.ts";

// Who may call what, one representative read and write per resource, for every role of a facility, a hospital and the
// offices; and every one of them gets for another organisation's record what an unknown id gets (404, or 403 where the
// role may not call the route at all). The trials (bench/trials) walk every route; this keeps the boundary in the suite.
const ctx = useTestApp();
const HOSPITAL_ROLES: Role[] = ["physician", "lab_technologist", "ast_member", "admin"];
type Caller = {
  label: string;
  role: Role;
  kind: "facility" | "hospital" | "office" | "secretariat";
  cookie: string;
};
const callers: Caller[] = [];
let a: Awaited<ReturnType<typeof makeFacility>>;
let b: Awaited<ReturnType<typeof makeFacility>>;
let hospitalId: string;
const other: Record<string, string> = {};

async function officer(organisationId: string, role: Role): Promise<string> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  await createUser(ctx.db, {
    organisationId,
    username,
    displayName: username,
    role,
    password: TEST_PASSWORD,
  });
  return signIn(ctx.app, username);
}
const call = (cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  a = await makeFacility(ctx.db, { roles: FACILITY_ROLES });
  b = await makeFacility(ctx.db, { roles: ["nurse", "director"] });
  const hospital = await makeFacility(ctx.db, { roles: HOSPITAL_ROLES });
  hospitalId = hospital.facility.id;
  const { eq } = await import("drizzle-orm");
  await ctx.db
    .update(organisations)
    .set({ facilityType: "hospital" })
    .where(eq(organisations.id, hospitalId));
  for (const role of FACILITY_ROLES)
    callers.push({
      label: `facility ${role}`,
      role,
      kind: "facility",
      cookie: await signIn(ctx.app, a.usernames[role]!),
    });
  for (const role of HOSPITAL_ROLES)
    callers.push({
      label: `hospital ${role}`,
      role,
      kind: "hospital",
      cookie: await signIn(ctx.app, hospital.usernames[role]!),
    });
  callers.push(
    {
      label: "health centre",
      role: "health_centre_officer",
      kind: "office",
      cookie: await officer(a.healthCentre.id, "health_centre_officer"),
    },
    {
      label: "municipality",
      role: "municipal_officer",
      kind: "office",
      cookie: await officer(a.municipality.id, "municipal_officer"),
    },
    {
      label: "other health centre",
      role: "health_centre_officer",
      kind: "office",
      cookie: await officer(b.healthCentre.id, "health_centre_officer"),
    },
    {
      label: "other municipality",
      role: "municipal_officer",
      kind: "office",
      cookie: await officer(b.municipality.id, "municipal_officer"),
    },
  );
  const [secretariat] = await ctx.db
    .insert(organisations)
    .values({ kind: "secretariat", name: `事務局 ${randomUUID()}` })
    .returning();
  callers.push({
    label: "secretariat",
    role: "secretariat",
    kind: "secretariat",
    cookie: await officer(secretariat!.id, "secretariat"),
  });

  // Records of facility B (and of a hospital of B's own): a person, an observation, a case, an episode, a CRE case.
  const nurse = await signIn(ctx.app, b.usernames.nurse!);
  other.person = b.people[0]!.id;
  other.observation = randomUUID();
  expect(
    (
      await call(nurse, "POST", "/api/observations", {
        observations: [
          { id: other.observation, personId: other.person, at: new Date().toISOString(), symptoms: [] },
        ],
      })
    ).statusCode,
  ).toBe(200);
  other.case = randomUUID();
  expect(
    (
      await call(nurse, "POST", "/api/cases", {
        id: other.case,
        personId: other.person,
        disease: "norovirus",
        status: "suspected",
        onsetDate: new Date().toISOString().slice(0, 10),
      })
    ).statusCode,
  ).toBe(201);
  other.episode = randomUUID();
  const director = await signIn(ctx.app, b.usernames.director!);
  expect(
    (
      await call(director, "POST", `/api/facilities/${b.facility.id}/episodes`, {
        id: other.episode,
        subject: { group: "GI" },
      })
    ).statusCode,
  ).toBe(201);
  const otherHospital = await makeFacility(ctx.db, { roles: ["lab_technologist"] });
  await ctx.db
    .update(organisations)
    .set({ facilityType: "hospital" })
    .where(eq(organisations.id, otherHospital.facility.id));
  const lab = await signIn(ctx.app, otherHospital.usernames.lab_technologist!);
  const creCase = newCaseBody();
  expect((await call(lab, "POST", "/api/cre/cases", creCase)).statusCode).toBe(201);
  other.creCase = creCase.id;
}, 60_000);

const readers = (kind: Caller["kind"], roles: readonly Role[]) => (c: Caller) =>
  c.kind === kind && roles.includes(c.role);
const officers = (c: Caller) => c.kind === "office";
const today = () => new Date().toISOString().slice(0, 10);
// The care facility's round and records: its own staff only; a hospital's staff (a facility too, doing CRE
// stewardship) and the offices are refused, as the navigation hides them (PERMISSIONS.readCareRecords, care_facility).
const careStaff = readers("facility", PERMISSIONS.readCareRecords.roles);

describe("who may read what", () => {
  const reads: { name?: string; url: () => string; allowed: (c: Caller) => boolean }[] = [
    {
      name: "/api/facility",
      url: () => "/api/facility",
      allowed: (c) =>
        readers("facility", PERMISSIONS.readFacility.roles)(c) ||
        readers("hospital", PERMISSIONS.readFacility.roles)(c),
    },
    { url: () => "/api/people", allowed: careStaff },
    {
      name: "/api/observations",
      url: () => `/api/observations?personId=${a.people[0]!.id}&from=${today()}&to=${today()}`,
      allowed: careStaff,
    },
    {
      name: "/api/rounds",
      url: () => `/api/rounds?unitId=${a.units[0]!.id}&date=${today()}`,
      allowed: careStaff,
    },
    { url: () => "/api/cases", allowed: careStaff },
    { url: () => "/api/antibiotics", allowed: careStaff },
    { name: "/api/bath-uses", url: () => `/api/bath-uses?from=${today()}&to=${today()}`, allowed: careStaff },
    { url: () => "/api/routine/settings", allowed: careStaff },
    {
      name: "/api/facilities/:facilityId/obligations",
      url: () => `/api/facilities/${a.facility.id}/obligations`,
      allowed: readers("facility", PERMISSIONS.readObligations.roles),
    },
    {
      name: "/api/facilities/:facilityId/alerts",
      url: () => `/api/facilities/${a.facility.id}/alerts`,
      allowed: careStaff,
    },
    {
      name: "/api/facilities/:facilityId/line-list",
      url: () => `/api/facilities/${a.facility.id}/line-list`,
      allowed: careStaff,
    },
    {
      name: "/api/facilities/:facilityId/forms/weekly",
      url: () => `/api/facilities/${a.facility.id}/forms/weekly?weekStart=${today()}`,
      allowed: careStaff,
    },
    {
      name: "/api/facilities/:facilityId/episodes",
      url: () => `/api/facilities/${a.facility.id}/episodes`,
      allowed: careStaff,
    },
    { url: () => "/api/inbox", allowed: officers },
    { url: () => "/api/region", allowed: (c) => c.kind === "office" && c.role === "health_centre_officer" },
    { url: () => "/api/cre/cases", allowed: readers("hospital", PERMISSIONS.readCreCases.roles) },
  ];
  for (const read of reads)
    it(`GET ${read.name ?? read.url()}: 2xx for the allowed, 403 or 404 for the rest`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, string> = {};
      for (const c of callers) {
        const status = (await call(c.cookie, "GET", read.url())).statusCode;
        got[c.label] = status;
        want[c.label] = read.allowed(c) ? "2xx" : "403/404";
      }
      const seen = Object.fromEntries(
        Object.entries(got).map(([k, s]) => [
          k,
          s < 300 ? "2xx" : [403, 404].includes(s) ? "403/404" : String(s),
        ]),
      );
      expect(seen).toEqual(want);
    });

  it("says why a hospital's physician is refused the care facility's round, and a care home's its CRE cases", async () => {
    const byLabel = (label: string) => callers.find((c) => c.label === label)!.cookie;
    const round = await call(byLabel("hospital physician"), "GET", "/api/people");
    expect(round.statusCode).toBe(403);
    expect(round.json().error.id).toBe("not_a_care_facility");
    const cre = await call(byLabel("facility physician"), "GET", "/api/cre/cases");
    expect(cre.statusCode).toBe(403);
    expect(cre.json().error.id).toBe("not_a_hospital");
    const office = await call(byLabel("health centre"), "GET", "/api/people");
    expect(office.json().error.id).toBe("forbidden");
  });
});

describe("who may write what", () => {
  // The round's writes are the care facility's: a hospital's staff are refused them as the offices are.
  const writes: { name: string; body: () => object; allowed: readonly Role[] }[] = [
    {
      name: "/api/people",
      body: () => ({ name: `入居者 ${randomUUID()}`, kind: "resident" }),
      allowed: PERMISSIONS.managePeople.roles,
    },
    {
      name: "/api/observations",
      body: () => ({
        observations: [
          { id: randomUUID(), personId: a.people[0]!.id, at: new Date().toISOString(), symptoms: [] },
        ],
      }),
      allowed: PERMISSIONS.recordObservations.roles,
    },
    {
      name: "/api/cases",
      body: () => ({
        id: randomUUID(),
        personId: a.people[1]!.id,
        disease: "norovirus",
        status: "suspected",
        onsetDate: today(),
      }),
      allowed: PERMISSIONS.recordCases.roles,
    },
  ];
  for (const write of writes)
    it(`POST ${write.name}: the allowed roles write, everyone else is refused (400, 403 or 404)`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const c of callers) {
        const status = (await call(c.cookie, "POST", write.name, write.body())).statusCode;
        got[c.label] =
          status < 300 ? "written" : [400, 403, 404].includes(status) ? "refused" : String(status);
        want[c.label] = c.kind === "facility" && write.allowed.includes(c.role) ? "written" : "refused";
      }
      expect(got).toEqual(want);
    });
});

describe("another organisation's record answers as an unknown id does", () => {
  const probes: {
    what: string;
    request: (id: string) => ["GET" | "PATCH" | "POST", string, object?];
    id: () => string;
  }[] = [
    {
      what: "a person (PATCH)",
      request: (id) => ["PATCH", `/api/people/${id}`, { name: "x" }],
      id: () => other.person!,
    },
    {
      what: "an observation's history",
      request: (id) => ["GET", `/api/observations/${id}/history`],
      id: () => other.observation!,
    },
    {
      what: "a case (PATCH)",
      request: (id) => ["PATCH", `/api/cases/${id}`, { remarks: "x" }],
      id: () => other.case!,
    },
    {
      what: "an episode",
      request: (id) => ["GET", `/api/facilities/${b.facility.id}/episodes/${id}`],
      id: () => other.episode!,
    },
    {
      what: "a facility's alerts",
      request: (id) => ["GET", `/api/facilities/${id}/alerts`],
      id: () => b.facility.id,
    },
    { what: "a CRE case", request: (id) => ["GET", `/api/cre/cases/${id}`], id: () => other.creCase! },
    {
      what: "a CRE case's notification",
      request: (id) => ["GET", `/api/cre-notifications/cases/${id}`],
      id: () => other.creCase!,
    },
  ];
  for (const probe of probes)
    it(`${probe.what}: the same answer as for an unknown id (403 or 404, or an empty 200), for every role`, async () => {
      const differences: string[] = [];
      for (const c of callers) {
        const [method, url, body] = probe.request(probe.id());
        const [, unknownUrl, unknownBody] = probe.request(randomUUID());
        const real = await call(c.cookie, method, url, body);
        const unknown = await call(c.cookie, method, unknownUrl, unknownBody);
        // A 200 is fine only when it says no more than it says of an unknown id.
        const uuids = /[0-9a-f]{8}-[0-9a-f-]{27}/g;
        const same =
          real.statusCode === unknown.statusCode &&
          (real.statusCode >= 300
            ? [403, 404].includes(real.statusCode)
            : real.body.replace(uuids, "") === unknown.body.replace(uuids, ""));
        if (!same)
          differences.push(
            `${c.label}: ${real.statusCode} ${real.body.slice(0, 80)} (unknown id ${unknown.statusCode})`,
          );
      }
      expect(differences).toEqual([]);
    });
});
