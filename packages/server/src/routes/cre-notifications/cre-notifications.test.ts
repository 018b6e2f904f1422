import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createUser } from "../../accounts/create-user.ts";
import { auditLog, creCases, creNotifications, organisations } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { IMP_KPN_ISOLATE, makeHospital, newCaseBody } from "../cre/cre-test-support.ts";

// 2026-01-20 10:00 in Tokyo: the physician sends the 発生届 that day.
const NOW = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

const inject = (method: "GET" | "POST" | "PATCH", url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A hospital (with its health centre from the test facility) and a CRE case its laboratory reported. */
async function hospitalWithCase(isolate: object = IMP_KPN_ISOLATE) {
  const h = await makeHospital(ctx.app, ctx.db);
  const body = newCaseBody(isolate);
  expect((await inject("POST", "/api/cre/cases", h.cookies.lab_technologist!, body)).statusCode).toBe(201);
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, h.id));
  return { h, caseId: body.id, healthCentreId: org!.healthCentreId! };
}

async function officerOf(officeId: string) {
  const username = `hc-${randomUUID().slice(0, 8)}`;
  await createUser(ctx.db, {
    organisationId: officeId,
    username,
    displayName: "保健所 担当",
    role: "health_centre_officer",
    password: TEST_PASSWORD,
  });
  return signIn(ctx.app, username, TEST_PASSWORD);
}

const savedFor = (caseId: string) =>
  ctx.db.select().from(creNotifications).where(eq(creNotifications.caseId, caseId));

describe("the CRE 発生届 sent through the inbox (感染症法 第12条第1項)", () => {
  it("sends once to the hospital's health centre, records the notified date, and the health centre reads it as sent", async () => {
    const { h, caseId, healthCentreId } = await hospitalWithCase();
    const before = (
      await inject("GET", `/api/cre-notifications/cases/${caseId}`, h.cookies.physician!)
    ).json();
    expect(before).toMatchObject({ notification: null, healthCentre: { id: healthCentreId }, maySend: true });

    const id = randomUUID();
    const sent = await inject("POST", "/api/cre-notifications", h.cookies.physician!, { id, caseId });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      id,
      caseId,
      healthCentre: { id: healthCentreId },
      sentAt: NOW.toISOString(),
      readAt: null,
      form: {
        sentOn: "2026-01-20",
        case: { patientLabel: "P-0001", isolate: { organism: IMP_KPN_ISOLATE.organism } },
        evaluation: { notification: { notifiedOn: "2026-01-20" } },
      },
    });
    // Only what the form shows leaves the hospital: no consultations, severity or treatment.
    expect(Object.keys(sent.json().form.case).sort()).toEqual([
      "diagnosedOn",
      "id",
      "isolate",
      "patientLabel",
    ]);
    expect(sent.json().form.evaluation.clinical).toBeNull();
    // The notified date is recorded on the case, as a new version.
    const [stored] = await ctx.db.select().from(creCases).where(eq(creCases.id, caseId));
    expect(stored).toMatchObject({ notifiedOn: "2026-01-20", version: 2 });

    // A resend is the same notification; another id for the same case is refused.
    const again = await inject("POST", "/api/cre-notifications", h.cookies.physician!, { id, caseId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    const other = await inject("POST", "/api/cre-notifications", h.cookies.physician!, {
      id: randomUUID(),
      caseId,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields[0]).toMatchObject({ path: "caseId", code: "already_sent" });
    expect(await savedFor(caseId)).toHaveLength(1);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cre_notification"), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);
    const caseAudits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cre_case"), eq(auditLog.entityId, caseId)));
    expect(caseAudits.some((a) => (a.after as { notifiedOn?: string }).notifiedOn === "2026-01-20")).toBe(
      true,
    );

    // The health centre finds it unread in its list, opens it (now read), and sees the form as it was sent.
    const hc = await officerOf(healthCentreId);
    const list = (await inject("GET", "/api/cre-notifications", hc)).json();
    expect(list.unread).toBe(1);
    expect(list.notifications).toEqual([
      expect.objectContaining({
        id,
        unread: true,
        hospital: { id: h.id, name: expect.stringContaining("施設") },
      }),
    ]);
    // The header counts it with the unread reports until someone at the health centre opens it.
    expect((await inject("GET", "/api/inbox/unread", hc)).json()).toEqual({
      unread: 1,
      reports: 0,
      notifications: 1,
    });
    // A later change of the case does not change what the health centre received.
    const patched = await inject("PATCH", `/api/cre/cases/${caseId}`, h.cookies.physician!, {
      version: 2,
      diagnosedOn: "2026-01-19",
    });
    expect(patched.statusCode).toBe(200);
    const opened = (await inject("GET", `/api/cre-notifications/${id}`, hc)).json();
    expect(opened.form.case.diagnosedOn).toBeNull();
    expect(opened.readAt).toBe(NOW.toISOString());
    expect((await inject("GET", "/api/cre-notifications", hc)).json().unread).toBe(0);
    expect((await inject("GET", "/api/inbox/unread", hc)).json()).toMatchObject({
      unread: 0,
      notifications: 0,
    });
    // The hospital sees it sent on the case.
    const after = (
      await inject("GET", `/api/cre-notifications/cases/${caseId}`, h.cookies.physician!)
    ).json();
    expect(after.notification).toMatchObject({ id, readAt: NOW.toISOString() });
  });

  it("answers 404 to another hospital and another health centre, 403 to a role that does not notify", async () => {
    const { h, caseId } = await hospitalWithCase();
    const id = randomUUID();
    expect(
      (await inject("POST", "/api/cre-notifications", h.cookies.physician!, { id, caseId })).statusCode,
    ).toBe(201);
    const other = await hospitalWithCase();
    expect((await inject("GET", `/api/cre-notifications/${id}`, other.h.cookies.physician!)).statusCode).toBe(
      404,
    );
    const otherCentre = await officerOf(other.healthCentreId);
    expect((await inject("GET", `/api/cre-notifications/${id}`, otherCentre)).statusCode).toBe(404);
    expect((await inject("GET", "/api/cre-notifications", otherCentre)).json().notifications).toEqual([]);
    expect((await inject("GET", "/api/inbox/unread", otherCentre)).json()).toMatchObject({
      notifications: 0,
    });
    // Another hospital cannot send this hospital's case.
    const foreign = await inject("POST", "/api/cre-notifications", other.h.cookies.physician!, {
      id: randomUUID(),
      caseId,
    });
    expect(foreign.statusCode).toBe(404);
    // The laboratory reports isolates; the physician notifies.
    const lab = await inject("POST", "/api/cre-notifications", other.h.cookies.lab_technologist!, {
      id: randomUUID(),
      caseId: other.caseId,
    });
    expect(lab.statusCode).toBe(403);
    expect(await savedFor(other.caseId)).toHaveLength(0);
    // Hospital staff have no inbox.
    expect((await inject("GET", "/api/cre-notifications", h.cookies.physician!)).statusCode).toBe(403);
  });

  it("refuses bad input naming the field, a hospital without a health centre, and a case that is not notifiable — nothing saved", async () => {
    const { h, caseId } = await hospitalWithCase();
    const bad = await inject("POST", "/api/cre-notifications", h.cookies.physician!, { id: "x", caseId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("id");
    const extra = await inject("POST", "/api/cre-notifications", h.cookies.physician!, {
      id: randomUUID(),
      caseId,
      to: "somewhere",
    });
    expect(extra.statusCode).toBe(400);

    // 5類全数 CRE: the criteria of the notification (MEPM ≥ 2 mg/L, or IPM ≥ 2 and CMZ ≥ 64) — a susceptible
    // isolate (MEPM ≤0.25, IPM ≤0.5) is not notified.
    const susceptible = await hospitalWithCase({
      ...IMP_KPN_ISOLATE,
      mic: { meropenem: "≤0.25", imipenem: "≤0.5" },
      zoneMm: {},
      carbapenemase: {},
    });
    const notNotifiable = await inject("POST", "/api/cre-notifications", susceptible.h.cookies.physician!, {
      id: randomUUID(),
      caseId: susceptible.caseId,
    });
    expect(notNotifiable.statusCode).toBe(409);
    expect(notNotifiable.json().error.fields[0].code).toBe("not_notifiable");

    await ctx.db.update(organisations).set({ healthCentreId: null }).where(eq(organisations.id, h.id));
    const view = (await inject("GET", `/api/cre-notifications/cases/${caseId}`, h.cookies.physician!)).json();
    expect(view.healthCentre).toBeNull();
    const noCentre = await inject("POST", "/api/cre-notifications", h.cookies.physician!, {
      id: randomUUID(),
      caseId,
    });
    expect(noCentre.statusCode).toBe(409);
    expect(noCentre.json().error.fields[0]).toMatchObject({ path: "healthCentre", code: "no_health_centre" });
    expect(await savedFor(caseId)).toHaveLength(0);
    const [stored] = await ctx.db.select().from(creCases).where(eq(creCases.id, caseId));
    expect(stored).toMatchObject({ notifiedOn: null, version: 1 });
  });

  it("lets a health centre that two hospitals sent the same id name the hospital; without it 409 ambiguous_id", async () => {
    const first = await hospitalWithCase();
    const second = await hospitalWithCase();
    await ctx.db
      .update(organisations)
      .set({ healthCentreId: first.healthCentreId })
      .where(eq(organisations.id, second.h.id));
    const id = randomUUID();
    for (const { h, caseId } of [first, second])
      expect(
        (await inject("POST", "/api/cre-notifications", h.cookies.physician!, { id, caseId })).statusCode,
      ).toBe(201);
    const hc = await officerOf(first.healthCentreId);
    const list = (await inject("GET", "/api/cre-notifications", hc)).json();
    expect(list.notifications.map((n: { hospital: { id: string } }) => n.hospital.id).sort()).toEqual(
      [first.h.id, second.h.id].sort(),
    );

    const ambiguous = await inject("GET", `/api/cre-notifications/${id}`, hc);
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().error).toMatchObject({
      id: "ambiguous_id",
      fields: [{ path: "facility", code: "ambiguous_id" }],
    });
    expect(
      ambiguous
        .json()
        .error.fields[0].params.facilities.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([first.h.id, second.h.id].sort());
    expect((await savedFor(second.caseId))[0]!.readAt).toBeNull();

    const opened = await inject("GET", `/api/cre-notifications/${id}?facility=${second.h.id}`, hc);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ caseId: second.caseId, readAt: NOW.toISOString() });
    expect((await savedFor(first.caseId))[0]!.readAt).toBeNull();
    // Only the officers it was sent to: another health centre naming the hospital is told 404.
    const otherCentre = await officerOf(second.healthCentreId);
    expect(
      (await inject("GET", `/api/cre-notifications/${id}?facility=${second.h.id}`, otherCentre)).statusCode,
    ).toBe(404);
    // The hospital reads its own without naming itself, and not the other's by naming it.
    expect(
      (await inject("GET", `/api/cre-notifications/${id}`, first.h.cookies.physician!)).json().caseId,
    ).toBe(first.caseId);
    expect(
      (
        await inject(
          "GET",
          `/api/cre-notifications/${id}?facility=${second.h.id}`,
          first.h.cookies.physician!,
        )
      ).statusCode,
    ).toBe(404);
    const bad = await inject("GET", `/api/cre-notifications/${id}?facility=x`, hc);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain("facility");
  });
});
