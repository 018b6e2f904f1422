import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, inject, it } from "vitest";
import type { Database } from "../db/database.ts";
import * as schema from "../db/schema/index.ts";
import { facilityAlerts } from "../routes/alerts/facility-alerts.ts";
import { DEMO_USERS, seedDemoIfEmpty } from "./seed-demo.ts";

// The demo always goes into a fresh embedded database of its own: it is only ever seeded into an empty one.
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

describe("the demo", () => {
  it("is seeded once, with the facility, its people, a user per role and a GI cluster in the last week", async () => {
    const { db, close } = await freshDatabase();
    try {
      const now = new Date("2026-11-23T06:00:00+09:00");
      expect(await seedDemoIfEmpty(db, now)).toBe(true);
      expect(await seedDemoIfEmpty(db, now)).toBe(false);

      const users = await db.select().from(schema.users);
      expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
      const roles = new Set(users.map((u) => u.role));
      expect(roles.size).toBe(11);
      // The published demo accounts sign in with the password alone (README, security): the demo organisations do not
      // require a second factor, which every other organisation does by default.
      const organisations = await db.select().from(schema.organisations);
      expect(organisations.map((o) => o.requireSecondFactor)).toEqual(organisations.map(() => false));

      const [facility] = await db
        .select()
        .from(schema.organisations)
        .where(eq(schema.organisations.name, "特別養護老人ホーム さくらの里"));
      const people = await db.select().from(schema.people).where(eq(schema.people.facilityId, facility!.id));
      const kinds = (k: string) => people.filter((p) => p.kind === k).length;
      expect(kinds("resident")).toBe(40);
      expect(kinds("staff")).toBe(15);
      expect(kinds("short_stay") + kinds("day_service")).toBeGreaterThan(0);
      const units = await db.select().from(schema.units).where(eq(schema.units.facilityId, facility!.id));
      expect(units).toHaveLength(2);

      const [observations] = await db.select({ n: count() }).from(schema.observations);
      expect(observations!.n).toBeGreaterThan(2500);
      const [audited] = await db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.entity, "observation"));
      expect(audited!.n).toBe(observations!.n);

      // Nothing is recorded for today: the morning's round is the user's to do.
      const result = await facilityAlerts(db, facility!.id, now, 7);
      expect(result.alerts.filter((a) => a.day === "2026-11-23")).toEqual([]);
      const cluster = result.alerts.filter((a) => a.code === "NORO_CLUSTER_24H");
      expect(cluster.length).toBeGreaterThan(0);
      expect(cluster.every((a) => a.day >= "2026-11-17")).toBe(true);
    } finally {
      await close();
    }
  });
});
