import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creCases } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";
import { IMP_KPN_ISOLATE, makeHospital, newCaseBody } from "./cre-test-support.ts";

// 2026-01-20 10:00 in Tokyo: the day the laboratory reports in these tests.
const NOW = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

const post = (cookie: string, payload: unknown, query = "") =>
  ctx.app.inject({
    method: "POST",
    url: `/api/cre/cases${query}`,
    headers: { cookie },
    payload: payload as object,
  });
const get = (cookie: string, url: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });

describe("CRE cases: the laboratory reports an isolate", () => {
  it("creates a case once; the same create again is answered with the stored case, other content is a conflict", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody();
    const first = await post(h.cookies.lab_technologist!, body);
    expect(first.statusCode).toBe(201);
    expect(first.json().case).toMatchObject({
      id: body.id,
      patientLabel: "P-0001",
      reportedOn: "2026-01-20",
      infection: null,
      version: 1,
      order: { status: "not_ordered" },
    });
    // Raw MIC strings are stored as entered, qualifiers included.
    expect(first.json().case.isolate.mic).toMatchObject({ cefmetazole: ">32", levofloxacin: "≤0.12" });

    const again = await post(h.cookies.lab_technologist!, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().case.id).toBe(body.id);

    const changed = await post(h.cookies.lab_technologist!, {
      ...body,
      isolate: { ...IMP_KPN_ISOLATE, mic: { ...IMP_KPN_ISOLATE.mic, meropenem: "8" } },
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.fields).toEqual([
      { path: "id", code: "invalid", message: "already recorded with other content" },
    ]);

    const [stored] = await ctx.db.select({ n: count() }).from(creCases).where(eq(creCases.id, body.id));
    expect(stored!.n).toBe(1);
    const [audited] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cre_case"), eq(auditLog.entityId, body.id)));
    expect(audited!.n).toBe(1);
  });

  it("derives the laboratory half of the evaluation in Japanese and English: CRE by MEPM ≥ 2, MBL, notifiable by day 7", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody();
    await post(h.cookies.lab_technologist!, body);
    const ja = await get(h.cookies.physician!, `/api/cre/cases/${body.id}`);
    expect(ja.statusCode).toBe(200);
    expect(ja.json().timeZone).toBe("Asia/Tokyo");
    const e = ja.json().evaluation;
    // contracts/cre-advise.md example: MEPM 4 → criterion ア; IMP by immunochromatography → MBL.
    expect(e.cre).toMatchObject({ value: true, criterion: "meropenem_mic_ge_2" });
    expect(e.cre.criterionText).toBe("メロペネム MIC ≥2 µg/mL（届出基準ア）");
    expect(e.mechanism).toMatchObject({ category: "MBL", text: "メタロ-β-ラクタマーゼ産生CPE" });
    expect(e.mechanism.enzymes).toEqual([{ code: "IMP", text: "IMP型" }]);
    // Blood is a sterile specimen: notifiable on the laboratory criteria alone (届出基準; cre-reference.md §1.3).
    // No diagnosis date yet, so the 7 days run from the report day: 2026-01-20 + 7 = 2026-01-27.
    expect(e.notification).toMatchObject({
      notifiable: true,
      reason: "STERILE_SITE",
      dueDate: "2026-01-27",
      dueDateBasis: "report",
      overdue: false,
    });
    expect(e.organism).toMatchObject({ name: "Klebsiella pneumoniae", enterobacterales: true });
    expect(e.susceptibility.find((s: { key: string }) => s.key === "meropenem")).toMatchObject({
      name: "メロペネム",
      value: "4",
      category: "R",
    });
    // The physician has not recorded the infection: no treatment advice yet.
    expect(e.clinical).toBeNull();
    expect(e.advice).toBeNull();

    const en = await get(h.cookies.physician!, `/api/cre/cases/${body.id}?lang=en`);
    expect(en.json().evaluation.mechanism.text).toBe("metallo-β-lactamase-producing CPE");
  });

  it("lists the hospital's cases with their state: work-up pending with the next test, notifiable by date", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const typed = newCaseBody(IMP_KPN_ISOLATE, "P-1");
    // MEPM 2 from urine, nothing tested for carbapenemase: CRE, and the work-up's next test is mCIM or Carba NP.
    const pending = newCaseBody(
      {
        organism: "Escherichia coli",
        specimen: { type: "urine", sterileSite: false },
        mic: { meropenem: "2" },
        standard: { body: "CLSI", edition: "M100-Ed35" },
      },
      "P-2",
    );
    await post(h.cookies.lab_technologist!, typed);
    await post(h.cookies.lab_technologist!, pending);
    const list = await get(h.cookies.ast_member!, "/api/cre/cases");
    expect(list.statusCode).toBe(200);
    const cases = list.json().cases;
    expect(cases).toHaveLength(2);
    const byLabel = Object.fromEntries(cases.map((c: { patientLabel: string }) => [c.patientLabel, c]));
    expect(byLabel["P-1"]).toMatchObject({
      cre: true,
      mechanism: { code: "MBL" },
      workUp: { pending: false, nextTests: [] },
      notification: { notifiable: true, dueDate: "2026-01-27" },
      awaitingPhysician: true,
      survey: { required: false },
      cefiderocol: { ordered: false, orderStatus: "not_ordered", verdict: null },
    });
    expect(byLabel["P-2"]).toMatchObject({
      cre: true,
      mechanism: { code: "NOT_TESTED" },
      workUp: { pending: true },
      // Urine is not sterile and the physician has not judged the isolate causative yet.
      notification: { notifiable: "indeterminate", dueDate: "2026-01-27" },
    });
    expect(byLabel["P-2"].workUp.nextTests.map((t: { code: string }) => t.code)).toEqual(["mCIM", "carbaNP"]);
  });

  it("names every bad field, offers the nearest organism names, and saves nothing", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody({
      ...IMP_KPN_ISOLATE,
      organism: "Klebsiela pneumonia",
      mic: { ...IMP_KPN_ISOLATE.mic, meropenem: "R", meropenum: "4" },
      zoneMm: { imipenem: 60 },
    });
    const response = await post(h.cookies.lab_technologist!, body);
    expect(response.statusCode).toBe(400);
    const fields: Array<{ path: string; message: string }> = response.json().error.fields;
    expect(fields.map((f) => f.path).sort()).toEqual([
      "isolate.mic.meropenem",
      "isolate.mic.meropenum",
      "isolate.organism",
      "isolate.zoneMm.imipenem",
    ]);
    expect(fields.find((f) => f.path === "isolate.organism")!.message).toContain("Klebsiella pneumoniae");
    expect(fields.find((f) => f.path === "isolate.mic.meropenum")!.message).toMatch(/^unknown drug key/);
    expect(fields.find((f) => f.path === "isolate.zoneMm.imipenem")!.message).toContain("6–50 mm");
    const [stored] = await ctx.db.select({ n: count() }).from(creCases).where(eq(creCases.id, body.id));
    expect(stored!.n).toBe(0);

    const noLabel = await post(h.cookies.lab_technologist!, { id: "not-a-uuid", isolate: IMP_KPN_ISOLATE });
    expect(
      noLabel
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["id", "patientLabel"]);
  });

  it("keeps cases within the hospital: another hospital gets 404, other roles and facilities 403", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const other = await makeHospital(ctx.app, ctx.db, ["physician"]);
    const body = newCaseBody();
    await post(h.cookies.lab_technologist!, body);
    const foreign = await get(other.cookies.physician!, `/api/cre/cases/${body.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.id).toBe("not_found");
    const missing = await get(h.cookies.physician!, `/api/cre/cases/${randomUUID()}`);
    expect(missing.json()).toEqual(foreign.json());
    const otherList = await get(other.cookies.physician!, "/api/cre/cases");
    expect(otherList.json().cases).toEqual([]);

    // The physician reads but does not report isolates.
    const byPhysician = await post(h.cookies.physician!, newCaseBody());
    expect(byPhysician.statusCode).toBe(403);
    // A physician of an elderly-care home has no CRE stewardship.
    const home = await makeFacility(ctx.db, { roles: ["physician", "care_worker"] });
    const homePhysician = await signIn(ctx.app, home.usernames.physician!);
    const refused = await get(homePhysician, "/api/cre/cases");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.id).toBe("not_a_hospital");
    const care = await signIn(ctx.app, home.usernames.care_worker!);
    expect((await get(care, "/api/cre/cases")).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/cre/cases" })).statusCode).toBe(401);
  });

  it("refuses a language it does not have", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const response = await get(h.cookies.physician!, "/api/cre/cases?lang=fr");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: "query.lang", code: "invalid", message: "expected ja or en" },
    ]);
  });
});
