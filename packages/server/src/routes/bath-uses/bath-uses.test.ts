import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp();

async function careWorker() {
  const f = await makeFacility(ctx.db, { roles: ["care_worker", "physician"] });
  return { ...f, cookie: await signIn(ctx.app, f.usernames.care_worker!) };
}

async function bathers(
  cookie: string,
  from: string,
  to: string,
): Promise<{ personId: string; date: string }[]> {
  const response = await ctx.app.inject({
    method: "GET",
    url: `/api/bath-uses?from=${from}&to=${to}`,
    headers: { cookie },
  });
  return response.json().bathUses;
}

describe("DELETE /api/bath-uses", () => {
  it("takes one person off one day, audited; removing again changes nothing", async () => {
    const f = await careWorker();
    const [a, b] = f.people;
    for (const date of ["2026-01-02", "2026-01-03"]) {
      await ctx.app.inject({
        method: "POST",
        url: "/api/bath-uses",
        headers: { cookie: f.cookie },
        payload: { date, personIds: [a!.id, b!.id] },
      });
    }
    const removed = await ctx.app.inject({
      method: "DELETE",
      url: `/api/bath-uses?date=2026-01-02&personId=${a!.id}`,
      headers: { cookie: f.cookie },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ removed: 1 });
    // Only that person on that day: the other bather and the next day stay.
    expect(await bathers(f.cookie, "2026-01-01", "2026-01-31")).toEqual([
      { personId: expect.any(String), date: "2026-01-02" },
      { personId: expect.any(String), date: "2026-01-03" },
      { personId: expect.any(String), date: "2026-01-03" },
    ]);
    expect((await bathers(f.cookie, "2026-01-02", "2026-01-02")).map((u) => u.personId)).toEqual([b!.id]);

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, f.facility.id), eq(auditLog.action, "delete")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "bath_use", entityId: `${a!.id}/2026-01-02` });

    const again = await ctx.app.inject({
      method: "DELETE",
      url: `/api/bath-uses?date=2026-01-02&personId=${a!.id}`,
      headers: { cookie: f.cookie },
    });
    expect(again.json()).toEqual({ removed: 0 });
  });

  it("never touches another facility's records", async () => {
    const mine = await careWorker();
    const other = await careWorker();
    await ctx.app.inject({
      method: "POST",
      url: "/api/bath-uses",
      headers: { cookie: other.cookie },
      payload: { date: "2026-01-02", personIds: [other.people[0]!.id] },
    });
    const response = await ctx.app.inject({
      method: "DELETE",
      url: `/api/bath-uses?date=2026-01-02&personId=${other.people[0]!.id}`,
      headers: { cookie: mine.cookie },
    });
    expect(response.json()).toEqual({ removed: 0 });
    expect(await bathers(other.cookie, "2026-01-02", "2026-01-02")).toHaveLength(1);
  });

  it("names the bad field and refuses roles that do not record bath use", async () => {
    const f = await careWorker();
    const bad = await ctx.app.inject({
      method: "DELETE",
      url: `/api/bath-uses?date=2026-1-2&personId=${f.people[0]!.id}`,
      headers: { cookie: f.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((field: { path: string }) => field.path)).toEqual(["date"]);

    // The physician reads the facility but does not keep the bath sheet (@mamori/contract/permissions recordBathUse).
    const physician = await signIn(ctx.app, f.usernames.physician!);
    const refused = await ctx.app.inject({
      method: "DELETE",
      url: `/api/bath-uses?date=2026-01-02&personId=${f.people[0]!.id}`,
      headers: { cookie: physician },
    });
    expect(refused.statusCode).toBe(403);
  });
});
