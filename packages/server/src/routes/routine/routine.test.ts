import { randomUUID } from "node:crypto";
import { evaluateObligations } from "@mamori/domain/obligations";
import { and, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditLog, observations, people, routineRecords, users } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

// Noon in Tokyo on Wednesday 2 December 2026: the facility's today is 2026-12-02.
const NOW = new Date("2026-12-02T03:00:00Z");
const ctx = useTestApp({ clock: () => NOW });

async function facility() {
  const f = await makeFacility(ctx.db, {
    roles: ["care_worker", "nurse", "ic_lead", "director"],
    people: [
      { kind: "resident", unit: 0 },
      { kind: "resident", unit: 1 },
      { kind: "staff" },
      { kind: "staff" },
    ],
  });
  const lead = await signIn(ctx.app, f.usernames.ic_lead!);
  const staff = f.people.filter((p) => p.kind === "staff");
  const residents = f.people.filter((p) => p.kind === "resident");
  return { ...f, lead, staff, residents };
}

type F = Awaited<ReturnType<typeof facility>>;

function post(cookie: string, type: string, payload: Record<string, unknown>) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/routine/records/${type}`,
    headers: { cookie },
    payload: { id: randomUUID(), ...payload },
  });
}

async function obligations(f: F, asOf?: string) {
  const response = await ctx.app.inject({
    method: "GET",
    url: `/api/facilities/${f.facility.id}/obligations${asOf ? `?asOf=${asOf}` : ""}`,
    headers: { cookie: f.lead },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    asOf: string;
    items: { code: string; status: string; subject: object; due?: string }[];
  };
}

async function savedCount(f: F) {
  const rows = await ctx.db.select().from(routineRecords).where(eq(routineRecords.facilityId, f.facility.id));
  const audits = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, f.facility.id), like(auditLog.entity, "routine_%")));
  return { rows: rows.length, audits: audits.length };
}

describe("routine records: one write path", () => {
  it("records a committee meeting with minutes by 表2 role, attendees and decisions, audited; a resend is the same", async () => {
    const f = await facility();
    const id = randomUUID();
    const payload = {
      id,
      date: "2026-12-01",
      attendeeIds: f.staff.map((s) => s.id),
      data: {
        kind: "regular",
        agenda: "冬季のノロウイルス対策",
        minutes: [
          { role: "director", text: "嘔吐物処理キットを各階に配置する" },
          { role: "nurse", text: "11月の発生状況を報告" },
        ],
        decisions: ["処理キットを各階に1つ置く"],
      },
    };
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/records/committee_meeting",
      headers: { cookie: f.lead },
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id,
      type: "committee_meeting",
      date: "2026-12-01",
      flagged: false,
    });
    expect(created.json().attendeeIds.sort()).toEqual(f.staff.map((s) => s.id).sort());

    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/records/committee_meeting",
      headers: { cookie: f.lead },
      payload,
    });
    expect(again.statusCode).toBe(200);
    const other = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/records/committee_meeting",
      headers: { cookie: f.lead },
      payload: { ...payload, date: "2026-11-30" },
    });
    expect(other.statusCode).toBe(409);
    expect(await savedCount(f)).toEqual({ rows: 1, audits: 1 });
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.organisationId, f.facility.id), eq(auditLog.entity, "routine_committee_meeting")),
      );
    expect(audit).toMatchObject({ action: "create", entityId: id });
  });

  it("refuses a day in the future, naming the field, and saves nothing", async () => {
    const f = await facility();
    const response = await post(f.lead, "training", {
      date: "2026-12-03",
      attendeeIds: [f.staff[0]!.id],
      data: { kind: "regular", topic: "手洗い" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: "date", code: "invalid", message: "must not be in the future" },
    ]);
    // Today in Tokyo is accepted (it is still 1 December in UTC+0 for part of the day, 2 December here).
    expect(
      (
        await post(f.lead, "training", {
          date: "2026-12-02",
          attendeeIds: [f.staff[0]!.id],
          data: { kind: "regular", topic: "手洗い" },
        })
      ).statusCode,
    ).toBe(201);
    expect(await savedCount(f)).toEqual({ rows: 1, audits: 1 });
  });

  it("refuses attendance of people who are not staff of this facility, and saves nothing", async () => {
    const f = await facility();
    const other = await facility();
    const response = await post(f.lead, "training", {
      date: "2026-12-01",
      attendeeIds: [f.staff[0]!.id, other.staff[0]!.id, f.residents[0]!.id],
      data: { kind: "regular", topic: "手洗い" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((e: { path: string }) => e.path)).toEqual([
      "attendeeIds[1]",
      "attendeeIds[2]",
    ]);
    expect(await savedCount(f)).toEqual({ rows: 0, audits: 0 });
  });

  it("names bad fields of the type's data, and a future day inside it", async () => {
    const f = await facility();
    const bad = await post(f.lead, "occupational_exposure", {
      date: "2026-11-20",
      personId: f.staff[0]!.id,
      data: { kind: "needle_stick", followUp: "HBs抗体確認", followUpDoneOn: "2026-12-20" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: "data.followUpDoneOn", code: "invalid", message: "must not be in the future" },
    ]);
    const unknown = await post(f.lead, "humidifier_log", { date: "2026-12-01", data: { action: "refill" } });
    expect(unknown.json().error.fields.map((e: { path: string }) => e.path)).toEqual([
      "data.action",
      "equipmentId",
    ]);
    const resident = await post(f.lead, "staff_health_check", {
      date: "2026-12-01",
      personId: f.residents[0]!.id,
    });
    expect(resident.json().error.fields).toEqual([
      { path: "personId", code: "invalid", message: "not a staff member" },
    ]);
    expect(await savedCount(f)).toEqual({ rows: 0, audits: 0 });
  });

  it("needs a resident's consent to a vaccination (manual p.4), not before it", async () => {
    const f = await facility();
    const noConsent = await post(f.lead, "vaccination", {
      date: "2026-11-10",
      personId: f.residents[0]!.id,
      data: { vaccine: "influenza" },
    });
    expect(noConsent.json().error.fields).toEqual([
      {
        path: "data.consent",
        code: "invalid",
        message: "a resident's vaccination or refusal needs the consent given",
      },
    ]);
    const late = await post(f.lead, "vaccination", {
      date: "2026-11-10",
      personId: f.residents[0]!.id,
      data: { vaccine: "influenza", consent: { by: "family", date: "2026-11-11" } },
    });
    expect(late.json().error.fields[0].path).toBe("data.consent.date");
    const ok = await post(f.lead, "vaccination", {
      date: "2026-11-10",
      personId: f.residents[0]!.id,
      data: { vaccine: "influenza", consent: { by: "family", date: "2026-11-01" } },
    });
    expect(ok.statusCode).toBe(201);
    // Staff need no consent record.
    expect(
      (
        await post(f.lead, "vaccination", {
          date: "2026-11-10",
          personId: f.staff[0]!.id,
          data: { vaccine: "influenza" },
        })
      ).statusCode,
    ).toBe(201);
  });

  it("flags residual chlorine outside 0.2–0.4 mg/L (manual p.24), both ends in range", async () => {
    const f = await facility();
    const bath = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/equipment",
      headers: { cookie: f.lead },
      payload: { kind: "bath_circulating", name: "一般浴" },
    });
    expect(bath.statusCode).toBe(201);
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    const flagged = async (chlorineMgL: number) => {
      const response = await post(care, "bath_check", {
        date: "2026-12-01",
        equipmentId: bath.json().id,
        data: { time: "10:00", chlorineMgL, waterChanged: false, cleaned: true },
      });
      expect(response.statusCode).toBe(201);
      return response.json().flagged;
    };
    expect(await flagged(0.2)).toBe(false);
    expect(await flagged(0.4)).toBe(false);
    expect(await flagged(0.19)).toBe(true);
    expect(await flagged(0.41)).toBe(true);
  });

  it("lets a care worker log a humidifier round but not record a committee meeting", async () => {
    const f = await facility();
    const humidifier = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/equipment",
      headers: { cookie: f.lead },
      payload: { kind: "humidifier_household", name: "1階 食堂", seasonFrom: "2026-11-01" },
    });
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    expect(
      (
        await post(care, "humidifier_log", {
          date: "2026-12-02",
          equipmentId: humidifier.json().id,
          data: { action: "tank_change" },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(care, "committee_meeting", { date: "2026-12-01", data: { kind: "regular" } })).statusCode,
    ).toBe(403);
    // Another facility's humidifier is not one of this facility's.
    const other = await facility();
    const theirs = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/equipment",
      headers: { cookie: other.lead },
      payload: { kind: "humidifier_household", name: "他施設", seasonFrom: "2026-11-01" },
    });
    const refused = await post(care, "humidifier_log", {
      date: "2026-12-02",
      equipmentId: theirs.json().id,
      data: { action: "tank_change" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe("equipmentId");
  });

  it("refuses deletion within the retention period (default 5 years), allows it after", async () => {
    const f = await facility();
    const recent = await post(f.lead, "cleaning_round", { date: "2021-12-03", data: { areas: ["floors"] } });
    const old = await post(f.lead, "cleaning_round", { date: "2021-12-02", data: { areas: ["floors"] } });
    const refused = await ctx.app.inject({
      method: "DELETE",
      url: `/api/routine/records/${recent.json().id}`,
      headers: { cookie: f.lead },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ id: "retention" });
    const removed = await ctx.app.inject({
      method: "DELETE",
      url: `/api/routine/records/${old.json().id}`,
      headers: { cookie: f.lead },
    });
    expect(removed.statusCode).toBe(200);
    expect(await savedCount(f)).toEqual({ rows: 1, audits: 3 });
  });

  it("confirms reading circulated minutes once per user, audited", async () => {
    const f = await facility();
    const meeting = await post(f.lead, "committee_meeting", { date: "2026-12-01", data: { kind: "ad_hoc" } });
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    for (let i = 0; i < 2; i++) {
      const read = await ctx.app.inject({
        method: "POST",
        url: `/api/routine/records/${meeting.json().id}/acknowledgements`,
        headers: { cookie: care },
      });
      expect(read.statusCode).toBe(200);
    }
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/routine/records?types=committee_meeting&from=2026-12-01&to=2026-12-01",
      headers: { cookie: f.lead },
    });
    expect(list.json().records[0].acknowledgements).toHaveLength(1);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, f.facility.id), eq(auditLog.entity, "routine_acknowledgement")));
    expect(audits).toHaveLength(1);
  });
});

describe("GET /api/facilities/:id/obligations", () => {
  it("gives the domain's states from the stored records, and turns done when the evidence is recorded", async () => {
    const f = await facility();
    const before = await obligations(f);
    expect(before.asOf).toBe("2026-12-02");
    expect(before.items.find((i) => i.code === "COMMITTEE")).toMatchObject({ status: "overdue", due: null });

    await post(f.lead, "committee_meeting", { date: "2026-09-01", data: { kind: "regular" } });
    expect((await obligations(f)).items.find((i) => i.code === "COMMITTEE")).toMatchObject({
      status: "overdue",
      due: "2026-12-01",
    });
    await post(f.lead, "committee_meeting", { date: "2026-12-02", data: { kind: "regular" } });
    expect((await obligations(f)).items.find((i) => i.code === "COMMITTEE")).toMatchObject({
      status: "ok",
      due: "2027-03-02",
    });

    // New hire on 2026-11-01, regular trainings: the same answer as the domain function on the same records.
    await post(f.lead, "staff_hire", { date: "2026-11-01", personId: f.staff[0]!.id });
    await post(f.lead, "training", {
      date: "2026-06-10",
      attendeeIds: [f.staff[1]!.id],
      data: { kind: "regular", topic: "食中毒の予防" },
    });
    const served = await obligations(f);
    const domain = evaluateObligations({
      asOf: "2026-12-02",
      staff: [
        { id: f.staff[0]!.id, hiredOn: "2026-11-01" },
        { id: f.staff[1]!.id, hiredOn: null },
      ],
      committeeMeetings: [{ date: "2026-09-01" }, { date: "2026-12-02" }],
      trainings: [{ date: "2026-06-10", kind: "regular", attendees: [f.staff[1]!.id] }],
      humidifiers: [],
    });
    const pick = (items: { code: string; subject: object; status: string }[]) =>
      items
        .filter((i) => ["COMMITTEE", "NEW_HIRE_TRAINING", "REGULAR_TRAINING"].includes(i.code))
        .map((i) => [i.code, i.subject, i.status]);
    expect(pick(served.items)).toEqual(pick(domain.items));
    expect(served.items.find((i) => i.code === "NEW_HIRE_TRAINING")).toMatchObject({ status: "overdue" });
  });

  it("answers 404 for another facility and 403 for a care worker", async () => {
    const f = await facility();
    const other = await facility();
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${other.facility.id}/obligations`,
      headers: { cookie: f.lead },
    });
    expect(response.statusCode).toBe(404);
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    const refused = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/obligations`,
      headers: { cookie: care },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("follows the facility's settings", async () => {
    const f = await facility();
    await post(f.lead, "committee_meeting", { date: "2026-11-01", data: { kind: "regular" } });
    const settings = await ctx.app.inject({
      method: "GET",
      url: "/api/routine/settings",
      headers: { cookie: f.lead },
    });
    expect(settings.json().settings).toMatchObject({ committeeEveryMonths: 3, retentionYears: 5 });
    const put = await ctx.app.inject({
      method: "PUT",
      url: "/api/routine/settings",
      headers: { cookie: f.lead },
      payload: { ...settings.json().settings, committeeEveryMonths: 1 },
    });
    expect(put.statusCode).toBe(200);
    expect((await obligations(f)).items.find((i) => i.code === "COMMITTEE")).toMatchObject({
      status: "overdue",
      due: "2026-12-01",
    });
    const bad = await ctx.app.inject({
      method: "PUT",
      url: "/api/routine/settings",
      headers: { cookie: f.lead },
      payload: { ...settings.json().settings, retentionYears: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("retentionYears");
  });
});

describe("GET /api/facilities/:id/work-restrictions", () => {
  it("flags a staff member with vomiting in the round off kitchen work and care until two days without it", async () => {
    const f = await facility();
    const [lead] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.ic_lead!));
    const cook = f.staff[0]!;
    await ctx.db.update(people).set({ job: "kitchen" }).where(eq(people.id, cook.id));
    await ctx.db.insert(observations).values({
      id: randomUUID(),
      facilityId: f.facility.id,
      personId: cook.id,
      at: new Date("2026-12-01T08:30:00+09:00"),
      tempC: null,
      symptoms: ["vomiting"],
      recordedBy: lead!.id,
    });
    const at = async (asOf: string) =>
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/facilities/${f.facility.id}/work-restrictions?asOf=${asOf}`,
          headers: { cookie: f.lead },
        })
      ).json().restrictions;
    expect(await at("2026-12-03")).toEqual([
      {
        staffId: cook.id,
        name: cook.name,
        job: "kitchen",
        reason: "gi_symptoms",
        offDuties: ["kitchen", "resident_care"],
        lastSymptomOn: "2026-12-01",
        returnOn: "2026-12-04",
      },
    ]);
    expect(await at("2026-12-04")).toEqual([]);
  });
});

describe("GET /api/routine/inspection.xlsx", () => {
  it("exports a year's trainings with attendees as a workbook that reads back", async () => {
    const f = await facility();
    await post(f.lead, "training", {
      date: "2026-06-10",
      attendeeIds: f.staff.map((s) => s.id),
      data: { kind: "regular", topic: "食中毒の予防と対策" },
    });
    await post(f.lead, "training", {
      date: "2026-10-20",
      attendeeIds: [f.staff[0]!.id],
      data: { kind: "regular", topic: "インフルエンザの予防と対策" },
    });
    await post(f.lead, "training", {
      date: "2026-03-31",
      attendeeIds: [f.staff[0]!.id],
      data: { kind: "regular", topic: "前年度" },
    });
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/routine/inspection.xlsx?type=training&from=2026-04-01&to=2027-03-31",
      headers: { cookie: await signIn(ctx.app, f.usernames.director!) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("職員研修の記録");
    expect(String(sheet.getCell("A1").value)).toContain("職員研修の記録");
    expect(String(sheet.getCell("A2").value)).toBe("期間：2026-04-01 ～ 2027-03-31　件数：2");
    expect(sheet.getRow(4).values).toEqual([undefined, "日付", "種別", "内容", "出席者数", "出席者"]);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      "2026-06-10",
      "定期",
      "食中毒の予防と対策",
      2,
      f.staff.map((s) => s.name).join("、"),
    ]);
    expect(sheet.getRow(6).getCell(3).value).toBe("インフルエンザの予防と対策");
    expect(sheet.rowCount).toBe(6);
  });

  it("names a bad period and refuses a care worker", async () => {
    const f = await facility();
    const bad = await ctx.app.inject({
      method: "GET",
      url: "/api/routine/inspection.xlsx?type=training&from=2026-04-01&to=2026-03-31",
      headers: { cookie: f.lead },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("to");
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    const refused = await ctx.app.inject({
      method: "GET",
      url: "/api/routine/inspection.xlsx?type=training&from=2026-04-01&to=2027-03-31",
      headers: { cookie: care },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("birth date and the person's records", () => {
  it("refuses a vaccination dated before the person's birth date, naming date; the day itself is accepted", async () => {
    const f = await facility();
    const resident = f.residents[0]!;
    const set = await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${resident.id}`,
      headers: { cookie: f.lead },
      payload: { birthDate: "2026-11-10" },
    });
    expect(set.statusCode).toBe(200);
    const vaccination = (date: string) =>
      post(f.lead, "vaccination", {
        date,
        personId: resident.id,
        data: { vaccine: "influenza", consent: { by: "family", date } },
      });
    const before = await vaccination("2026-11-09");
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields).toEqual([
      { path: "date", code: "invalid", message: "must not be before the person's birth date (2026-11-10)" },
    ]);
    expect(await savedCount(f)).toEqual({ rows: 0, audits: 0 });
    expect((await vaccination("2026-11-10")).statusCode).toBe(201);
  });

  it("refuses a birth date after a record already stored about the person", async () => {
    const f = await facility();
    const staff = f.staff[0]!;
    expect(
      (await post(f.lead, "staff_health_check", { date: "2026-06-01", personId: staff.id })).statusCode,
    ).toBe(201);
    const late = await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${staff.id}`,
      headers: { cookie: f.lead },
      payload: { birthDate: "2026-07-01" },
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([
      {
        path: "birthDate",
        code: "invalid",
        message: "must not be after a record about this person (2026-06-01)",
      },
    ]);
    const [row] = await ctx.db.select().from(people).where(eq(people.id, staff.id));
    expect(row!.birthDate).toBeNull();
  });
});

describe("occupational exposure: follow-up steps and closing (manual p.31)", () => {
  it("adds dated steps, closes the follow-up, turns the obligation done, each change audited", async () => {
    const f = await facility();
    const created = await post(f.lead, "occupational_exposure", {
      date: "2026-11-20",
      personId: f.staff[0]!.id,
      data: { kind: "needle_stick" },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const item = async () =>
      (await obligations(f)).items.find(
        (i) => i.code === "EXPOSURE_FOLLOW_UP" && JSON.stringify(i.subject).includes(id),
      );
    expect((await item())?.status).toBe("due_soon");

    const patch = (data: Record<string, unknown>) =>
      ctx.app.inject({
        method: "PATCH",
        url: `/api/routine/records/${id}`,
        headers: { cookie: f.lead },
        payload: { data },
      });
    const step = { date: "2026-11-20", text: "医師受診、HBs抗体・HCV抗体・HIV抗体を検査" };
    const stepped = await patch({ kind: "needle_stick", steps: [step] });
    expect(stepped.statusCode).toBe(200);
    expect(stepped.json().data.steps).toEqual([step]);

    const early = await patch({ kind: "needle_stick", steps: [{ date: "2026-11-19", text: "x" }, step] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      { path: "data.steps[0].date", code: "invalid", message: "must not be before the exposure" },
    ]);
    const stepAfterClose = await patch({
      kind: "needle_stick",
      steps: [step, { date: "2026-12-01", text: "結果陰性" }],
      followUpDoneOn: "2026-11-30",
    });
    expect(stepAfterClose.json().error.fields).toEqual([
      { path: "data.steps[1].date", code: "invalid", message: "must not be after the follow-up was closed" },
    ]);
    const future = await patch({ kind: "needle_stick", steps: [step], followUpDoneOn: "2026-12-03" });
    expect(future.json().error.fields).toEqual([
      { path: "data.followUpDoneOn", code: "invalid", message: "must not be in the future" },
    ]);

    const closed = await patch({ kind: "needle_stick", steps: [step], followUpDoneOn: "2026-12-02" });
    expect(closed.statusCode).toBe(200);
    expect(await item()).toMatchObject({ status: "ok", last: "2026-12-02" });
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, "routine_occupational_exposure")));
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "update", "update"]);
  });
});

describe("equipment register and settings: checked and audited", () => {
  it("registers a built-in humidifier with its season, changes it, refuses a season ending before it starts", async () => {
    const f = await facility();
    const add = await ctx.app.inject({
      method: "POST",
      url: "/api/routine/equipment",
      headers: { cookie: f.lead },
      payload: {
        kind: "humidifier_builtin",
        name: "空調の加湿装置",
        seasonFrom: "2026-11-15",
        seasonTo: "2027-03-31",
      },
    });
    expect(add.statusCode).toBe(201);
    const id = add.json().id as string;
    // The season began 17 days ago without a drain (付録3: 使用開始時…水抜き): overdue.
    expect((await obligations(f)).items.find((i) => i.code === "HUMIDIFIER_DRAIN")).toMatchObject({
      status: "overdue",
      subject: { humidifierId: id, at: "start" },
      due: "2026-11-15",
    });
    const backwards = await ctx.app.inject({
      method: "PATCH",
      url: `/api/routine/equipment/${id}`,
      headers: { cookie: f.lead },
      payload: { seasonFrom: "2026-11-15", seasonTo: "2026-11-01" },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe("seasonTo");
    const renamed = await ctx.app.inject({
      method: "PATCH",
      url: `/api/routine/equipment/${id}`,
      headers: { cookie: f.lead },
      payload: { name: "2階 空調の加湿装置", active: false },
    });
    expect(renamed.json()).toMatchObject({
      name: "2階 空調の加湿装置",
      active: false,
      seasonFrom: "2026-11-15",
    });
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, "routine_equipment")));
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "update"]);
  });

  it("saves the settings with an audit of before and after; a bad one names its field and changes nothing", async () => {
    const f = await facility();
    const get = async () =>
      (
        await ctx.app.inject({ method: "GET", url: "/api/routine/settings", headers: { cookie: f.lead } })
      ).json().settings;
    const defaults = await get();
    const bad = await ctx.app.inject({
      method: "PUT",
      url: "/api/routine/settings",
      headers: { cookie: f.lead },
      payload: { ...defaults, newHireTrainingDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("newHireTrainingDays");
    expect(await get()).toEqual(defaults);
    const ok = await ctx.app.inject({
      method: "PUT",
      url: "/api/routine/settings",
      headers: { cookie: f.lead },
      payload: { ...defaults, newHireTrainingDays: 14 },
    });
    expect(ok.statusCode).toBe(200);
    expect((await get()).newHireTrainingDays).toBe(14);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, f.facility.id), eq(auditLog.entity, "obligation_settings")));
    expect(audit).toMatchObject({ action: "update" });
    expect((audit!.before as { newHireTrainingDays: number }).newHireTrainingDays).toBe(30);
    expect((audit!.after as { newHireTrainingDays: number }).newHireTrainingDays).toBe(14);
  });
});
