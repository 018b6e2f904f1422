import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creCases } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { IMP_KPN_ISOLATE, makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "./cre-test-support.ts";

const NOW = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

async function reportedCase() {
  const h = await makeHospital(ctx.app, ctx.db);
  const body = newCaseBody();
  const created = await ctx.app.inject({
    method: "POST",
    url: "/api/cre/cases",
    headers: { cookie: h.cookies.lab_technologist! },
    payload: body,
  });
  expect(created.statusCode).toBe(201);
  return { h, id: body.id };
}

const patch = (cookie: string, id: string, payload: object, query = "") =>
  ctx.app.inject({ method: "PATCH", url: `/api/cre/cases/${id}${query}`, headers: { cookie }, payload });

describe("CRE cases: the physician's record", () => {
  it("records infection, 表7 severity, diagnosis and the cefiderocol order; the advice follows (contract example)", async () => {
    const { h, id } = await reportedCase();
    const response = await patch(h.cookies.physician!, id, {
      version: 1,
      ...SEVERE_BLOODSTREAM,
      diagnosedOn: "2026-01-19",
      cefiderocolOrdered: true,
    });
    expect(response.statusCode).toBe(200);
    const { case: record, evaluation } = response.json();
    expect(record).toMatchObject({
      version: 2,
      diagnosedOn: "2026-01-19",
      cefiderocolOrdered: true,
      cefiderocolOrderedAt: NOW.toISOString(),
      order: { status: "awaiting_decision" },
    });
    expect(record.severity.checklist).toEqual(["VASOPRESSOR_REQUIRED"]);
    // Diagnosis 2026-01-19 + 7 days (感染症法 第12条, first day not counted) = 2026-01-26.
    expect(evaluation.notification).toMatchObject({ dueDate: "2026-01-26", dueDateBasis: "diagnosis" });
    // contracts/cre-advise.md example output: severe (haemodynamics failed), cefiderocol first and preferred; no
    // consultation is on record yet, so the verdict waits for one (記2 「…相談の上、投与すること」): pending_consultation,
    // never appropriate. CRE treated with cefiderocol owes the survey.
    expect(evaluation.clinical.severity).toMatchObject({ category: "severe", text: "重症例" });
    expect(evaluation.clinical.severity.failedDomains.map((d: { code: string }) => d.code)).toEqual([
      "hemodynamicallyStable",
    ]);
    expect(evaluation.clinical.options[0]).toMatchObject({
      drugs: [{ key: "cefiderocol", name: "セフィデロコル" }],
      role: "monotherapy",
      preferred: true,
      source: "guide ②",
    });
    expect(evaluation.clinical.options[0].dose).toContain("2g 8時間毎");
    expect(evaluation.clinical.cefiderocol.verdict).toBe("pending_consultation");
    expect(evaluation.clinical.cefiderocol.verdictText).toContain("相談待ち");
    expect(evaluation.clinical.cefiderocol.reasons.map((r: { code: string }) => r.code)).toEqual([
      "MBL_CPE",
      "SEVERE_NON_URINARY",
      "NO_CONSULTATION",
    ]);
    expect(evaluation.clinical.survey).toEqual({ required: true });
    expect(evaluation.advice.cefiderocol.verdict).toBe("pending_consultation");

    const [audited] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cre_case"), eq(auditLog.entityId, id), eq(auditLog.action, "update")));
    expect(audited!.n).toBe(1);
  });

  it("answers 409 on a version that is not the current one, and keeps the case", async () => {
    const { h, id } = await reportedCase();
    expect(
      (await patch(h.cookies.physician!, id, { version: 1, diagnosedOn: "2026-01-19" })).statusCode,
    ).toBe(200);
    const stale = await patch(h.cookies.physician!, id, { version: 1, diagnosedOn: "2026-01-18" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual([
      { path: "version", code: "invalid", message: "the case is now at version 2" },
    ]);
    const [row] = await ctx.db.select().from(creCases).where(eq(creCases.id, id));
    expect(row!.diagnosedOn).toBe("2026-01-19");
  });

  it("lets each role change only its own part", async () => {
    const { h, id } = await reportedCase();
    const labInfection = await patch(h.cookies.lab_technologist!, id, { version: 1, ...SEVERE_BLOODSTREAM });
    expect(labInfection.statusCode).toBe(403);
    expect(labInfection.json().error.message).toBe("Your role may not change: infection, severity.");
    const physicianIsolate = await patch(h.cookies.physician!, id, { version: 1, isolate: IMP_KPN_ISOLATE });
    expect(physicianIsolate.statusCode).toBe(403);
    const astOrder = await patch(h.cookies.ast_member!, id, { version: 1, cefiderocolOrdered: true });
    expect(astOrder.statusCode).toBe(403);

    // The laboratory corrects its isolate (an eCIM read again) and the label; the physician may fix the label too.
    const corrected = await patch(h.cookies.lab_technologist!, id, {
      version: 1,
      patientLabel: "P-0002",
      isolate: { ...IMP_KPN_ISOLATE, carbapenemase: { mCIM: { zoneMm: 6, pinpointColonies: false } } },
    });
    expect(corrected.statusCode).toBe(200);
    // mCIM positive without eCIM or an enzyme: CPE, class not known; next test eCIM or an enzyme test (図1).
    expect(corrected.json().evaluation.mechanism.category).toBe("CPE_UNTYPED");
    expect((await patch(h.cookies.physician!, id, { version: 2, patientLabel: "K.T." })).statusCode).toBe(
      200,
    );
  });

  it("refuses an incomplete or inconsistent clinical record, naming each field, and saves nothing", async () => {
    const { h, id } = await reportedCase();
    // A non-urinary infection needs 表7 (creCaseSchema); a urinary one needs its type.
    const noSeverity = await patch(h.cookies.physician!, id, {
      version: 1,
      infection: { site: "lung", urinaryType: null, causative: true },
    });
    expect(noSeverity.statusCode).toBe(400);
    expect(noSeverity.json().error.fields).toEqual([
      {
        path: "severity",
        code: "invalid",
        message: "severity (表7) is required for a non-urinary infection",
      },
    ]);
    const urinary = await patch(h.cookies.physician!, id, {
      version: 1,
      infection: { site: "urinary", causative: true },
    });
    expect(urinary.json().error.fields).toEqual([
      {
        path: "infection.urinaryType",
        code: "invalid",
        message: "urinary infection: expected cystitis or upper_uti",
      },
    ]);
    // A ticked example of a domain contradicts "domain met" (表7); dates in the future and notification before
    // diagnosis are refused.
    const inconsistent = await patch(h.cookies.physician!, id, {
      version: 1,
      ...SEVERE_BLOODSTREAM,
      severity: {
        ...SEVERE_BLOODSTREAM.severity,
        hemodynamicallyStable: true,
        checklist: ["HEART_RATE_GE_130"],
      },
      diagnosedOn: "2026-01-21",
      notifiedOn: "2026-01-10",
    });
    expect(
      inconsistent
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["diagnosedOn", "notifiedOn", "severity.hemodynamicallyStable"]);
    const badCode = await patch(h.cookies.physician!, id, {
      version: 1,
      ...SEVERE_BLOODSTREAM,
      severity: { ...SEVERE_BLOODSTREAM.severity, checklist: ["FEVER"] },
    });
    expect(badCode.json().error.fields).toEqual([
      { path: "severity.checklist[0]", code: "invalid", message: "not an example of guide 表7" },
    ]);
    const nothing = await patch(h.cookies.physician!, id, { version: 1 });
    expect(nothing.json().error.fields).toEqual([
      { path: "body", code: "invalid", message: "nothing to change: send at least one field" },
    ]);
    const [row] = await ctx.db.select().from(creCases).where(eq(creCases.id, id));
    expect(row).toMatchObject({ version: 1, infection: null, severity: null, diagnosedOn: null });
  });

  it("reads the immunodeficiency domain as met when the immunodeficient patient is stable (表7 ②)", async () => {
    const { h, id } = await reportedCase();
    const response = await patch(h.cookies.physician!, id, {
      version: 1,
      infection: { site: "lung", urinaryType: null, causative: true },
      severity: {
        hemodynamicallyStable: true,
        noImmunodeficiencyOrStable: true,
        sourceControlled: true,
        checklist: ["STEROID_PSL_20MG_2W"],
        stableDespiteImmunodeficiency: true,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().evaluation.clinical.severity.category).toBe("non_severe");
  });

  it("gives 404 for another hospital's case, before anything else", async () => {
    const { id } = await reportedCase();
    const other = await makeHospital(ctx.app, ctx.db, ["physician"]);
    const response = await patch(other.cookies.physician!, id, { version: 1, diagnosedOn: "2026-01-19" });
    expect(response.statusCode).toBe(404);
  });

  it("stamps a cefiderocol order placed again, so the AST is asked again", async () => {
    const { h, id } = await reportedCase();
    await patch(h.cookies.physician!, id, { version: 1, ...SEVERE_BLOODSTREAM, cefiderocolOrdered: true });
    const cancelled = await patch(h.cookies.physician!, id, { version: 2, cefiderocolOrdered: false });
    expect(cancelled.json().case).toMatchObject({
      cefiderocolOrderedAt: null,
      order: { status: "not_ordered" },
    });
  });
});
