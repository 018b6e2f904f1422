import { randomUUID } from "node:crypto";
import { DEFAULT_PROFILE, type SymptomCode } from "@mamori/domain/surveillance";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readObservationWindow } from "../db/observation-window.ts";
import { keptOnsets, observations, people } from "../db/schema/index.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn } from "../test/test-facility.ts";
import { onsetsOf, readDailyOnsetCounts, rebuildKeptOnsets } from "./kept-onsets.ts";

const NOW = new Date("2026-01-20T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

/** The kept onsets of a facility as a sorted list of `person subject day at`. */
async function kept(facilityId: string) {
  const rows = await ctx.db.select().from(keptOnsets).where(eq(keptOnsets.facilityId, facilityId));
  return rows.map((r) => `${r.personId} ${r.subject} ${r.day} ${r.at.toISOString()}`).sort();
}

/** The onsets recomputed from every stored observation by the domain functions, in the same form. */
async function recomputed(facilityId: string) {
  const personRows = await ctx.db.select().from(people).where(eq(people.facilityId, facilityId));
  const all = await readObservationWindow(ctx.db, facilityId, new Date(0), new Date("9999-12-31T00:00:00Z"));
  return onsetsOf(
    personRows.map((p) => ({ id: p.id, kind: p.kind, unit: p.unitId, baselineTempC: p.baselineTempC })),
    all,
    "Asia/Tokyo",
    DEFAULT_PROFILE.onsets.gapDays,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER,
  )
    .map((o) => `${o.personId} ${o.subject} ${o.day} ${o.at.toISOString()}`)
    .sort();
}

const SYMPTOMS: SymptomCode[] = ["vomiting", "diarrhea", "cough", "fever", "rash", "sore_throat"];

const entryArb = fc.record({
  person: fc.nat(3),
  dayOffset: fc.integer({ min: 0, max: 14 }),
  hour: fc.integer({ min: 0, max: 23 }),
  tempC: fc.option(fc.constantFrom(36.4, 37.2, 38.4), { nil: null }),
  symptoms: fc.subarray(SYMPTOMS, { maxLength: 2 }),
});

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant("batch" as const),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant("resend" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("correct" as const),
    pick: fc.nat(),
    symptoms: fc.subarray(SYMPTOMS, { maxLength: 2 }),
    tempC: fc.option(fc.constantFrom(36.5, 38.2), { nil: null }),
  }),
  fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat() }),
);

describe("kept onsets", () => {
  it("always equal the onsets recomputed from the stored observations, after random writes, resends, corrections, withdrawals and batch imports", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    const sent: Record<string, unknown>[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 5 }), async (ops) => {
        for (const op of ops) {
          if (op.kind === "batch") {
            const batch = op.entries.map((e) => {
              const at = new Date(Date.UTC(2026, 0, 5 + e.dayOffset, e.hour - 9, 10));
              return {
                id: randomUUID(),
                personId: f.people[e.person]!.id,
                at: at.toISOString(),
                tempC: e.tempC,
                symptoms: e.symptoms,
              };
            });
            const response = await ctx.app.inject({
              method: "POST",
              url: "/api/observations",
              headers: { cookie },
              payload: { observations: batch },
            });
            expect(response.statusCode, response.body).toBe(200);
            sent.push(...batch);
          } else if (sent.length > 0) {
            const target = sent[op.pick % sent.length]!;
            const response =
              op.kind === "resend"
                ? await ctx.app.inject({
                    method: "POST",
                    url: "/api/observations",
                    headers: { cookie },
                    payload: { observations: [target] },
                  })
                : op.kind === "correct"
                  ? await ctx.app.inject({
                      method: "PUT",
                      url: `/api/observations/${target.id}`,
                      headers: { cookie },
                      payload: { symptoms: op.symptoms, tempC: op.tempC, reason: "訂正" },
                    })
                  : await ctx.app.inject({
                      method: "POST",
                      url: "/api/observations/withdraw",
                      headers: { cookie },
                      payload: { ids: [target.id] },
                    });
            // A withdrawal of an entry corrected since (409) or already withdrawn leaves the data as it was.
            expect([200, 409], response.body).toContain(response.statusCode);
            if (op.kind === "withdraw" && response.statusCode === 200) sent.splice(op.pick % sent.length, 1);
            if (op.kind === "correct" && response.statusCode === 200) {
              target.symptoms = op.symptoms;
              target.tempC = op.tempC;
            }
          }
        }
        expect(await kept(f.facility.id)).toEqual(await recomputed(f.facility.id));
      }),
      { numRuns: 15 },
    );
    const stored = await ctx.db.select().from(observations).where(eq(observations.facilityId, f.facility.id));
    expect(stored.length).toBeGreaterThan(0);
  }, 240_000);

  it("counts per day, group, floor and kind; a rebuild finds the same; an onset seen only after `until` is left out", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const [a, b, c, staff] = f.people;
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour - 9, 0)).toISOString();
    const batch = [
      // Vomiting on the 10th for two residents of 1F (a), one of 2F (c): three GI onsets that day.
      { id: randomUUID(), personId: a!.id, at: at(10, 8), symptoms: ["vomiting"] },
      { id: randomUUID(), personId: b!.id, at: at(10, 9), symptoms: ["diarrhea"] },
      { id: randomUUID(), personId: c!.id, at: at(10, 10), symptoms: ["vomiting"] },
      // Vomiting again on the 13th for a: 2 days without it (11th, 12th) is within the gap of 3 — not a new onset.
      { id: randomUUID(), personId: a!.id, at: at(13, 8), symptoms: ["vomiting"] },
      // b on the 14th: 3 days without (11, 12, 13) — a new onset.
      { id: randomUUID(), personId: b!.id, at: at(14, 8), symptoms: ["vomiting"] },
      { id: randomUUID(), personId: staff!.id, at: at(10, 15), symptoms: ["vomiting"] },
    ];
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: { observations: batch },
    });
    expect(response.statusCode, response.body).toBe(200);
    const counts = await readDailyOnsetCounts(ctx.db, f.facility.id, {
      fromDay: "2026-01-01",
      toDay: "2026-01-31",
      subjects: ["GI"],
    });
    expect(counts).toEqual([
      {
        day: "2026-01-10",
        subject: "GI",
        unitId: f.units[0]!.id,
        floor: "1F",
        personKind: "resident",
        count: 2,
      },
      {
        day: "2026-01-10",
        subject: "GI",
        unitId: f.units[1]!.id,
        floor: "2F",
        personKind: "resident",
        count: 1,
      },
      { day: "2026-01-10", subject: "GI", unitId: null, floor: null, personKind: "staff", count: 1 },
      {
        day: "2026-01-14",
        subject: "GI",
        unitId: f.units[0]!.id,
        floor: "1F",
        personKind: "resident",
        count: 1,
      },
    ]);
    const before = await kept(f.facility.id);
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    expect(await kept(f.facility.id)).toEqual(before);
    const early = await readDailyOnsetCounts(ctx.db, f.facility.id, {
      fromDay: "2026-01-10",
      toDay: "2026-01-10",
      until: new Date(at(10, 9)),
      subjects: ["GI"],
    });
    expect(early.reduce((n, r) => n + r.count, 0)).toBe(2);
  });

  // The round's write reads only the observations that may add to their day (observations.new_to_day): one stored when
  // its day already showed its temperature is left out, until what showed it is corrected or withdrawn.
  it.each(["withdraw", "correct"] as const)(
    "stay right when what made a later observation add nothing to its day is taken away (%s)",
    async (change) => {
      const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
      const cookie = await signIn(ctx.app, f.usernames.care_worker!);
      const person = f.people[0]!.id;
      const at = (hour: number) => new Date(Date.UTC(2026, 0, 15, hour - 9, 0)).toISOString();
      const post = async (observations: object[]) => {
        const response = await ctx.app.inject({
          method: "POST",
          url: "/api/observations",
          headers: { cookie },
          payload: { observations },
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      const shown = { id: randomUUID(), personId: person, at: at(8), tempC: 38.4, symptoms: [] };
      const later = { id: randomUUID(), personId: person, at: at(9), tempC: 38.4, symptoms: [] };
      await post([shown]);
      await post([later]);
      const newToDay = async (id: string) =>
        (await ctx.db.select().from(observations).where(eq(observations.id, id)))[0]!.newToDay;
      expect(await newToDay(later.id)).toBe(false);

      const response =
        change === "withdraw"
          ? await ctx.app.inject({
              method: "POST",
              url: "/api/observations/withdraw",
              headers: { cookie },
              payload: { ids: [shown.id] },
            })
          : await ctx.app.inject({
              method: "PUT",
              url: `/api/observations/${shown.id}`,
              headers: { cookie },
              payload: { symptoms: [], tempC: 36.5, reason: "測り直し" },
            });
      expect(response.statusCode, response.body).toBe(200);
      expect(await newToDay(later.id)).toBe(true);
      // A new symptom that day makes the round's write recompute the person's onsets: the fever now starts at 9:00.
      await post([{ id: randomUUID(), personId: person, at: at(10), tempC: 38.4, symptoms: ["cough"] }]);
      const onsets = await kept(f.facility.id);
      expect(onsets).toContain(`${person} FEVER 2026-01-15 ${at(9)}`);
      expect(onsets).toEqual(await recomputed(f.facility.id));
    },
  );
});
