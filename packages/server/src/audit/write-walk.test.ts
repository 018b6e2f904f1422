import { and, asc, eq, gt, max } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Database } from "../db/database.ts";
import { auditLog } from "../db/schema/index.ts";
import { openTestDatabase } from "../test/test-database.ts";
import { ACCOUNT_STEPS } from "../test/write-walk-account-steps.ts";
import { OFFICE_LINK_STEPS } from "../test/write-walk-office-link-steps.ts";
import { CRE_STEPS, ROUTINE_STEPS } from "../test/write-walk-office-steps.ts";
import { REPORT_STEPS } from "../test/write-walk-report-steps.ts";
import {
  FACILITY_STEPS,
  personalMarkers,
  type WalkFixture,
  type WalkStep,
  walkClock,
  walkFixture,
} from "../test/write-walk-steps.ts";
import { SURVEY_STEPS } from "../test/write-walk-survey-steps.ts";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const STEPS: WalkStep[] = [
  ...FACILITY_STEPS,
  ...ACCOUNT_STEPS,
  ...ROUTINE_STEPS,
  ...CRE_STEPS,
  ...SURVEY_STEPS,
  ...REPORT_STEPS,
  ...OFFICE_LINK_STEPS,
];

/**
 * One walk over every write route of the API, in one app with one facility: each route is called once as its users
 * would, must answer 2xx, and must leave audit entries naming the acting user, the organisation, the action and the
 * entity — and no personal data (names, birth dates, usernames, passwords, session tokens). The routes come from
 * Fastify itself, so a new write route without a step here fails the first test.
 */
describe("every write route is audited", () => {
  const writeRoutes = new Set<string>();
  let app: FastifyInstance;
  let db: Database;
  let close: () => Promise<void>;
  let f: WalkFixture;

  beforeAll(async () => {
    const opened = await openTestDatabase();
    db = opened.db;
    close = opened.close;
    app = await buildApp({
      db,
      clock: () => walkClock.now,
      onRoute: ({ method, url }) => {
        for (const m of [method].flat()) if (WRITE_METHODS.has(m)) writeRoutes.add(`${m} ${url}`);
      },
    });
    await app.ready();
    f = await walkFixture(app, db);
  });
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it("has a step for each write route the app registers, and none for a route it does not have", () => {
    const walked = STEPS.map((s) => s.route);
    expect(new Set(walked).size, "each route walked once").toBe(walked.length);
    expect([...writeRoutes].filter((r) => !walked.includes(r)).sort(), "write routes without a step").toEqual(
      [],
    );
    expect(
      walked.filter((r) => !writeRoutes.has(r)),
      "steps of routes that do not exist",
    ).toEqual([]);
  });

  for (const step of STEPS) {
    it(step.route, async () => {
      await step.setup?.(app, f);
      const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
      const outcome = await step.run(app, f);
      expect(outcome.response.statusCode, outcome.response.body).toBeGreaterThanOrEqual(200);
      expect(outcome.response.statusCode, outcome.response.body).toBeLessThan(300);
      const entries = await db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.id, last?.id ?? 0), eq(auditLog.actorUserId, outcome.actor)))
        .orderBy(asc(auditLog.id));
      const isMain = (e: { action: string; entity: string }) =>
        e.action === outcome.action &&
        (typeof outcome.entity === "string" ? e.entity === outcome.entity : outcome.entity.test(e.entity));
      const isAlso = (e: { action: string; entity: string }) =>
        (outcome.also ?? []).some((a) => a.action === e.action && a.entity === e.entity);
      const seen = JSON.stringify(entries.map((e) => [e.action, e.entity, e.organisationId]));
      expect(entries.filter(isMain).length, `audit entries of the write among ${seen}`).toBeGreaterThan(0);
      for (const also of outcome.also ?? [])
        expect(
          entries.some((e) => e.action === also.action && e.entity === also.entity),
          also.entity,
        ).toBe(true);
      for (const entry of entries) {
        expect(entry.organisationId, `organisation of ${entry.action} ${entry.entity}`).toBe(
          outcome.organisationId,
        );
        expect(isMain(entry) || isAlso(entry), `${entry.action} ${entry.entity}`).toBe(true);
        const text = JSON.stringify(entry);
        for (const marker of personalMarkers(f))
          expect(text, "personal data in the audit entry").not.toContain(marker);
      }
    });
  }
});
