import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createUser } from "../accounts/create-user.ts";
import { IMP_KPN_ISOLATE, makeHospital, SEVERE_BLOODSTREAM } from "../routes/cre/cre-test-support.ts";
import { oneIdTwoOrganisations } from "../test/one-id-two-organisations.ts";
import { cookiesOf, reportingFacility } from "../test/report-fixtures.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../test/test-facility.ts";
import {
  antibioticCourses,
  creConsultations,
  organisations,
  outbreakMeasures,
  routineRecords,
} from "./schema/index.ts";

// Ids the client chooses are the organisation's own (migrations 0019, 0021): an id another organisation already uses
// is simply this organisation's new row — never a 409 that would tell a stranger the id exists — while a resend in
// the same organisation is still the same row and other content under the same id is still a 409. Each organisation
// then reads and changes only its own row.

const NOW = new Date("2026-12-02T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

const send = (cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function twoFacilities() {
  const roles = ["nurse", "ic_lead", "care_worker"] as const;
  const make = async () => {
    const f = await makeFacility(ctx.db, { roles: [...roles] });
    return {
      ...f,
      nurse: await signIn(ctx.app, f.usernames.nurse!),
      lead: await signIn(ctx.app, f.usernames.ic_lead!),
    };
  };
  return { a: await make(), b: await make() };
}

describe("ids scoped to the organisation", () => {
  it("cases, antibiotic courses, episodes, measures and routine records: one id, two facilities", async () => {
    const { a, b } = await twoFacilities();
    const of = { a, b };
    // The rows below are read by id alone on purpose: one id, a row in each facility.

    const caseId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].nurse, "POST", "/api/cases", {
        id,
        personId: of[who].people[0]!.id,
        syndromeGroup: "RESP",
        status: "suspected",
        onsetDate: content === "first" ? "2026-12-01" : "2026-11-30",
      }),
    );
    // A change by A changes A's case only; each lists its own.
    const changed = await send(a.nurse, "PATCH", `/api/cases/${caseId}`, {
      status: "confirmed",
      disease: "influenza",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const listed = async (cookie: string) =>
      (await send(cookie, "GET", "/api/cases?from=2026-11-01"))
        .json()
        .cases.filter((c: { id: string }) => c.id === caseId);
    expect(
      (await listed(a.nurse)).map((c: { status: string; onsetDate: string }) => [c.status, c.onsetDate]),
    ).toEqual([["confirmed", "2026-12-01"]]);
    expect(
      (await listed(b.nurse)).map((c: { status: string; onsetDate: string }) => [c.status, c.onsetDate]),
    ).toEqual([["suspected", "2026-11-30"]]);

    const courseId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].nurse, "POST", "/api/antibiotics", {
        id,
        personId: of[who].people[0]!.id,
        drug: content === "first" ? "AMPC" : "LVFX",
        startDate: "2026-11-28",
      }),
    );
    expect(
      (await send(a.nurse, "PATCH", `/api/antibiotics/${courseId}`, { endDate: "2026-12-01" })).statusCode,
    ).toBe(200);
    const courses = await ctx.db
      .select({
        facilityId: antibioticCourses.facilityId,
        drug: antibioticCourses.drug,
        endDate: antibioticCourses.endDate,
      })
      .from(antibioticCourses)
      .where(eq(antibioticCourses.id, courseId));
    expect(courses.sort((x, y) => (x.drug! < y.drug! ? -1 : 1))).toEqual([
      { facilityId: a.facility.id, drug: "AMPC", endDate: "2026-12-01" },
      { facilityId: b.facility.id, drug: "LVFX", endDate: null },
    ]);

    const episodeId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].lead, "POST", `/api/facilities/${of[who].facility.id}/episodes`, {
        id,
        subject: { disease: content === "first" ? "influenza" : "norovirus" },
      }),
    );
    for (const [who, disease] of [
      ["a", "influenza"],
      ["b", "norovirus"],
    ] as const) {
      const read = await send(
        of[who].lead,
        "GET",
        `/api/facilities/${of[who].facility.id}/episodes/${episodeId}`,
      );
      expect(read.statusCode).toBe(200);
      expect(read.json().episode.subject).toEqual({ disease });
    }

    const measureId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].lead, "POST", `/api/facilities/${of[who].facility.id}/episodes/${episodeId}/measures`, {
        id,
        text: content === "first" ? "食堂の席を離す" : "面会を止める",
        doneDate: "2026-12-02",
      }),
    );
    const measures = await ctx.db
      .select({ facilityId: outbreakMeasures.facilityId, text: outbreakMeasures.text })
      .from(outbreakMeasures)
      .where(eq(outbreakMeasures.id, measureId));
    expect(measures).toHaveLength(2);
    expect(measures.find((m) => m.facilityId === b.facility.id)?.text).toBe("面会を止める");

    const recordId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].lead, "POST", "/api/routine/records/committee_meeting", {
        id,
        date: "2026-12-01",
        attendeeIds: [of[who].people[3]!.id],
        data: {
          kind: "regular",
          agenda: content === "first" ? "冬季のノロウイルス対策" : "インフルエンザ対策",
          minutes: [{ role: "director", text: "処理キットを置く" }],
          decisions: ["処理キットを各階に1つ置く"],
        },
      }),
    );
    const records = await ctx.db
      .select({ facilityId: routineRecords.facilityId })
      .from(routineRecords)
      .where(eq(routineRecords.id, recordId));
    expect(records.map((r) => r.facilityId).sort()).toEqual([a.facility.id, b.facility.id].sort());
    // Acknowledging A's minutes touches A's record only.
    expect(
      (await send(a.lead, "POST", `/api/routine/records/${recordId}/acknowledgements`)).statusCode,
    ).toBeLessThan(300);
  });

  it("CRE cases, consultations, notifications and survey responses: one id, two hospitals", async () => {
    const roles = ["lab_technologist", "physician", "ast_member"] as const;
    const of = {
      a: await makeHospital(ctx.app, ctx.db, [...roles]),
      b: await makeHospital(ctx.app, ctx.db, [...roles]),
    };
    const lab = (who: "a" | "b") => of[who].cookies.lab_technologist!;
    const physician = (who: "a" | "b") => of[who].cookies.physician!;

    const caseId = await oneIdTwoOrganisations((who, id, content) =>
      send(lab(who), "POST", "/api/cre/cases", {
        id,
        patientLabel: content === "first" ? "P-0001" : "P-0002",
        isolate: { ...IMP_KPN_ISOLATE, collectedAt: "2026-11-25" },
      }),
    );
    // A second case of each hospital, for the conflicts of the notification and the survey.
    const otherCase = randomUUID();
    for (const who of ["a", "b"] as const) {
      const made = await send(lab(who), "POST", "/api/cre/cases", {
        id: otherCase,
        patientLabel: "P-0003",
        isolate: { ...IMP_KPN_ISOLATE, collectedAt: "2026-11-25" },
      });
      expect(made.statusCode).toBe(201);
    }
    const ordered = await send(physician("a"), "PATCH", `/api/cre/cases/${caseId}`, {
      version: 1,
      ...SEVERE_BLOODSTREAM,
      cefiderocolOrdered: true,
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect((await send(lab("b"), "GET", `/api/cre/cases/${caseId}`)).json().case.version).toBe(1);
    for (const [who, id] of [
      ["b", caseId],
      ["a", otherCase],
      ["b", otherCase],
    ] as const) {
      const patched = await send(physician(who), "PATCH", `/api/cre/cases/${id}`, {
        version: 1,
        ...SEVERE_BLOODSTREAM,
        cefiderocolOrdered: true,
      });
      expect(patched.statusCode, patched.body).toBe(200);
    }
    expect((await send(lab("a"), "GET", `/api/cre/cases/${caseId}`)).json().case.patientLabel).toBe("P-0001");
    expect((await send(lab("b"), "GET", `/api/cre/cases/${caseId}`)).json().case.patientLabel).toBe("P-0002");

    const consultationId = await oneIdTwoOrganisations((who, id, content) =>
      send(physician(who), "POST", `/api/cre/cases/${caseId}/consultation`, {
        id,
        note: content === "first" ? "感染症内科に相談した" : "AST に相談した",
      }),
    );
    const consultations = await ctx.db
      .select({ hospitalId: creConsultations.hospitalId })
      .from(creConsultations)
      .where(eq(creConsultations.id, consultationId));
    expect(consultations).toHaveLength(2);

    await oneIdTwoOrganisations((who, id, content) =>
      send(physician(who), "POST", "/api/cre-notifications", {
        id,
        caseId: content === "first" ? caseId : otherCase,
      }),
    );

    await oneIdTwoOrganisations((who, id, content) =>
      send(physician(who), "POST", `/api/survey/cases/${content === "first" ? caseId : otherCase}/response`, {
        id,
      }),
    );
  });

  it("reports, decisions and the offices' replies: one id, two facilities", async () => {
    const facilities = {
      a: await reportingFacility(ctx.db, { residents: 12, ill: 6, onsetDay: "2026-12-01" }),
      b: await reportingFacility(ctx.db, { residents: 12, ill: 6, onsetDay: "2026-12-01" }),
    };
    const of = { a: await cookiesOf(ctx.app, facilities.a), b: await cookiesOf(ctx.app, facilities.b) };

    const reportId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].staff.director!, "POST", "/api/reports", {
        id,
        group: "GI",
        criterion: content === "first" || who === "b" ? "B" : "C",
      }),
    );
    for (const who of ["a", "b"] as const) {
      const submitted = await send(of[who].staff.director!, "POST", `/api/reports/${reportId}/submit`, {
        version: 1,
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    // Each health centre reads its own facility's report under the shared id.
    for (const who of ["a", "b"] as const) {
      const read = await send(of[who].hc, "GET", `/api/reports/${reportId}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().report.facilityId).toBe(facilities[who].facility.id);
    }

    await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].hc, "POST", `/api/reports/${reportId}/replies`, {
        id,
        text: content === "first" ? "受理しました" : "検体を提出してください",
      }),
    );

    await oneIdTwoOrganisations((who, id, content) =>
      send(of[who].staff.director!, "POST", "/api/reports/decisions", {
        id,
        group: "ILI",
        day: "2026-12-01",
        decision: "no_report",
        reason: content === "first" ? "散発例のため" : "家族内感染のため",
      }),
    );
  });

  it("paper survey forms: one id, two secretariats", async () => {
    const clerk = async () => {
      const [org] = await ctx.db
        .insert(organisations)
        .values({
          kind: "secretariat",
          name: `事務局 ${randomUUID().slice(0, 8)}`,
          requireSecondFactor: false,
        })
        .returning();
      const username = `ids-sec-${randomUUID().slice(0, 8)}`;
      await createUser(ctx.db, {
        organisationId: org!.id,
        username,
        displayName: "事務局員",
        role: "secretariat",
        password: TEST_PASSWORD,
      });
      return signIn(ctx.app, username);
    };
    const of = { a: await clerk(), b: await clerk() };
    const formId = await oneIdTwoOrganisations((who, id, content) =>
      send(of[who], "POST", "/api/survey/paper", {
        id,
        label: content === "first" ? "封筒 1" : "封筒 2",
        prefecture: "東京都",
      }),
    );
    for (const [who, label] of [
      ["a", "封筒 1"],
      ["b", "封筒 2"],
    ] as const) {
      const forms = (await send(of[who], "GET", "/api/survey/paper")).json().forms;
      expect(forms.map((f: { id: string; label: string }) => [f.id, f.label])).toEqual([[formId, label]]);
    }
  });
});
