import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { AuditEntry } from "../audit/audit.ts";
import type { Database } from "../db/database.ts";
import { users } from "../db/schema/index.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "./test-facility.ts";

/** The instant the walk starts at: Wednesday 2 December 2026, 9:00 in Tokyo. */
export const WALK_NOW = new Date("2026-12-02T09:00:00+09:00");
/** The app's clock during the walk; the second-factor steps move it on by one code step (30 s) each. */
export const walkClock = { now: WALK_NOW };

/** A name and a birth date no audit entry may contain (people/users created by the walk carry them). */
export const WALK_PERSON_NAME = "歩行監査 花子";
export const WALK_BIRTH_DATE = "1938-04-17";
export const NEW_PASSWORD = "walk password two 2026";

export type WalkFixture = Awaited<ReturnType<typeof walkFixture>>;
type Actor = { id: string; cookie: string };
export type ReportingActors = {
  facilityId: string;
  healthCentreId: string;
  municipalityId: string;
  director: Actor;
  hc: Actor;
  muni: Actor;
};

/** The one facility of the walk: a user per facility role (admin with a second factor to reset), people, a unit. */
export async function walkFixture(app: FastifyInstance, db: Database) {
  const f = await makeFacility(db, {
    roles: [
      "admin",
      "nurse",
      "ic_lead",
      "care_worker",
      "director",
      "physician",
      "lab_technologist",
      "ast_member",
    ],
    people: [
      { kind: "resident", unit: 0, baselineTempC: 36.2 },
      { kind: "resident", unit: 0 },
      { kind: "resident", unit: 1 },
      { kind: "staff" },
    ],
  });
  const cookies = {
    admin: await signIn(app, f.usernames.admin!),
    nurse: await signIn(app, f.usernames.nurse!),
    lead: await signIn(app, f.usernames.ic_lead!),
    care: await signIn(app, f.usernames.care_worker!),
    director: await signIn(app, f.usernames.director!),
    physician: await signIn(app, f.usernames.physician!),
    lab: await signIn(app, f.usernames.lab_technologist!),
    ast: await signIn(app, f.usernames.ast_member!),
  };
  const ids: Record<string, string> = {};
  for (const [role, username] of Object.entries(f.usernames)) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    ids[role] = row!.id;
  }
  return {
    ...f,
    db,
    cookies,
    userIds: ids,
    state: {} as Record<string, string>,
    /** The facility of the report steps, made by the first of them. */
    reporting: undefined as ReportingActors | undefined,
  };
}

/** What a step expects of the audit entries its request appends. */
export type WalkExpectation = {
  /** The user the entries name as actor. */
  actor: string;
  organisationId: string;
  action: AuditEntry["action"];
  entity: string | RegExp;
  /** Other entries the write appends beside its own (an episode's closing adds an event to its timeline). */
  also?: { action: AuditEntry["action"]; entity: string }[];
};

export type WalkStep = {
  /** The route as Fastify registered it: method and pattern. */
  route: string;
  /** What the step needs first, done before the audit log is watched. */
  setup?: (app: FastifyInstance, f: WalkFixture) => Promise<void>;
  run: (
    app: FastifyInstance,
    f: WalkFixture,
  ) => Promise<{ response: LightMyRequestResponse } & WalkExpectation>;
};

/** The expected actor and organisation of a step done by the walk facility's user of `role`. */
export const as = (f: WalkFixture, role: string) => ({
  actor: f.userIds[role]!,
  organisationId: f.facility.id,
});

/** One request of a walk step: the cookie of the acting user, a JSON body by default or text of `contentType`. */
export const call = (
  app: FastifyInstance,
  cookie: string,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object | string,
  contentType?: string,
) =>
  app.inject({
    method,
    url,
    headers: { cookie, ...(contentType ? { "content-type": contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

const at = (hour: number) => `2026-12-02T${String(hour).padStart(2, "0")}:00:00+09:00`;

/**
 * The facility's write routes, in an order where each step finds what it needs (a step may use what an earlier one
 * created, through `f.state`). Every step must answer 2xx and append audit entries of the expected action and entity.
 */
export const FACILITY_STEPS: WalkStep[] = [
  {
    route: "PATCH /api/facility",
    run: async (app, f) => ({
      response: await call(app, f.cookies.admin, "PATCH", "/api/facility", { name: `${f.facility.name} 改` }),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "update",
      entity: "facility",
    }),
  },
  {
    route: "POST /api/facility/units",
    run: async (app, f) => {
      const response = await call(app, f.cookies.admin, "POST", "/api/facility/units", {
        name: "3階",
        floor: "3F",
      });
      f.state.unit = response.json().unit?.id;
      return {
        response,
        actor: f.userIds.admin!,
        organisationId: f.facility.id,
        action: "create",
        entity: "unit",
      };
    },
  },
  {
    route: "POST /api/facility/units/:unitId/rooms",
    run: async (app, f) => ({
      response: await call(app, f.cookies.admin, "POST", `/api/facility/units/${f.state.unit}/rooms`, {
        name: "301",
      }),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "create",
      entity: "room",
    }),
  },
  {
    route: "POST /api/people",
    run: async (app, f) => {
      const response = await call(app, f.cookies.admin, "POST", "/api/people", {
        name: WALK_PERSON_NAME,
        kind: "resident",
        birthDate: WALK_BIRTH_DATE,
        unitId: f.units[0]!.id,
      });
      f.state.person = response.json().person?.id;
      return {
        response,
        actor: f.userIds.admin!,
        organisationId: f.facility.id,
        action: "create",
        entity: "person",
      };
    },
  },
  {
    route: "PATCH /api/people/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.admin, "PATCH", `/api/people/${f.state.person}`, {
        name: `${WALK_PERSON_NAME} 様`,
        baselineTempC: 36.4,
      }),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "update",
      entity: "person",
    }),
  },
  {
    route: "POST /api/people/import",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.admin,
        "POST",
        "/api/people/import",
        `name,name_kana,kind,unit,room,baseline_temp_c,birth_date\n${WALK_PERSON_NAME} 二,ホコウ,resident,,,36.5,${WALK_BIRTH_DATE}\n`,
        "text/csv",
      ),
      actor: f.userIds.admin!,
      organisationId: f.facility.id,
      action: "import",
      entity: "person",
    }),
  },
  {
    route: "POST /api/observations",
    run: async (app, f) => {
      f.state.observation = randomUUID();
      const response = await call(app, f.cookies.care, "POST", "/api/observations", {
        observations: [
          { id: f.state.observation, personId: f.people[0]!.id, at: at(8), tempC: 37.8, symptoms: ["cough"] },
          { id: randomUUID(), personId: f.people[1]!.id, at: at(8), tempC: 36.5, symptoms: [] },
        ],
      });
      return {
        response,
        actor: f.userIds.care_worker!,
        organisationId: f.facility.id,
        action: "create",
        entity: "observation",
      };
    },
  },
  {
    route: "PUT /api/observations/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.care, "PUT", `/api/observations/${f.state.observation}`, {
        tempC: 37.9,
        symptoms: ["cough", "sputum"],
        reason: "測り直し",
      }),
      actor: f.userIds.care_worker!,
      organisationId: f.facility.id,
      action: "update",
      entity: "observation",
    }),
  },
  {
    route: "POST /api/observations/withdraw",
    setup: async (app, f) => {
      f.state.withdrawn = randomUUID();
      const saved = await call(app, f.cookies.care, "POST", "/api/observations", {
        observations: [{ id: f.state.withdrawn, personId: f.people[2]!.id, at: at(7), symptoms: [] }],
      });
      if (saved.statusCode !== 200) throw new Error(`setup: ${saved.body}`);
    },
    run: async (app, f) => {
      return {
        response: await call(app, f.cookies.care, "POST", "/api/observations/withdraw", {
          ids: [f.state.withdrawn],
        }),
        actor: f.userIds.care_worker!,
        organisationId: f.facility.id,
        action: "delete",
        entity: "observation",
      };
    },
  },
  {
    route: "POST /api/bath-uses",
    run: async (app, f) => ({
      response: await call(app, f.cookies.care, "POST", "/api/bath-uses", {
        date: "2026-12-02",
        personIds: [f.people[0]!.id, f.people[1]!.id],
      }),
      actor: f.userIds.care_worker!,
      organisationId: f.facility.id,
      action: "create",
      entity: "bath_use",
    }),
  },
  {
    route: "DELETE /api/bath-uses",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.care,
        "DELETE",
        `/api/bath-uses?date=2026-12-02&personId=${f.people[1]!.id}`,
      ),
      actor: f.userIds.care_worker!,
      organisationId: f.facility.id,
      action: "delete",
      entity: "bath_use",
    }),
  },
  {
    route: "POST /api/cases",
    run: async (app, f) => {
      f.state.case = randomUUID();
      const response = await call(app, f.cookies.nurse, "POST", "/api/cases", {
        id: f.state.case,
        personId: f.people[0]!.id,
        syndromeGroup: "RESP",
        status: "suspected",
        onsetDate: "2026-12-02",
      });
      return {
        response,
        actor: f.userIds.nurse!,
        organisationId: f.facility.id,
        action: "create",
        entity: "case",
      };
    },
  },
  {
    route: "PATCH /api/cases/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.nurse, "PATCH", `/api/cases/${f.state.case}`, {
        disease: "influenza",
        status: "confirmed",
        diagnosedDate: "2026-12-02",
      }),
      actor: f.userIds.nurse!,
      organisationId: f.facility.id,
      action: "update",
      entity: "case",
    }),
  },
  {
    route: "POST /api/antibiotics",
    run: async (app, f) => {
      f.state.course = randomUUID();
      const response = await call(app, f.cookies.nurse, "POST", "/api/antibiotics", {
        id: f.state.course,
        personId: f.people[0]!.id,
        drug: "AMPC",
        startDate: "2026-11-28",
      });
      return {
        response,
        actor: f.userIds.nurse!,
        organisationId: f.facility.id,
        action: "create",
        entity: "antibiotic_course",
      };
    },
  },
  {
    route: "PATCH /api/antibiotics/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.nurse, "PATCH", `/api/antibiotics/${f.state.course}`, {
        endDate: "2026-12-02",
      }),
      actor: f.userIds.nurse!,
      organisationId: f.facility.id,
      action: "update",
      entity: "antibiotic_course",
    }),
  },
];

/** Markers of personal data: none may appear in an audit entry's JSON. */
export function personalMarkers(f: WalkFixture): string[] {
  return [
    WALK_PERSON_NAME,
    WALK_BIRTH_DATE,
    // The hospital's patient ids of the CRE steps.
    "W-0001",
    "W-0002",
    TEST_PASSWORD,
    NEW_PASSWORD,
    ...f.people.map((p) => p.name),
    ...Object.values(f.usernames),
    ...Object.values(f.cookies).map((c) => c.split("=")[1]!),
    ...(f.state.username ? [f.state.username] : []),
  ];
}
