import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp();

describe("facility setup", () => {
  it("shows the facility with its overseers, units and rooms", async () => {
    const f = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const response = await ctx.app.inject({ method: "GET", url: "/api/facility", headers: { cookie } });
    expect(response.json().facility).toMatchObject({
      id: f.facility.id,
      timeZone: "Asia/Tokyo",
      healthCentre: { id: f.healthCentre.id },
      municipality: { id: f.municipality.id },
      units: [
        { name: "1階", rooms: [{ name: "101" }, { name: "102" }] },
        { name: "2階", rooms: [{ name: "201" }] },
      ],
    });
  });

  it("lets the director add a unit and a room, change the time zone and choose another health centre", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director"] });
    const other = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.director!);
    const unit = await ctx.app.inject({
      method: "POST",
      url: "/api/facility/units",
      headers: { cookie },
      payload: { name: "3階", floor: "3F" },
    });
    expect(unit.statusCode).toBe(201);
    const room = await ctx.app.inject({
      method: "POST",
      url: `/api/facility/units/${unit.json().unit.id}/rooms`,
      headers: { cookie },
      payload: { name: "301" },
    });
    expect(room.statusCode).toBe(201);
    const patched = await ctx.app.inject({
      method: "PATCH",
      url: "/api/facility",
      headers: { cookie },
      payload: { timeZone: "Asia/Seoul", healthCentreId: other.healthCentre.id },
    });
    expect(patched.json().facility).toMatchObject({
      timeZone: "Asia/Seoul",
      healthCentre: { id: other.healthCentre.id },
    });
  });

  it("refuses an unknown time zone and a municipality given as health centre", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director"] });
    const cookie = await signIn(ctx.app, f.usernames.director!);
    const tz = await ctx.app.inject({
      method: "PATCH",
      url: "/api/facility",
      headers: { cookie },
      payload: { timeZone: "Tokyo/Mars" },
    });
    expect(tz.json().error.fields[0].path).toBe("timeZone");
    const swapped = await ctx.app.inject({
      method: "PATCH",
      url: "/api/facility",
      headers: { cookie },
      payload: { healthCentreId: f.municipality.id },
    });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.fields).toEqual([
      { path: "healthCentreId", code: "invalid", message: "unknown health centre" },
    ]);
  });

  it("keeps the prefecture the survey secretariat counts by: one of the 47, written in full, audited", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director"] });
    const cookie = await signIn(ctx.app, f.usernames.director!);
    const patch = (payload: object) =>
      ctx.app.inject({ method: "PATCH", url: "/api/facility", headers: { cookie }, payload });
    // 「大阪」 is not how the prefecture writes itself (大阪府): refused, naming the field, nothing saved.
    const short = await patch({ prefecture: "大阪" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe("prefecture");
    const get = await ctx.app.inject({ method: "GET", url: "/api/facility", headers: { cookie } });
    expect(get.json().facility.prefecture).toBeNull();
    const set = await patch({ prefecture: "大阪府" });
    expect(set.statusCode).toBe(200);
    expect(set.json().facility.prefecture).toBe("大阪府");
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "facility"), eq(auditLog.entityId, f.facility.id)));
    expect((audit!.after as { prefecture: string }).prefecture).toBe("大阪府");
    expect((await patch({ prefecture: null })).json().facility.prefecture).toBeNull();
  });

  it("does not let a care worker add rooms to another facility's unit", async () => {
    const f = await makeFacility(ctx.db, { roles: ["ic_lead"] });
    const other = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.ic_lead!);
    const response = await ctx.app.inject({
      method: "POST",
      url: `/api/facility/units/${other.units[0]!.id}/rooms`,
      headers: { cookie },
      payload: { name: "999" },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("overseers", () => {
  it("lists health centres and municipalities for the director to choose from", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director", "care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.director!);
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/facility/overseers",
      headers: { cookie },
    });
    const body = response.json();
    expect(body.healthCentres).toContainEqual({ id: f.healthCentre.id, name: f.healthCentre.name });
    expect(body.municipalities).toContainEqual({ id: f.municipality.id, name: f.municipality.name });
    expect(body.healthCentres.map((o: { id: string }) => o.id)).not.toContain(f.municipality.id);
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/facility/overseers", headers: { cookie: care } }))
        .statusCode,
    ).toBe(403);
  });
});
