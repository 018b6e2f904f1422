import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const NOW = new Date("2026-01-11T09:00:00+09:00");

const ctx = useTestApp({ clock: () => NOW });

type AlertBody = { code: string; subject: Record<string, string>; day: string };

describe("GET /api/facilities/:id/alerts", () => {
  it("raises the 24-hour cluster and the person hints from stored rounds", async () => {
    const f = await makeFacility(ctx.db, {
      roles: ["care_worker"],
      people: [
        { kind: "resident", unit: 0 },
        { kind: "resident", unit: 0 },
        { kind: "resident", unit: 1 },
      ],
    });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const [a, b, c] = f.people;
    const saved = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: {
        observations: [
          { id: randomUUID(), personId: a!.id, at: "2026-01-10T07:00:00+09:00", symptoms: ["vomiting"] },
          // 23 h 59 min later: the same 24-hour span (manual p.54).
          { id: randomUUID(), personId: b!.id, at: "2026-01-11T06:59:00+09:00", symptoms: ["watery_stool"] },
          { id: randomUUID(), personId: c!.id, at: "2026-01-11T07:30:00+09:00", tempC: 38.4, symptoms: [] },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const alerts: AlertBody[] = response.json().alerts;
    expect(alerts).toContainEqual(
      expect.objectContaining({ code: "NORO_CLUSTER_24H", subject: { group: "GI" }, day: "2026-01-11" }),
    );
    expect(alerts).toContainEqual(
      expect.objectContaining({ code: "FEVER", subject: { personId: c!.id }, day: "2026-01-11" }),
    );
    expect(response.json().profile).toBe("mhlw-2005");
  });

  it("sees nothing before the as-of instant", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: {
        observations: [
          {
            id: randomUUID(),
            personId: f.people[0]!.id,
            at: "2026-01-11T08:00:00+09:00",
            tempC: 38.0,
            symptoms: [],
          },
        ],
      },
    });
    const before = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?asOf=${encodeURIComponent("2026-01-11T07:59:00+09:00")}`,
      headers: { cookie },
    });
    expect(before.json().alerts.filter((x: AlertBody) => x.code === "FEVER")).toEqual([]);
    const after = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?asOf=${encodeURIComponent("2026-01-11T08:00:00+09:00")}`,
      headers: { cookie },
    });
    expect(after.json().alerts.filter((x: AlertBody) => x.code === "FEVER")).toHaveLength(1);
  });

  it("answers another facility's alerts with 404 and a bad as-of with the field's name", async () => {
    const f = await makeFacility(ctx.db);
    const other = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/facilities/${other.facility.id}/alerts`,
          headers: { cookie },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?asOf=yesterday`,
      headers: { cookie },
    });
    expect(bad.json().error.fields[0].path).toBe("asOf");
  });
});
