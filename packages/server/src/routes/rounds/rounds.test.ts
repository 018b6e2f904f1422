import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp({ clock: () => new Date("2026-01-11T09:00:00+09:00") });

describe("GET /api/rounds", () => {
  it("gives a unit's active people with the observations of the facility day, 00:00 to 24:00 Tokyo time", async () => {
    const f = await makeFacility(ctx.db, {
      roles: ["care_worker"],
      people: [
        { kind: "resident", unit: 0, baselineTempC: 36.0 },
        { kind: "short_stay", unit: 0 },
        { kind: "resident", unit: 1 },
      ],
    });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const [a, b] = f.people;
    await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: {
        observations: [
          { id: randomUUID(), personId: a!.id, at: "2026-01-09T23:59:59+09:00", symptoms: [] },
          { id: randomUUID(), personId: a!.id, at: "2026-01-10T07:00:00+09:00", tempC: 37.0, symptoms: [] },
          { id: randomUUID(), personId: a!.id, at: "2026-01-10T14:59:59Z", symptoms: ["cough"] },
          { id: randomUUID(), personId: a!.id, at: "2026-01-10T15:00:00Z", symptoms: ["vomiting"] },
        ],
      },
    });
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/rounds?unitId=${f.units[0]!.id}&date=2026-01-10`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.people.map((p: { id: string }) => p.id).sort()).toEqual([a!.id, b!.id].sort());
    const rowA = body.people.find((p: { id: string }) => p.id === a!.id);
    // 37.0 °C with a usual 36.0 °C is usual + 1.0 → fever (manual p.34).
    expect(
      rowA.observations.map(
        (o: { tempC: number | null; temperatureClass: string | null; symptoms: string[] }) => [
          o.tempC,
          o.temperatureClass,
          o.symptoms,
        ],
      ),
    ).toEqual([
      [37.0, "fever", []],
      [null, null, ["cough"]],
    ]);
  });
});
