import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

let db: Database;
let close: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await close();
});

describe("facility setup", () => {
  it("shows the facility with its overseers, units and rooms", async () => {
    const f = await makeFacility(db);
    const cookie = await signIn(app, f.usernames.care_worker!);
    const response = await app.inject({ method: "GET", url: "/api/facility", headers: { cookie } });
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
    const f = await makeFacility(db, { roles: ["director"] });
    const other = await makeFacility(db);
    const cookie = await signIn(app, f.usernames.director!);
    const unit = await app.inject({
      method: "POST",
      url: "/api/facility/units",
      headers: { cookie },
      payload: { name: "3階", floor: "3F" },
    });
    expect(unit.statusCode).toBe(201);
    const room = await app.inject({
      method: "POST",
      url: `/api/facility/units/${unit.json().unit.id}/rooms`,
      headers: { cookie },
      payload: { name: "301" },
    });
    expect(room.statusCode).toBe(201);
    const patched = await app.inject({
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
    const f = await makeFacility(db, { roles: ["director"] });
    const cookie = await signIn(app, f.usernames.director!);
    const tz = await app.inject({
      method: "PATCH",
      url: "/api/facility",
      headers: { cookie },
      payload: { timeZone: "Tokyo/Mars" },
    });
    expect(tz.json().error.fields[0].path).toBe("timeZone");
    const swapped = await app.inject({
      method: "PATCH",
      url: "/api/facility",
      headers: { cookie },
      payload: { healthCentreId: f.municipality.id },
    });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.fields).toEqual([
      { path: "healthCentreId", message: "unknown health centre" },
    ]);
  });

  it("does not let a care worker add rooms to another facility's unit", async () => {
    const f = await makeFacility(db, { roles: ["ic_lead"] });
    const other = await makeFacility(db);
    const cookie = await signIn(app, f.usernames.ic_lead!);
    const response = await app.inject({
      method: "POST",
      url: `/api/facility/units/${other.units[0]!.id}/rooms`,
      headers: { cookie },
      payload: { name: "999" },
    });
    expect(response.statusCode).toBe(404);
  });
});
