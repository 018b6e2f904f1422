import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, inject, it } from "vitest";
import type { Database } from "../db/database.ts";
import * as schema from "../db/schema/index.ts";
import { facilityObligations } from "../routes/routine/facility-obligations.ts";
import { seedDemoIfEmpty } from "./seed-demo.ts";

async function freshDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  const template = inject("pgliteTemplate");
  const client = template
    ? await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) })
    : await PGlite.create();
  if (!template) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(drizzle(client), {
      migrationsFolder: new URL("../db/migrations", import.meta.url).pathname,
    });
  }
  return { db: drizzle(client, { schema }) as unknown as Database, close: () => client.close() };
}

// Whatever day the demo is created on, the lead finds exactly two overdue items: the committee (last met three months
// and six days ago) and the care worker hired forty days ago without training. Winter (humidifiers and vaccines in
// season) and summer.
describe("the demo's year of routine records", () => {
  it.each([
    ["2026-12-02T08:00:00+09:00", "2026-12-02"],
    ["2027-03-31T08:00:00+09:00", "2027-03-31"],
    // Just after the humidifier season: the built-in unit's end-of-season drain (付録3) is on record.
    ["2027-04-10T08:00:00+09:00", "2027-04-10"],
    ["2026-07-15T08:00:00+09:00", "2026-07-15"],
  ])(
    "created at %s: two overdue items, the committee and one new hire",
    async (now, today) => {
      const { db, close } = await freshDatabase();
      try {
        await seedDemoIfEmpty(db, new Date(now));
        const [facility] = await db
          .select()
          .from(schema.organisations)
          .where(eq(schema.organisations.facilityType, "elderly_care"));
        const { items } = await facilityObligations(db, facility!.id, today);
        const overdue = items.filter((i) => i.status === "overdue").map((i) => i.code);
        expect(overdue).toEqual(["COMMITTEE", "NEW_HIRE_TRAINING"]);
        expect(items.filter((i) => i.code === "NEW_HIRE_TRAINING").map((i) => i.status)).toEqual(
          expect.arrayContaining(["overdue", "due_soon"]),
        );
        const [records] = await db.select({ n: count() }).from(schema.routineRecords);
        expect(records!.n).toBeGreaterThan(1000);
        const flagged = await db
          .select()
          .from(schema.routineRecords)
          .where(eq(schema.routineRecords.flagged, true));
        expect(flagged.map((r) => r.type).sort()).toEqual(["bath_check", "bath_check", "kitchen_check"]);
      } finally {
        await close();
      }
    },
    120_000,
  );
});
