import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, keptOnsets, observations } from "../../db/schema/index.ts";
import { rebuildKeptOnsets } from "../../surveillance/kept-onsets.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

// The round's write runs as prepared statements on the driver (record-statements.ts); on PostgreSQL several run at
// once on separate connections. These check what the single-request tests cannot: writes that meet.
const ctx = useTestApp({ clock: () => new Date("2026-01-20T09:00:00+09:00") });

const post = (cookie: string, batch: object[]) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/observations",
    headers: { cookie },
    payload: { observations: batch },
  });

async function keptOf(facilityId: string) {
  const rows = await ctx.db.select().from(keptOnsets).where(eq(keptOnsets.facilityId, facilityId));
  return rows.map((r) => `${r.personId} ${r.subject} ${r.day} ${r.at.toISOString()}`).sort();
}

describe("round writes that meet", () => {
  it("saves one batch sent five times at once exactly once: one saves it, the others are told it is a duplicate", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const batch = f.people.slice(0, 3).map((p, i) => ({
      id: randomUUID(),
      personId: p.id,
      at: `2026-01-19T0${i + 7}:00:00+09:00`,
      tempC: 36.6,
      symptoms: [],
    }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(cookie, batch)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const counts = answers.map((a) => a.json() as { saved: number; duplicates: number });
    expect(counts.reduce((n, c) => n + c.saved, 0)).toBe(3);
    for (const c of counts) expect(c.saved + c.duplicates).toBe(3);
    const [rows] = await ctx.db
      .select({ n: count() })
      .from(observations)
      .where(eq(observations.facilityId, f.facility.id));
    const [audits] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, f.facility.id), eq(auditLog.entity, "observation")));
    expect([rows!.n, audits!.n]).toEqual([3, 3]);
  });

  it("keeps the onsets of one person right when her days are written at once by several devices", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    const [a, b] = f.people;
    // Vomiting every day for one, every other day for the other, each day sent by its own request, all at once:
    // only the first day is a new onset (付録4②: absent on each of the gap days before), but a write that did not see
    // the day before — stored by a request still in flight — would keep its own day as one.
    const days = Array.from({ length: 12 }, (_, i) => `2026-01-${String(5 + i).padStart(2, "0")}`);
    const answers = await Promise.all(
      days.flatMap((day, i) =>
        [a!, b!].map((p) =>
          post(cookie, [
            {
              id: randomUUID(),
              personId: p.id,
              at: `${day}T09:00:00+09:00`,
              symptoms: p === a || i % 2 === 0 ? ["vomiting"] : [],
            },
          ]),
        ),
      ),
    );
    for (const r of answers) expect(r.statusCode, r.body).toBe(200);
    const kept = await keptOf(f.facility.id);
    expect(kept.length).toBeGreaterThan(0);
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    expect(kept).toEqual(await keptOf(f.facility.id));
  });
});
