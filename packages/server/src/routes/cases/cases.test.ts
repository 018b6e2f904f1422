import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp();

async function nurse() {
  const f = await makeFacility(ctx.db, { roles: ["nurse", "care_worker"] });
  return { ...f, cookie: await signIn(ctx.app, f.usernames.nurse!) };
}

describe("cases", () => {
  it("makes one recorded case of the same person, disease and onset saved under other ids — also from 10 saves at once; a clash is a 409 naming disease", async () => {
    const f = await nurse();
    const body = {
      personId: f.people[1]!.id,
      disease: "norovirus",
      status: "suspected",
      onsetDate: "2026-01-09",
      remarks: "嘔吐",
    };
    const post = (payload: object) =>
      ctx.app.inject({ method: "POST", url: "/api/cases", headers: { cookie: f.cookie }, payload });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ ...body, id: randomUUID() })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    const again = await post({ ...body, id: randomUUID() });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe([...ids][0]);
    const clash = await post({ ...body, id: randomUUID(), status: "confirmed" });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0].path).toBe("disease");
    // Another onset or another disease is another case.
    expect((await post({ ...body, id: randomUUID(), onsetDate: "2026-01-02" })).statusCode).toBe(201);
    expect((await post({ ...body, id: randomUUID(), disease: "influenza" })).statusCode).toBe(201);
    const list = await ctx.app.inject({ method: "GET", url: "/api/cases", headers: { cookie: f.cookie } });
    const mine = list.json().cases.filter((c: { personId: string }) => c.personId === f.people[1]!.id);
    expect(mine).toHaveLength(3);
    const audits = await ctx.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'case' and entity_id = ${[...ids][0]}`,
    );
    expect((audits as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it("records a confirmed case with an outcome; a resend is answered with the stored case", async () => {
    const f = await nurse();
    const body = {
      id: randomUUID(),
      personId: f.people[0]!.id,
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2026-01-09",
      outcomes: [{ kind: "hospitalised", date: "2026-01-10" }],
    };
    const first = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    const changed = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: { ...body, status: "suspected" },
    });
    expect(changed.statusCode).toBe(409);
    const list = await ctx.app.inject({ method: "GET", url: "/api/cases", headers: { cookie: f.cookie } });
    expect(list.json().cases).toHaveLength(1);
  });

  it("resolves a case and refuses a resolution before the onset", async () => {
    const f = await nurse();
    const id = randomUUID();
    await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: {
        id,
        personId: f.people[0]!.id,
        disease: "influenza",
        status: "suspected",
        onsetDate: "2026-01-09",
      },
    });
    const early = await ctx.app.inject({
      method: "PATCH",
      url: `/api/cases/${id}`,
      headers: { cookie: f.cookie },
      payload: { resolvedDate: "2026-01-08" },
    });
    expect(early.json().error.fields).toEqual([
      { path: "resolvedDate", code: "invalid", message: "must not be before the onset" },
    ]);
    const ok = await ctx.app.inject({
      method: "PATCH",
      url: `/api/cases/${id}`,
      headers: { cookie: f.cookie },
      payload: { resolvedDate: "2026-01-09", status: "confirmed" },
    });
    expect(ok.json()).toMatchObject({ resolvedDate: "2026-01-09", status: "confirmed", version: 2 });
  });

  it("names bad fields, refuses another facility's person and a care worker", async () => {
    const f = await nurse();
    const other = await makeFacility(ctx.db);
    const bad = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: {
        id: randomUUID(),
        personId: f.people[0]!.id,
        disease: "Noro virus",
        status: "maybe",
        onsetDate: "2026-02-30",
      },
    });
    expect(
      bad
        .json()
        .error.fields.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["disease", "onsetDate", "status"]);
    const foreign = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.cookie },
      payload: {
        id: randomUUID(),
        personId: other.people[0]!.id,
        disease: "scabies",
        status: "suspected",
        onsetDate: "2026-01-09",
      },
    });
    expect(foreign.json().error.fields).toEqual([
      { path: "personId", code: "invalid", message: "unknown person" },
    ]);
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    const refused = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: care },
      payload: {
        id: randomUUID(),
        personId: f.people[0]!.id,
        disease: "scabies",
        status: "suspected",
        onsetDate: "2026-01-09",
      },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("antibiotic courses and bath use", () => {
  it("records a course and ends it", async () => {
    const f = await nurse();
    const id = randomUUID();
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/antibiotics",
      headers: { cookie: f.cookie },
      payload: { id, personId: f.people[1]!.id, drug: "レボフロキサシン", startDate: "2026-01-01" },
    });
    expect(created.statusCode).toBe(201);
    const ended = await ctx.app.inject({
      method: "PATCH",
      url: `/api/antibiotics/${id}`,
      headers: { cookie: f.cookie },
      payload: { endDate: "2026-01-07" },
    });
    expect(ended.json()).toMatchObject({ endDate: "2026-01-07" });
    const early = await ctx.app.inject({
      method: "PATCH",
      url: `/api/antibiotics/${id}`,
      headers: { cookie: f.cookie },
      payload: { endDate: "2025-12-31" },
    });
    expect(early.statusCode).toBe(400);
  });

  it("records the day's bathers once, whatever is resent", async () => {
    const f = await nurse();
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    const ids = [f.people[0]!.id, f.people[1]!.id];
    const first = await ctx.app.inject({
      method: "POST",
      url: "/api/bath-uses",
      headers: { cookie: care },
      payload: { date: "2026-01-02", personIds: ids },
    });
    expect(first.json()).toEqual({ saved: 2, duplicates: 0 });
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/bath-uses",
      headers: { cookie: care },
      payload: { date: "2026-01-02", personIds: ids },
    });
    expect(again.json()).toEqual({ saved: 0, duplicates: 2 });
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/bath-uses?from=2026-01-01&to=2026-01-31",
      headers: { cookie: care },
    });
    expect(list.json().bathUses).toHaveLength(2);
  });
});
