import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp();

async function nurse() {
  const f = await makeFacility(ctx.db, { roles: ["nurse", "care_worker"] });
  return { ...f, cookie: await signIn(ctx.app, f.usernames.nurse!) };
}

describe("cases", () => {
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
      { path: "resolvedDate", message: "must not be before the onset" },
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
    expect(foreign.json().error.fields).toEqual([{ path: "personId", message: "unknown person" }]);
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
