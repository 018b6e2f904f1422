import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, observations } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";
import { WITHDRAW_WINDOW_MS } from "./withdraw-observations.ts";

const START = new Date("2026-01-10T09:00:00+09:00");
let now = START;
const ctx = useTestApp({ clock: () => now });

afterEach(() => {
  now = START;
});

async function setup() {
  const f = await makeFacility(ctx.db, { roles: ["care_worker", "nurse"] });
  const care = await signIn(ctx.app, f.usernames.care_worker!);
  const nurse = await signIn(ctx.app, f.usernames.nurse!);
  return { ...f, care, nurse };
}

const entry = (personId: string) => ({
  id: randomUUID(),
  personId,
  at: "2026-01-10T08:30:00+09:00",
  symptoms: [],
});

const inject = (cookie: string, method: "POST" | "PUT" | "GET", url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const withdraw = (cookie: string, ids: unknown) =>
  inject(cookie, "POST", "/api/observations/withdraw", { ids } as object);

async function stored(ids: string[]) {
  return ctx.db.select().from(observations).where(inArray(observations.id, ids));
}

describe("POST /api/observations/withdraw (元に戻す after 全員変わりなし)", () => {
  it("takes back the recorder's own fresh entries, audits each removal, and a resend changes nothing", async () => {
    const { people, care } = await setup();
    const batch = people.slice(0, 3).map((p) => entry(p.id));
    await inject(care, "POST", "/api/observations", { observations: batch });
    const ids = batch.map((e) => e.id);

    const first = await withdraw(care, ids);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ withdrawn: 3, notFound: 0 });
    expect(await stored(ids)).toHaveLength(0);
    const audit = await ctx.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(audit.filter((a) => a.action === "delete")).toHaveLength(3);
    const removal = audit.find((a) => a.action === "delete" && a.entityId === ids[0])!;
    expect(removal.before).toMatchObject({ id: ids[0], personId: people[0]!.id, symptoms: [] });
    expect(removal.after).toBeNull();

    const again = await withdraw(care, ids);
    expect(again.json()).toEqual({ withdrawn: 0, notFound: 3 });
  });

  it("takes back up to 10 minutes after the server stored it, not a second later", async () => {
    const { people, care } = await setup();
    const inside = entry(people[0]!.id);
    const outside = entry(people[1]!.id);
    await inject(care, "POST", "/api/observations", { observations: [inside, outside] });

    now = new Date(START.getTime() + WITHDRAW_WINDOW_MS + 1000);
    const late = await withdraw(care, [outside.id]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.fields).toEqual([
      { path: "ids[0]", code: "invalid", message: expect.stringContaining("more than 10 minutes ago") },
    ]);

    now = new Date(START.getTime() + WITHDRAW_WINDOW_MS);
    const edge = await withdraw(care, [inside.id]);
    expect(edge.json()).toEqual({ withdrawn: 1, notFound: 0 });
  });

  it("is all or nothing: one entry of someone else or corrected since keeps the whole batch", async () => {
    const { people, care, nurse } = await setup();
    const mine = entry(people[0]!.id);
    const corrected = entry(people[1]!.id);
    const nurses = entry(people[2]!.id);
    await inject(care, "POST", "/api/observations", { observations: [mine, corrected] });
    await inject(nurse, "POST", "/api/observations", { observations: [nurses] });
    await inject(care, "PUT", `/api/observations/${corrected.id}`, { symptoms: ["cough"] });

    const response = await withdraw(care, [mine.id, corrected.id, nurses.id]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([
      { path: "ids[1]", code: "invalid", message: expect.stringContaining("corrected since") },
      { path: "ids[2]", code: "invalid", message: expect.stringContaining("someone else") },
    ]);
    expect(await stored([mine.id, corrected.id, nurses.id])).toHaveLength(3);
    const deletes = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "delete"));
    const ids: string[] = [mine.id, corrected.id, nurses.id];
    expect(deletes.filter((a) => ids.includes(a.entityId))).toHaveLength(0);
  });

  it("never reaches another facility's entries: they count as not found and stay", async () => {
    const mine = await setup();
    const theirs = await setup();
    const e = entry(theirs.people[0]!.id);
    await inject(theirs.care, "POST", "/api/observations", { observations: [e] });
    const response = await withdraw(mine.care, [e.id]);
    expect(response.json()).toEqual({ withdrawn: 0, notFound: 1 });
    expect(await stored([e.id])).toHaveLength(1);
  });

  it("names the bad field: no ids, not a uuid, the same id twice", async () => {
    const { care } = await setup();
    const empty = await withdraw(care, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe("ids");
    const bad = await withdraw(care, ["x"]);
    expect(bad.json().error.fields[0].path).toBe("ids[0]");
    const id = randomUUID();
    const twice = await withdraw(care, [id, id]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].path).toBe("ids");
  });

  it("a role that may not record cannot take back", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker", "admin"] });
    const admin = await signIn(ctx.app, f.usernames.admin!);
    const response = await withdraw(admin, [randomUUID()]);
    expect(response.statusCode).toBe(403);
  });

  it("the audit log still holds what was taken back: its history reads as before", async () => {
    const { people, care } = await setup();
    const e = entry(people[0]!.id);
    await inject(care, "POST", "/api/observations", { observations: [e] });
    await withdraw(care, [e.id]);
    const history = await inject(care, "GET", `/api/observations/${e.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().revisions).toEqual([expect.objectContaining({ version: 1, symptoms: [] })]);
  });
});
