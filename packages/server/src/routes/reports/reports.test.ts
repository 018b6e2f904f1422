import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, officeLinks, officeReportRecipients, organisations } from "../../db/schema/index.ts";
import { addIllness, cookiesOf, FACILITY_ROLES, reportingFacility } from "../../test/report-fixtures.ts";
import { useTestApp } from "../../test/test-app.ts";
import { REPORT_CELL_NAMES } from "./workbook.ts";

// Reports to the offices (docs/contracts/reports.md). The criterion is the manual's 付録1① item 4 (seed
// 002_091590dabd09ea3f.txt, p.69): 「イ 同一の感染症若しくは食中毒の患者又はそれらが疑われる者が 10 名以上又は全利用者の半数以上
// 発生した場合」 — the director reports to the municipality 「併せて保健所に報告し、指示を求める」.
let now = new Date("2026-12-02T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
type Json = Record<string, any>;
const call = (
  app: FastifyInstance,
  cookie: string,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

let a: Awaited<ReturnType<typeof reportingFacility>>;
let b: Awaited<ReturnType<typeof reportingFacility>>;
let ca: Awaited<ReturnType<typeof cookiesOf>>;
let cb: Awaited<ReturnType<typeof cookiesOf>>;
const reportId = randomUUID();

beforeAll(async () => {
  a = await reportingFacility(ctx.db, { residents: 24, ill: 10, onsetDay: "2026-12-01" });
  b = await reportingFacility(ctx.db, { residents: 6, ill: 0, onsetDay: "2026-12-01" });
  ca = await cookiesOf(ctx.app, a);
  cb = await cookiesOf(ctx.app, b);
});

describe("drafting a report", () => {
  it("pre-fills the draft from the records with the criterion's evidence", async () => {
    const res = await call(ctx.app, ca.staff.director!, "POST", "/api/reports", {
      id: reportId,
      group: "GI",
      criterion: "B",
    });
    expect(res.statusCode).toBe(201);
    const r = res.json().report as Json;
    expect(r).toMatchObject({
      id: reportId,
      version: 1,
      status: "draft",
      facilityId: a.facility.id,
      recipients: [],
    });
    // Ten residents fell ill on 12月1日: 10 名以上 holds, and still holds today (the count and the threshold as the
    // rule saw them on the latest day).
    expect(r.evidence).toMatchObject({ code: "REPORT_CRITERION_B", holds: true, day: "2026-12-02" });
    expect(r.evidence.evidence).toMatchObject({ count: 10, threshold: 10 });
    expect(r.evidence.evidence.personIds).toBeUndefined();
    expect(r.content.persons).toEqual({
      users: { new: 0, cumulative: 10 },
      staff: { new: 0, cumulative: 0 },
      total: { new: 0, cumulative: 10 },
    });
    expect(r.content.firstOnset).toBe("2026-12-01");
    expect(r.content.byFloor.map((f: Json) => f.users.cumulative)).toEqual([5, 5]);
    expect(r.content.symptoms.map((s: Json) => s.code).sort()).toEqual(
      ["fever", "vomiting", "watery_stool"]
        .filter((c) => r.content.symptoms.some((s: Json) => s.code === c))
        .sort(),
    );
    expect(r.content.progress.at(-1)).toMatchObject({ day: "2026-12-02", cumulative: 10 });
  });

  it("answers the same call with the same report, and the id with other content with 409", async () => {
    const again = await call(ctx.app, ca.staff.director!, "POST", "/api/reports", {
      id: reportId,
      group: "GI",
      criterion: "B",
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().report.id).toBe(reportId);
    const other = await call(ctx.app, ca.staff.director!, "POST", "/api/reports", {
      id: reportId,
      group: "ILI",
      criterion: "B",
    });
    expect(other.statusCode).toBe(409);
  });

  it("refuses bad input with a 400 naming the field, saving nothing", async () => {
    const id = randomUUID();
    for (const [body, field] of [
      [{ id, group: "XX", criterion: "B" }, "group"],
      [{ id, group: "GI", criterion: "D" }, "criterion"],
      [{ id: "nope", group: "GI", criterion: "B" }, "id"],
      [{ id, group: "GI", criterion: "B", episodeId: randomUUID() }, "episodeId"],
    ] as const) {
      const res = await call(ctx.app, ca.staff.director!, "POST", "/api/reports", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.map((f: Json) => f.path)).toContain(field);
    }
    expect((await call(ctx.app, ca.staff.director!, "GET", `/api/reports/${id}`)).statusCode).toBe(404);
  });

  it("keeps criterion イ's cut-off on both sides: 9 persons of 24 users do not hold, 10 do", async () => {
    now = new Date("2026-12-02T10:00:00+09:00");
    const nine = await reportingFacility(ctx.db, { residents: 24, ill: 9, onsetDay: "2026-12-01" });
    const director = (await cookiesOf(ctx.app, nine)).staff.director!;
    const res = await call(ctx.app, director, "POST", "/api/reports", {
      id: randomUUID(),
      group: "GI",
      criterion: "B",
    });
    expect(res.json().report.evidence).toMatchObject({ holds: false });
    await addIllness(ctx.db, nine, 1, "2026-12-02", 9);
    now = new Date("2026-12-02T11:00:00+09:00");
    const ten = await call(ctx.app, director, "POST", "/api/reports", {
      id: randomUUID(),
      group: "GI",
      criterion: "B",
    });
    expect(ten.json().report.evidence).toMatchObject({ holds: true });
    expect(ten.json().report.evidence.evidence).toMatchObject({ count: 10, threshold: 10 });
    expect(ten.json().report.content.persons.users).toEqual({ new: 1, cumulative: 10 });
  });
});

describe("editing and submitting", () => {
  it("saves edits as versions and refuses an old version with 409", async () => {
    const res = await call(ctx.app, ca.staff.director!, "PATCH", `/api/reports/${reportId}`, {
      version: 1,
      contact: { name: "施設長 正人", phone: "03-0000-0000" },
      specimens: { kept: true, kinds: ["stool", "vomit"], note: "冷蔵保管" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ version: 2, status: "draft" });
    const stale = await call(ctx.app, ca.staff.director!, "PATCH", `/api/reports/${reportId}`, {
      version: 1,
      remarks: "x",
    });
    expect(stale.statusCode).toBe(409);
    const bad = await call(ctx.app, ca.staff.director!, "PATCH", `/api/reports/${reportId}`, {
      version: 2,
      measures: [{ day: "12/1", text: "消毒" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("measures[0].day");
  });

  it("submits once to both offices: a double submit is one report, an old version 409", async () => {
    expect(
      (await call(ctx.app, ca.staff.director!, "POST", `/api/reports/${reportId}/submit`, { version: 1 }))
        .statusCode,
    ).toBe(409);
    const [first, second] = await Promise.all([
      call(ctx.app, ca.staff.director!, "POST", `/api/reports/${reportId}/submit`, { version: 2 }),
      call(ctx.app, ca.staff.director!, "POST", `/api/reports/${reportId}/submit`, { version: 2 }),
    ]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json().report.submittedAt).toBe(first.json().report.submittedAt);
    const r = first.json().report as Json;
    expect(r.status).toBe("submitted");
    expect(r.recipients.map((x: Json) => [x.organisationId, x.kind]).sort()).toEqual(
      [
        [a.healthCentre.id, "health_centre"],
        [a.municipality.id, "municipality"],
      ].sort(),
    );
    const rows = await ctx.db
      .select()
      .from(officeReportRecipients)
      .where(eq(officeReportRecipients.reportId, reportId));
    expect(rows).toHaveLength(2);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "office_report_submission"), eq(auditLog.entityId, reportId)));
    expect(audits).toHaveLength(1);
  });

  it("keeps the evidence as it was sent when the alerts are recomputed", async () => {
    await addIllness(ctx.db, a, 3, "2026-12-02", 10);
    const r = (await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).json().report as Json;
    expect(r.evidence.evidence.count).toBe(10);
    expect(r.content.persons.total.cumulative).toBe(10);
  });
});

describe("access by relationship: every role of both facilities and all four offices", () => {
  it("lets each see and do only what the policy allows; others get 404 like an unknown id", async () => {
    const unknown = randomUUID();
    const outsiders = [
      ...FACILITY_ROLES.map((role) => [`B ${role}`, cb.staff[role]!] as const),
      ["B health centre", cb.hc] as const,
      ["B municipality", cb.muni] as const,
    ];
    const staffA = FACILITY_ROLES.map((role) => [`A ${role}`, ca.staff[role]!] as const);
    const officersA = [["A health centre", ca.hc] as const, ["A municipality", ca.muni] as const];
    const statuses = async (cookie: string, id: string) => ({
      read: (await call(ctx.app, cookie, "GET", `/api/reports/${id}`)).statusCode,
      edit: (await call(ctx.app, cookie, "PATCH", `/api/reports/${id}`, { version: 99, remarks: "x" }))
        .statusCode,
      submit: (await call(ctx.app, cookie, "POST", `/api/reports/${id}/submit`, { version: 99 })).statusCode,
      reply: (
        await call(ctx.app, cookie, "POST", `/api/reports/${id}/replies`, { id: randomUUID(), text: "" })
      ).statusCode,
      note: (await call(ctx.app, cookie, "POST", `/api/reports/${id}/notes`, { id: randomUUID(), text: "" }))
        .statusCode,
      state: (await call(ctx.app, cookie, "POST", `/api/reports/${id}/state`, { state: "bogus" })).statusCode,
      workbook: (await call(ctx.app, cookie, "GET", `/api/reports/${id}/workbook`)).statusCode,
    });
    const matrix: Json = {};
    for (const [who, cookie] of [...staffA, ...officersA, ...outsiders]) {
      matrix[who] = { report: await statuses(cookie, reportId), unknown: await statuses(cookie, unknown) };
      matrix[who].inbox = (await call(ctx.app, cookie, "GET", "/api/inbox")).statusCode;
      matrix[who].overview = (await call(ctx.app, cookie, "GET", "/api/inbox/overview")).statusCode;
      matrix[who].create = (
        await call(ctx.app, cookie, "POST", "/api/reports", { id: randomUUID(), group: "GI", criterion: "B" })
      ).statusCode;
    }
    // Nobody can tell another facility's report from an id that does not exist.
    for (const [who] of outsiders) {
      expect(matrix[who].report, who).toEqual(matrix[who].unknown);
      expect(
        Object.values(matrix[who].report as Json).every((s) => s === 404 || s === 400),
        who,
      ).toBe(true);
    }
    for (const [who] of staffA) {
      const director = who === "A director";
      // Staff read; only the director writes (a 409 for the wrong version means the write was allowed).
      expect(matrix[who].report, who).toMatchObject({
        read: 200,
        edit: director ? 409 : 404,
        submit: director ? 409 : 404,
        workbook: 200,
      });
      // Replies and notes are the offices': validation runs first (400), then the policy (404).
      expect([400, 404]).toContain(matrix[who].report.reply);
      expect(matrix[who].inbox, who).toBe(403);
      expect(matrix[who].create, who).toBe(director ? 201 : 403);
    }
    for (const [who] of officersA) {
      expect(matrix[who].report, who).toMatchObject({ read: 200, edit: 404, submit: 404, workbook: 200 });
      expect(matrix[who].inbox, who).toBe(200);
      expect(matrix[who].create, who).toBe(403);
    }
    expect(matrix["A health centre"].overview).toBe(200);
    expect(matrix["A municipality"].overview).toBe(403);
    expect(matrix["B health centre"].inbox).toBe(200);
    expect(matrix["B director"].create).toBe(201);
  });

  it("shows the report in the inboxes of the offices it was sent to, and in no other", async () => {
    const inbox = async (cookie: string) => (await call(ctx.app, cookie, "GET", "/api/inbox")).json();
    for (const cookie of [ca.hc, ca.muni]) {
      const box = await inbox(cookie);
      expect(box.reports.map((r: Json) => r.id)).toContain(reportId);
      expect(box.reports.find((r: Json) => r.id === reportId)).toMatchObject({
        facility: { id: a.facility.id, name: a.facility.name },
        status: "submitted",
      });
    }
    for (const cookie of [cb.hc, cb.muni])
      expect((await inbox(cookie)).reports.map((r: Json) => r.id)).not.toContain(reportId);
  });
});

describe("the offices' side", () => {
  it("counts unread reports until the officer opens them", async () => {
    const before = (await call(ctx.app, ca.muni, "GET", "/api/inbox/unread")).json().unread;
    expect(before).toBeGreaterThanOrEqual(0);
    await call(ctx.app, ca.muni, "GET", `/api/reports/${reportId}`);
    const box = (await call(ctx.app, ca.muni, "GET", "/api/inbox")).json();
    expect(box.reports.find((r: Json) => r.id === reportId).unread).toBe(false);
  });

  it("sends replies and instructions the facility sees; an empty reply is a 400 naming text", async () => {
    const empty = await call(ctx.app, ca.hc, "POST", `/api/reports/${reportId}/replies`, {
      id: randomUUID(),
      text: "  ",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe("text");
    const id = randomUUID();
    const body = { id, text: "検体（便）を保健所へ提出してください。", kind: "instruction" };
    const res = await call(ctx.app, ca.hc, "POST", `/api/reports/${reportId}/replies`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().reply).toMatchObject({
      id,
      kind: "instruction",
      from: { kind: "health_centre", organisationId: a.healthCentre.id },
    });
    expect((await call(ctx.app, ca.hc, "POST", `/api/reports/${reportId}/replies`, body)).statusCode).toBe(
      200,
    );
    const seen = (await call(ctx.app, ca.staff.care_worker!, "GET", `/api/reports/${reportId}`)).json()
      .report;
    expect(seen.replies.map((r: Json) => r.text)).toEqual([body.text]);
    const box = (await call(ctx.app, ca.hc, "GET", "/api/inbox")).json();
    expect(box.reports.find((r: Json) => r.id === reportId).state).toBe("instructed");
    const audited = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audited.map((e) => e.entity)).toEqual(["office_report_instruction"]);
  });

  it("keeps notes between the municipality and the health centre from the facility (付録1① item 7)", async () => {
    const note = { id: randomUUID(), text: "施設の嘱託医と連絡済み" };
    expect((await call(ctx.app, ca.muni, "POST", `/api/reports/${reportId}/notes`, note)).statusCode).toBe(
      201,
    );
    const hcView = (await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).json().report;
    expect(hcView.notes.map((n: Json) => n.text)).toEqual([note.text]);
    const facilityView = (await call(ctx.app, ca.staff.director!, "GET", `/api/reports/${reportId}`)).json()
      .report;
    expect(facilityView.notes).toBeUndefined();
    expect(JSON.stringify(facilityView)).not.toContain(note.text);
  });

  it("moves the report through the office's own inbox, audited", async () => {
    const res = await call(ctx.app, ca.muni, "POST", `/api/reports/${reportId}/state`, {
      state: "acknowledged",
    });
    expect(res.statusCode).toBe(200);
    const states = res
      .json()
      .report.recipients.map((r: Json) => [r.kind, r.state])
      .sort();
    expect(states).toEqual([
      ["health_centre", "instructed"],
      ["municipality", "acknowledged"],
    ]);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "office_report_state"), eq(auditLog.entityId, reportId)));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it("gives the health centre an overview of its facilities' open reports", async () => {
    const res = (await call(ctx.app, ca.hc, "GET", "/api/inbox/overview")).json();
    expect(res.facilities).toHaveLength(1);
    expect(res.facilities[0]).toMatchObject({ id: a.facility.id, openReports: 1 });
  });
});

describe("after submission", () => {
  it("an edit is a new version the offices see only once submitted, with what changed", async () => {
    const current = (await call(ctx.app, ca.staff.director!, "GET", `/api/reports/${reportId}`)).json()
      .report;
    const edit = await call(ctx.app, ca.staff.director!, "PATCH", `/api/reports/${reportId}`, {
      version: current.version,
      remarks: "2階の入所者は居室対応としました。",
    });
    expect(edit.json().report).toMatchObject({ version: 3, status: "draft" });
    const hidden = (await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).json().report;
    expect(hidden).toMatchObject({ version: 2, status: "submitted" });
    expect(hidden.content.remarks).toBe("");
    await call(ctx.app, ca.staff.director!, "POST", `/api/reports/${reportId}/submit`, { version: 3 });
    const box = (await call(ctx.app, ca.hc, "GET", "/api/inbox")).json();
    expect(box.reports.find((r: Json) => r.id === reportId)).toMatchObject({ unread: true, version: 3 });
    const shown = (await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).json().report;
    expect(shown).toMatchObject({ version: 3, changes: ["remarks"] });
    expect(shown.content.remarks).toBe("2階の入所者は居室対応としました。");
  });

  it("attaches a follow-up report (続報) that reaches the same offices", async () => {
    const id = randomUUID();
    const res = await call(ctx.app, ca.staff.director!, "POST", `/api/reports/${reportId}/follow-ups`, {
      id,
      kind: "follow_up",
    });
    expect(res.statusCode).toBe(201);
    const follow = res.json().report;
    expect(follow).toMatchObject({ kind: "follow_up", parentId: reportId, status: "draft" });
    // The follow-up counts the three who fell ill since.
    expect(follow.content.persons.total).toEqual({ new: 3, cumulative: 13 });
    const sent = await call(ctx.app, ca.staff.director!, "POST", `/api/reports/${id}/submit`, { version: 1 });
    expect(sent.json().report.recipients).toHaveLength(2);
    const parent = (await call(ctx.app, ca.muni, "GET", `/api/reports/${reportId}`)).json().report;
    expect(parent.followUps.map((f: Json) => f.id)).toEqual([id]);
    expect((await call(ctx.app, cb.hc, "GET", `/api/reports/${id}`)).statusCode).toBe(404);
  });

  it("records the director's decision under criterion ウ either way, audited", async () => {
    const id = randomUUID();
    const body = {
      id,
      group: "GI",
      day: "2026-12-02",
      decision: "no_report",
      reason: "嘱託医と相談し、通常の範囲と判断",
    };
    expect((await call(ctx.app, ca.staff.director!, "POST", "/api/reports/decisions", body)).statusCode).toBe(
      201,
    );
    expect((await call(ctx.app, ca.staff.director!, "POST", "/api/reports/decisions", body)).statusCode).toBe(
      200,
    );
    expect(
      (await call(ctx.app, ca.staff.nurse!, "POST", "/api/reports/decisions", { ...body, id: randomUUID() }))
        .statusCode,
    ).toBe(403);
    const empty = await call(ctx.app, ca.staff.director!, "POST", "/api/reports/decisions", {
      ...body,
      id: randomUUID(),
      reason: "",
    });
    expect(empty.json().error.fields[0].path).toBe("reason");
    const list = (await call(ctx.app, ca.staff.nurse!, "GET", "/api/reports")).json();
    expect(list.decisions.map((d: Json) => d.id)).toEqual([id]);
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1);
  });
});

describe("the Excel workbook", () => {
  it("holds the same numbers as the report, in cells addressed by name", async () => {
    const report = (await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).json().report;
    const res = await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}/workbook`);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cell = (name: string) => {
      const range = wb.definedNames.getRanges(name).ranges[0]!;
      const [, sheet, col, row] = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(range)!;
      return wb.getWorksheet(sheet!)!.getCell(`${col}${row}`);
    };
    expect(REPORT_CELL_NAMES.every((n) => wb.definedNames.getRanges(n).ranges.length === 1)).toBe(true);
    expect(cell("facility_name").value).toBe(a.facility.name);
    expect(cell("users_cumulative").value).toBe(report.content.persons.users.cumulative);
    expect(cell("total_new").value).toBe(report.content.persons.total.new);
    expect(cell("contact_phone").value).toBe("03-0000-0000");
    expect(cell("specimens").value).toBe("確保あり（便・吐物） 冷蔵保管");
    expect(cell("first_onset").value).toBe("12月1日(火)");
    const first = cell("progress_cumulative");
    const column = report.content.progress.map(
      (_: Json, i: number) => first.worksheet.getCell(Number(first.row) + i, Number(first.col)).value,
    );
    expect(column).toEqual(report.content.progress.map((p: Json) => p.cumulative));
  });
});

describe("a facility's offices with their dates", () => {
  it("keeps the history when the health centre changes; a sent report stays with the office that received it", async () => {
    now = new Date("2026-12-02T18:00:00+09:00");
    const [newCentre] = await ctx.db
      .insert(organisations)
      .values({ kind: "health_centre", name: "新しい保健所", requireSecondFactor: false })
      .returning();
    await ctx.db
      .update(organisations)
      .set({ healthCentreId: newCentre!.id })
      .where(eq(organisations.id, a.facility.id));
    const links = await ctx.db.select().from(officeLinks).where(eq(officeLinks.facilityId, a.facility.id));
    const centres = links.filter((l) => l.kind === "health_centre");
    expect(centres).toHaveLength(2);
    expect(centres.find((l) => l.officeId === a.healthCentre.id)!.validTo).not.toBeNull();
    const open = await ctx.db
      .select()
      .from(officeLinks)
      .where(and(eq(officeLinks.facilityId, a.facility.id), isNull(officeLinks.validTo)));
    expect(open.map((l) => l.officeId).sort()).toEqual([newCentre!.id, a.municipality.id].sort());
    // The old health centre keeps what it received.
    expect((await call(ctx.app, ca.hc, "GET", `/api/reports/${reportId}`)).statusCode).toBe(200);
    const overview = (await call(ctx.app, ca.hc, "GET", "/api/inbox/overview")).json();
    expect(overview.facilities).toHaveLength(0);
  });
});
