import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creConsultations } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "./cre-test-support.ts";

let now = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

async function orderedCase() {
  const h = await makeHospital(ctx.app, ctx.db);
  const body = newCaseBody();
  await ctx.app.inject({
    method: "POST",
    url: "/api/cre/cases",
    headers: { cookie: h.cookies.lab_technologist! },
    payload: body,
  });
  const ordered = await ctx.app.inject({
    method: "PATCH",
    url: `/api/cre/cases/${body.id}`,
    headers: { cookie: h.cookies.physician! },
    payload: { version: 1, ...SEVERE_BLOODSTREAM, cefiderocolOrdered: true },
  });
  expect(ordered.statusCode).toBe(200);
  return { h, id: body.id };
}

const consult = (cookie: string, id: string, payload: object) =>
  ctx.app.inject({ method: "POST", url: `/api/cre/cases/${id}/consultation`, headers: { cookie }, payload });
const read = (cookie: string, id: string) =>
  ctx.app.inject({ method: "GET", url: `/api/cre/cases/${id}`, headers: { cookie } });

describe("CRE consultations and the AST's decision on cefiderocol", () => {
  it("records the physician's consultation, then the AST's approval; the history keeps both", async () => {
    now = new Date("2026-01-20T10:00:00+09:00");
    const { h, id } = await orderedCase();
    // Before any consultation the order waits for one (記2 「…相談の上、投与すること」): never appropriate.
    const beforeConsult = (await read(h.cookies.physician!, id)).json();
    expect(beforeConsult.evaluation.clinical.cefiderocol.verdict).toBe("pending_consultation");
    now = new Date("2026-01-20T11:00:00+09:00");
    const physicianNote = { id: randomUUID(), note: "感染症内科に電話で相談した" };
    const first = await consult(h.cookies.physician!, id, physicianNote);
    expect(first.statusCode).toBe(201);
    expect(first.json().consultation).toMatchObject({
      note: "感染症内科に電話で相談した",
      decision: null,
      caseVersion: 2,
    });
    // A consultation on record removes the NO_CONSULTATION finding (MHLW 事務連絡 2024-01-25 記2).
    const afterConsult = (await read(h.cookies.physician!, id)).json();
    expect(afterConsult.evaluation.clinical.cefiderocol.reasons.map((r: { code: string }) => r.code)).toEqual(
      ["MBL_CPE", "SEVERE_NON_URINARY"],
    );
    expect(afterConsult.evaluation.clinical.cefiderocol.verdict).toBe("appropriate");
    expect(afterConsult.case.order.status).toBe("awaiting_decision");

    now = new Date("2026-01-20T12:00:00+09:00");
    const approval = { id: randomUUID(), note: "MBL産生CPE・敗血症性ショック: 承認", decision: "approved" };
    expect((await consult(h.cookies.ast_member!, id, approval)).statusCode).toBe(201);
    // The same approval sent again is answered with the stored one; other content under its id is a conflict.
    const resend = await consult(h.cookies.ast_member!, id, approval);
    expect(resend.statusCode).toBe(200);
    expect(resend.json().consultation.recordedBy.role).toBe("ast_member");
    const changed = await consult(h.cookies.ast_member!, id, { ...approval, decision: "declined" });
    expect(changed.statusCode).toBe(409);

    const detail = (await read(h.cookies.lab_technologist!, id)).json();
    expect(detail.case.order).toEqual({ status: "approved", decidedAt: "2026-01-20T03:00:00.000Z" });
    expect(detail.case.consultations.map((c: { decision: string | null }) => c.decision)).toEqual([
      null,
      "approved",
    ]);
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.ast_member! },
    });
    expect(list.json().cases[0].cefiderocol).toMatchObject({
      ordered: true,
      orderStatus: "approved",
      verdict: "appropriate",
      verdictText: "適正",
    });
    const [audited] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cre_consultation"), eq(auditLog.organisationId, h.id)));
    expect(audited!.n).toBe(2);
  });

  it("asks for a new decision when the order is placed again after one", async () => {
    now = new Date("2026-01-20T10:00:00+09:00");
    const { h, id } = await orderedCase();
    now = new Date("2026-01-20T13:00:00+09:00");
    await consult(h.cookies.ast_member!, id, {
      id: randomUUID(),
      note: "まず感受性を確認",
      decision: "declined",
    });
    expect((await read(h.cookies.physician!, id)).json().case.order.status).toBe("declined");
    now = new Date("2026-01-20T14:00:00+09:00");
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/cre/cases/${id}`,
      headers: { cookie: h.cookies.physician! },
      payload: { version: 2, cefiderocolOrdered: false },
    });
    now = new Date("2026-01-20T15:00:00+09:00");
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/cre/cases/${id}`,
      headers: { cookie: h.cookies.physician! },
      payload: { version: 3, cefiderocolOrdered: true },
    });
    expect((await read(h.cookies.physician!, id)).json().case.order.status).toBe("awaiting_decision");
  });

  it("lets only the AST decide, only on an order, and the laboratory not consult", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody();
    await ctx.app.inject({
      method: "POST",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.lab_technologist! },
      payload: body,
    });
    const byPhysician = await consult(h.cookies.physician!, body.id, {
      id: randomUUID(),
      note: "承認",
      decision: "approved",
    });
    expect(byPhysician.statusCode).toBe(403);
    expect(byPhysician.json().error.message).toBe("Only the AST approves or declines a cefiderocol order.");
    const byLab = await consult(h.cookies.lab_technologist!, body.id, { id: randomUUID(), note: "相談" });
    expect(byLab.statusCode).toBe(403);
    const noOrder = await consult(h.cookies.ast_member!, body.id, {
      id: randomUUID(),
      note: "承認",
      decision: "approved",
    });
    expect(noOrder.statusCode).toBe(400);
    expect(noOrder.json().error.fields).toEqual([
      { path: "decision", code: "invalid", message: "there is no cefiderocol order to decide" },
    ]);
    const bad = await consult(h.cookies.ast_member!, body.id, { id: "x", note: " ", decision: "maybe" });
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["decision", "id", "note"]);
    const [saved] = await ctx.db
      .select({ n: count() })
      .from(creConsultations)
      .where(eq(creConsultations.caseId, body.id));
    expect(saved!.n).toBe(0);
  });

  it("gives 404 for another hospital's case", async () => {
    const { id } = await orderedCase();
    const other = await makeHospital(ctx.app, ctx.db, ["ast_member"]);
    const response = await consult(other.cookies.ast_member!, id, {
      id: randomUUID(),
      note: "承認",
      decision: "approved",
    });
    expect(response.statusCode).toBe(404);
  });
});
