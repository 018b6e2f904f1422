import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const NOW = new Date("2027-01-11T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

/** A facility with two residents on 1階 (rooms 102 and 101), one on 2階 (201), a day-service user and a care worker. */
async function outbreakFacility() {
  const f = await makeFacility(ctx.db, {
    roles: ["nurse", "care_worker"],
    people: [
      { kind: "resident", unit: 0 },
      { kind: "resident", unit: 0, baselineTempC: 36.2 },
      { kind: "resident", unit: 1 },
      { kind: "day_service" },
      { kind: "staff" },
    ],
  });
  const [a, b, c] = f.people;
  await ctx.db.update(people).set({ roomId: f.rooms[1]!.id }).where(eq(people.id, a!.id)); // 102
  await ctx.db.update(people).set({ roomId: f.rooms[0]!.id }).where(eq(people.id, b!.id)); // 101
  await ctx.db.update(people).set({ roomId: f.rooms[2]!.id }).where(eq(people.id, c!.id)); // 201
  const nurse = await signIn(ctx.app, f.usernames.nurse!);
  return { f, nurse };
}

async function record(cookie: string, observations: Record<string, unknown>[]) {
  const saved = await ctx.app.inject({
    method: "POST",
    url: "/api/observations",
    headers: { cookie },
    payload: { observations: observations.map((o) => ({ id: randomUUID(), symptoms: [], ...o })) },
  });
  expect(saved.statusCode).toBe(200);
}

const get = (cookie: string, url: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });

describe("GET /api/facilities/:id/forms/weekly (付録4②)", () => {
  it("counts new onsets per column from the stored rounds, residents only, in the facility's days", async () => {
    const { f, nurse } = await outbreakFacility();
    const [a, b, c, d, s] = f.people;
    await record(nurse, [
      { personId: a!.id, at: "2027-01-04T08:00:00+09:00", symptoms: ["vomiting"] },
      { personId: b!.id, at: "2027-01-04T08:10:00+09:00", tempC: 37.2 }, // usual 36.2 + 1.0: fever
      { personId: c!.id, at: "2027-01-05T23:59:00+09:00", symptoms: ["watery_stool"] },
      { personId: d!.id, at: "2027-01-05T10:00:00+09:00", symptoms: ["vomiting"] }, // day service: not on ②
      { personId: s!.id, at: "2027-01-05T10:00:00+09:00", symptoms: ["vomiting"] }, // staff: not on ②
      { personId: a!.id, at: "2027-01-01T08:00:00+09:00", symptoms: ["vomiting"] }, // 3 days before 01-05 …
    ]);
    const response = await get(nurse, `/api/facilities/${f.facility.id}/forms/weekly?weekStart=2027-01-04`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.facility.name).toBe(f.facility.name);
    expect(body.residents).toBe(3);
    expect(body.days[0]).toBe("2027-01-04");
    const rows = Object.fromEntries(
      body.rows.map((r: { column: string; counts: number[] }) => [r.column, r.counts]),
    );
    // a's vomiting on 01-04 follows 01-01 with only two free days between: no new onset.
    expect(rows.vomiting).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rows.fever).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(rows.diarrhea).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it("answers a missing or impossible week start with 400 naming weekStart, and another facility with 404", async () => {
    const { f, nurse } = await outbreakFacility();
    const other = await makeFacility(ctx.db);
    for (const query of ["", "?weekStart=2027-02-30", "?weekStart=04/01/2027"]) {
      const bad = await get(nurse, `/api/facilities/${f.facility.id}/forms/weekly${query}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe("weekStart");
    }
    const asOf = await get(
      nurse,
      `/api/facilities/${f.facility.id}/forms/weekly?weekStart=2027-01-04&asOf=now`,
    );
    expect(asOf.json().error.fields[0].path).toBe("asOf");
    expect(
      (await get(nurse, `/api/facilities/${other.facility.id}/forms/weekly?weekStart=2027-01-04`)).statusCode,
    ).toBe(404);
  });
});

describe("GET /api/facilities/:id/forms/physician-report (付録4③)", () => {
  it("lists the ill with names, floors and rooms in order, marks, the recorded case as 備考, and the tally", async () => {
    const { f, nurse } = await outbreakFacility();
    const [a, b, c, d, s] = f.people;
    await record(nurse, [
      { personId: a!.id, at: "2027-01-05T08:00:00+09:00", symptoms: ["vomiting", "diarrhea"] },
      { personId: b!.id, at: "2027-01-05T08:10:00+09:00", tempC: 38.5, symptoms: ["nausea"] },
      { personId: c!.id, at: "2027-01-06T09:00:00+09:00", symptoms: ["watery_stool"] },
      { personId: d!.id, at: "2027-01-06T10:00:00+09:00", symptoms: ["vomiting"] },
      { personId: s!.id, at: "2027-01-07T10:00:00+09:00", tempC: 38.0 },
      { personId: c!.id, at: "2027-01-08T10:00:00+09:00", symptoms: ["vomiting"] }, // after asOf below: ignored
    ]);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: nurse },
      payload: {
        id: randomUUID(),
        personId: a!.id,
        disease: "norovirus",
        status: "confirmed",
        onsetDate: "2027-01-05",
      },
    });
    expect(created.statusCode).toBe(201);

    const response = await get(
      nurse,
      `/api/facilities/${f.facility.id}/forms/physician-report?from=2027-01-05&days=7&asOf=${encodeURIComponent("2027-01-08T09:00:00+09:00")}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toHaveLength(7);
    expect(
      body.lines.map(
        (l: {
          name: string;
          section: string;
          unitName: string | null;
          room: string | null;
          marks: string[];
        }) => [l.name, l.section, l.unitName, l.room, l.marks.join(",")],
      ),
    ).toEqual([
      [b!.name, "resident", "1階", "101", "●□,,,,,,"],
      [a!.name, "resident", "1階", "102", "◎,,,,,,"],
      [c!.name, "resident", "2階", "201", ",△,,,,,"],
      [s!.name, "care_staff", null, null, ",,●,,,,"],
      [d!.name, "day_service", null, null, ",□,,,,,"],
    ]);
    expect(body.lines[1]).toMatchObject({ consultationDate: null, remarks: "ノロウイルス感染症（確定）" });
    expect(body.lines[0]).toMatchObject({ consultationDate: null, remarks: "" });
    expect(body.tally).toEqual([
      {
        row: `unit:${f.units[0]!.id}`,
        kind: "unit",
        unitName: "1階",
        counts: [2, 0, 0, 0, 0, 0, 0],
        total: 2,
      },
      {
        row: `unit:${f.units[1]!.id}`,
        kind: "unit",
        unitName: "2階",
        counts: [0, 1, 0, 0, 0, 0, 0],
        total: 1,
      },
      { row: "co_located", kind: "co_located", unitName: null, counts: [0, 1, 0, 0, 0, 0, 0], total: 1 },
      { row: "staff", kind: "staff", unitName: null, counts: [0, 0, 1, 0, 0, 0, 0], total: 1 },
    ]);
    // Without asOf (the clock, 01-11) the vomiting of 01-08 is marked; two days after the watery stool it is no new onset.
    const later = (
      await get(nurse, `/api/facilities/${f.facility.id}/forms/physician-report?from=2027-01-05&days=7`)
    ).json();
    expect(later.lines[2].marks).toEqual(["", "△", "", "□", "", "", ""]);
    expect(later.tally[1].total).toBe(1);
  });

  it("takes six days by default and names a bad from or days", async () => {
    const { f, nurse } = await outbreakFacility();
    const ok = await get(nurse, `/api/facilities/${f.facility.id}/forms/physician-report?from=2027-01-05`);
    expect(ok.json().days).toHaveLength(6);
    for (const [query, field] of [
      ["", "from"],
      ["?from=2027-13-01", "from"],
      ["?from=2027-01-05&days=0", "days"],
      ["?from=2027-01-05&days=32", "days"],
      ["?from=2027-01-05&days=two", "days"],
    ] as const) {
      const bad = await get(nurse, `/api/facilities/${f.facility.id}/forms/physician-report${query}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe(field);
    }
  });

  it("is refused to people without access to the facility's records", async () => {
    const { f } = await outbreakFacility();
    const anonymous = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/forms/physician-report?from=2027-01-05`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
