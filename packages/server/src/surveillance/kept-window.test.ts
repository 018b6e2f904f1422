import { randomUUID } from "node:crypto";
import { evaluateFacility, type SymptomCode } from "@mamori/domain/surveillance";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, observations, users } from "../db/schema/index.ts";
import { facilityAlerts, facilityRuleInput } from "../routes/alerts/facility-alerts.ts";
import { facilityEpidemicCurve } from "../routes/surveillance/curve.ts";
import { facilityLineList } from "../routes/surveillance/line-list.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility } from "../test/test-facility.ts";

// The alerts and the epidemic curve read the new onsets of past days from the kept onsets (issue 8 item 16) and must
// answer exactly as when every round of the window is recomputed. Today is 2026-01-20 in Tokyo (day 0 below).
const NOW = new Date("2026-01-20T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

/** The instant of local day `offset` (0 = 2026-01-20) at hh:mm:ss.mmm in Tokyo. */
const at = (offset: number, hh: number, mm = 0, ss = 0, ms = 0) =>
  new Date(Date.UTC(2026, 0, 20 + offset, hh - 9, mm, ss, ms));
const isoDay = (offset: number) => at(offset, 12).toISOString().slice(0, 10);

/** A small deterministic generator, so the seeded rounds are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPORADIC: SymptomCode[][] = [
  ["vomiting"],
  ["watery_stool"],
  ["diarrhea"],
  ["cough"],
  ["cough", "sore_throat"],
  ["rash", "itch"],
  ["runny_nose"],
];

let facilityId = "";
let ids: string[] = [];

beforeAll(async () => {
  const f = await makeFacility(ctx.db, {
    roles: ["nurse"],
    people: [
      ...Array.from({ length: 8 }, (_, i) => ({ kind: "resident" as const, unit: (i % 2) as 0 | 1 })),
      { kind: "short_stay", unit: 1 },
      { kind: "day_service" },
      { kind: "staff" },
      { kind: "staff" },
    ],
  });
  facilityId = f.facility.id;
  const [nurse] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, f.usernames.nurse!));
  ids = f.people.map((p) => p.id);
  const next = random(20260120);
  const rows: (typeof observations.$inferInsert)[] = [];
  const seen = (person: number, instant: Date, symptoms: SymptomCode[], tempC: number | null = 36.5) =>
    rows.push({
      id: randomUUID(),
      facilityId,
      personId: ids[person]!,
      at: instant,
      tempC,
      symptoms,
      recordedBy: nurse!.id,
    });
  // Rounds of 125 days: most people every day (some days missed), the day-service user on two days of five, staff on
  // work days; sporadic symptoms, and rounds just before and just after local midnight.
  for (let day = -124; day <= 0; day++) {
    for (let person = 0; person < ids.length; person++) {
      if (person === 9 && day % 5 !== 0 && day % 5 !== -2) continue;
      if (person >= 10 && (day + person) % 7 === 0) continue;
      if (next() < 0.05) continue;
      const ill = next() < 0.06;
      const symptoms = ill ? SPORADIC[Math.floor(next() * SPORADIC.length)]! : [];
      const fever = ill && next() < 0.3 ? 38.4 : next() < 0.05 ? 37.6 : 36.5;
      seen(person, at(day, 9, Math.floor(next() * 50)), symptoms, fever);
      const late = next();
      if (late < 0.08) seen(person, at(day, 23, 59, 59, 999), next() < 0.5 ? ["vomiting"] : []);
      else if (late < 0.16) seen(person, at(day, 0, 0), next() < 0.5 ? ["watery_stool"] : []);
    }
  }
  // Onsets on both sides of the edges of the kept days (alerts of 7 days: kept from day −93 to −27; curve of 28 days:
  // from −114 to −28), and an illness going on across the first day of each window (−97, −118).
  for (const [i, day] of [-115, -114, -94, -93, -28, -27, -26, -25].entries()) {
    seen(i % 8, at(day, 10, 30), ["vomiting"]);
  }
  for (let day = -121; day <= -94; day++) seen(1, at(day, 14), ["cough"]);
  // A norovirus-type cluster on day −50 (kept days) and another on day −2 (recent days), four people within hours.
  for (const day of [-50, -2]) {
    for (const person of [2, 3, 4, 5]) seen(person, at(day, 6 + person), ["vomiting", "watery_stool"]);
  }
  // The day-service user coughs on every recorded day for ten weeks: TB_CONSIDER needs the last 14 recorded days,
  // which reach far before the lookback.
  for (let day = -70; day <= 0; day++) {
    if (day % 5 === 0 || day % 5 === -2) seen(9, at(day, 13), ["cough"]);
  }
  // A long stomach illness (vomiting every third day, one case) from day −40 to −13, closed by the nurse on day −5:
  // its row on the line list shows the latest symptom, before the days shown.
  for (let day = -40; day <= -13; day += 3) seen(7, at(day, 15), ["vomiting"]);
  for (let i = 0; i < rows.length; i += 1000)
    await ctx.db.insert(observations).values(rows.slice(i, i + 1000));
  // Recorded cases replacing implicit ones: norovirus in each cluster (one resolved), influenza in the kept days.
  const recorded = (person: number, disease: string, onset: number, resolved?: number) => ({
    id: randomUUID(),
    facilityId,
    personId: ids[person]!,
    disease,
    status: "confirmed" as const,
    onsetDate: isoDay(onset),
    resolvedDate: resolved === undefined ? null : isoDay(resolved),
    recordedBy: nurse!.id,
  });
  await ctx.db.insert(cases).values([
    recorded(2, "norovirus", -50, -46),
    recorded(3, "norovirus", -49),
    recorded(2, "norovirus", -2),
    recorded(4, "norovirus", -3),
    recorded(6, "influenza", -40, -35),
    {
      ...recorded(7, "norovirus", -40, -5),
      disease: null,
      syndromeGroup: "GI" as const,
      status: "suspected" as const,
    },
  ]);
}, 120_000);

/** As-of instants: now, and both sides of local midnights (00:00 Tokyo of the 18th, the last instant of the 17th). */
const AS_OF = [NOW, at(-2, 0, 0), at(-3, 23, 59, 59, 999), at(-49, 23, 59, 59, 999), at(-49, 0, 0)];

describe("alerts and the epidemic curve from the kept onsets", () => {
  it("the line list lists exactly the cases and days of the whole window recomputed", async () => {
    const now = await facilityLineList(ctx.db, facilityId, NOW, 7);
    const closed = now.entries.find((entry) => entry.person.id === ids[7] && entry.resolvedDate !== null);
    expect(closed?.lastSymptomDate).toBe(isoDay(-13));
    expect(now.entries.length).toBeGreaterThan(5);
    for (const asOf of AS_OF) {
      for (const days of [7, 14]) {
        expect(
          await facilityLineList(ctx.db, facilityId, asOf, days),
          `${asOf.toISOString()} ${days}`,
        ).toEqual(await facilityLineList(ctx.db, facilityId, asOf, days, { kept: false }));
      }
    }
  }, 240_000);

  it("read far fewer rounds and answer exactly as the rounds of the whole window recomputed", async () => {
    const kept = await facilityRuleInput(ctx.db, facilityId, NOW, 7, { kept: true });
    const full = await facilityRuleInput(ctx.db, facilityId, NOW, 7);
    expect(kept.history?.onsets.length).toBeGreaterThan(20);
    expect(kept.observations.length).toBeLessThan(full.observations.length / 2);
    const codes = new Set((await facilityAlerts(ctx.db, facilityId, NOW, 28)).alerts.map((a) => a.code));
    for (const code of ["NORO_CLUSTER_24H", "REPORT_CRITERION_B", "TB_CONSIDER", "FEVER"])
      expect(codes).toContain(code);

    for (const asOf of AS_OF) {
      for (const lookback of [1, 7, 28]) {
        const recomputed = evaluateFacility(await facilityRuleInput(ctx.db, facilityId, asOf, lookback));
        expect(
          await facilityAlerts(ctx.db, facilityId, asOf, lookback),
          `${asOf.toISOString()} ${lookback}`,
        ).toEqual(recomputed);
      }
      for (const days of [7, 28]) {
        expect(
          await facilityEpidemicCurve(ctx.db, facilityId, asOf, days),
          `${asOf.toISOString()} ${days}`,
        ).toEqual(await facilityEpidemicCurve(ctx.db, facilityId, asOf, days, { kept: false }));
      }
    }
  }, 240_000);
});
