import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cases } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

// 2026-12-02 12:00 in Tokyo.
const ctx = useTestApp({ clock: () => new Date("2026-12-02T03:00:00Z") });

async function nurseWithCase(fields: Record<string, unknown>) {
  const f = await makeFacility(ctx.db, { roles: ["nurse"] });
  const cookie = await signIn(ctx.app, f.usernames.nurse!);
  const id = randomUUID();
  const created = await ctx.app.inject({
    method: "POST",
    url: "/api/cases",
    headers: { cookie },
    payload: { id, personId: f.people[0]!.id, status: "confirmed", ...fields },
  });
  expect(created.statusCode).toBe(201);
  return { f, cookie, id, created: created.json() };
}

describe("notifiable diagnoses on recorded cases (manual p.48; 付録2 表A2, p.78–80)", () => {
  it("says a diagnosed EHEC (3類, 「診断後直ちに届出（全数）」) is due the day of diagnosis, and raises NOTIFY_DEADLINE", async () => {
    const { f, cookie, created } = await nurseWithCase({
      disease: "ehec",
      onsetDate: "2026-11-30",
      diagnosedDate: "2026-12-01",
    });
    expect(created.notification).toMatchObject({
      diseaseId: "ehec",
      category: "3",
      deadline: "immediate",
      diagnosedDate: "2026-12-01",
      dueDate: "2026-12-01",
      pending: true,
      overdue: true,
    });
    expect(created.notification.summary.ja).toContain("診断後直ちに保健所へ届け出ます");
    const alerts = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?lookback=2`,
      headers: { cookie },
    });
    const notify = alerts.json().alerts.filter((a: { code: string }) => a.code === "NOTIFY_DEADLINE");
    expect(notify.map((a: { day: string }) => a.day)).toEqual(["2026-12-01", "2026-12-02"]);
  });

  it("CRE diagnosed 2026-11-25 (「7日以内に届出（全数）」) is due 12-02 — today, not yet late", async () => {
    const { created } = await nurseWithCase({
      disease: "cre",
      onsetDate: "2026-11-25",
      diagnosedDate: "2026-11-25",
    });
    expect(created.notification).toMatchObject({ dueDate: "2026-12-02", pending: true, overdue: false });
    const { created: dayEight } = await nurseWithCase({
      disease: "cre",
      onsetDate: "2026-11-24",
      diagnosedDate: "2026-11-24",
    });
    expect(dayEight.notification).toMatchObject({ dueDate: "2026-12-01", overdue: true });
  });

  it("influenza is sentinel-only (定点): no deadline for the facility's physician; scabies is not notifiable", async () => {
    const { created } = await nurseWithCase({ disease: "influenza", onsetDate: "2026-12-01" });
    expect(created.notification).toMatchObject({ everyPhysician: false, pending: false });
    const { created: scabies } = await nurseWithCase({ disease: "scabies", onsetDate: "2026-12-01" });
    expect(scabies.notification).toBeNull();
  });

  it("records the notified date, audited; the alert ends; a future day or one before the diagnosis is a 400 naming the field", async () => {
    const { f, cookie, id } = await nurseWithCase({
      disease: "ehec",
      onsetDate: "2026-11-30",
      diagnosedDate: "2026-12-01",
    });
    const patch = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: "PATCH", url: `/api/cases/${id}`, headers: { cookie }, payload });
    const future = await patch({ notifiedDate: "2026-12-03" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { path: "notifiedDate", code: "invalid", message: "must not be in the future (today is 2026-12-02)" },
    ]);
    const early = await patch({ notifiedDate: "2026-11-30" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      { path: "notifiedDate", code: "invalid", message: "must not be before the diagnosis" },
    ]);
    const notADay = await patch({ notifiedDate: "2026-12-32" });
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().error.fields.map((e: { path: string }) => e.path)).toEqual(["notifiedDate"]);
    const [stored] = await ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(stored?.notifiedDate).toBeNull();

    const ok = await patch({ notifiedDate: "2026-12-01" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      notifiedDate: "2026-12-01",
      notification: { pending: false, overdue: false },
    });
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "case"), eq(auditLog.entityId, id), eq(auditLog.action, "update")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ notifiedDate: "2026-12-01" });
    const alerts = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?lookback=2`,
      headers: { cookie },
    });
    expect(alerts.json().alerts.filter((a: { code: string }) => a.code === "NOTIFY_DEADLINE")).toEqual([]);
  });
});
