import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { officeReportMessages, officeReportRecipients, organisations } from "../../db/schema/index.ts";
import { reportingFacility } from "../../test/report-fixtures.ts";
import { useTestApp } from "../../test/test-app.ts";
import { signIn } from "../../test/test-facility.ts";

// Ids chosen by the client are the facility's own (docs/api.md): two facilities sending to one health centre and one
// municipality may each submit a report of the same id. The offices name the facility (`?facility=`); without it such
// an id is a 409 `ambiguous_id`, never either facility's report.
const now = new Date("2026-12-02T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
type Json = Record<string, any>;
const call = (app: FastifyInstance, cookie: string, method: "GET" | "POST", url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const sharedId = randomUUID();
const onlyA = randomUUID();
let a: Awaited<ReturnType<typeof reportingFacility>>;
let b: Awaited<ReturnType<typeof reportingFacility>>;
const cookie = {} as Record<"directorA" | "directorB" | "hc" | "muni" | "otherHc", string>;

async function draftAndSubmit(director: string, id: string) {
  const made = await call(ctx.app, director, "POST", "/api/reports", { id, group: "GI", criterion: "B" });
  expect(made.statusCode).toBe(201);
  const sent = await call(ctx.app, director, "POST", `/api/reports/${id}/submit`, { version: 1 });
  expect(sent.statusCode).toBe(200);
}

beforeAll(async () => {
  a = await reportingFacility(ctx.db, { residents: 4, ill: 0, onsetDay: "2026-12-01" });
  b = await reportingFacility(ctx.db, { residents: 4, ill: 0, onsetDay: "2026-12-01" });
  const other = await reportingFacility(ctx.db, { residents: 1, ill: 0, onsetDay: "2026-12-01" });
  // B now reports to A's health centre and municipality.
  await ctx.db
    .update(organisations)
    .set({ healthCentreId: a.healthCentre.id, municipalityId: a.municipality.id })
    .where(eq(organisations.id, b.facility.id));
  cookie.directorA = await signIn(ctx.app, a.usernames.director!);
  cookie.directorB = await signIn(ctx.app, b.usernames.director!);
  cookie.hc = await signIn(ctx.app, a.hcOfficer);
  cookie.muni = await signIn(ctx.app, a.muniOfficer);
  cookie.otherHc = await signIn(ctx.app, other.hcOfficer);
  await draftAndSubmit(cookie.directorA, sharedId);
  await draftAndSubmit(cookie.directorB, sharedId);
  await draftAndSubmit(cookie.directorA, onlyA);
});

const of = (facilityId: string) => `?facility=${facilityId}`;
const recipientRow = async (facilityId: string, officeId: string) =>
  (
    await ctx.db
      .select()
      .from(officeReportRecipients)
      .where(
        and(
          eq(officeReportRecipients.facilityId, facilityId),
          eq(officeReportRecipients.reportId, sharedId),
          eq(officeReportRecipients.officeId, officeId),
        ),
      )
  )[0]!;

describe("an id two facilities sending to one office share", () => {
  it("is in the inbox twice, each entry naming its facility", async () => {
    const inbox = (await call(ctx.app, cookie.hc, "GET", "/api/inbox")).json() as Json;
    const shared = inbox.reports.filter((r: Json) => r.id === sharedId);
    expect(shared.map((r: Json) => r.facility.id).sort()).toEqual([a.facility.id, b.facility.id].sort());
    expect(shared.every((r: Json) => r.unread)).toBe(true);
  });

  it("without the facility is a 409 ambiguous_id naming both facilities, and nothing is written", async () => {
    const reply = { id: randomUUID(), text: "どちらへ？" };
    const answers = [
      await call(ctx.app, cookie.hc, "GET", `/api/reports/${sharedId}`),
      await call(ctx.app, cookie.hc, "POST", `/api/reports/${sharedId}/replies`, reply),
      await call(ctx.app, cookie.hc, "POST", `/api/reports/${sharedId}/state`, { state: "closed" }),
      await call(ctx.app, cookie.muni, "POST", `/api/reports/${sharedId}/notes`, reply),
      await call(ctx.app, cookie.muni, "GET", `/api/reports/${sharedId}/workbook`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(409);
      const error = res.json().error as Json;
      expect(error.id).toBe("ambiguous_id");
      expect(error.fields[0]).toMatchObject({ path: "facility", code: "ambiguous_id" });
      expect(error.fields[0].params.facilities.map((f: Json) => f.id).sort()).toEqual(
        [a.facility.id, b.facility.id].sort(),
      );
      expect(error.fields[0].params.facilities.map((f: Json) => f.name)).toContain(a.facility.name);
    }
    expect(
      await ctx.db.select().from(officeReportMessages).where(eq(officeReportMessages.id, reply.id)),
    ).toEqual([]);
    expect((await recipientRow(a.facility.id, a.healthCentre.id)).readVersion).toBe(0);
    expect((await recipientRow(b.facility.id, a.healthCentre.id)).state).toBe("new");
  });

  it("with the facility opens that facility's report and marks only it read", async () => {
    const res = await call(ctx.app, cookie.hc, "GET", `/api/reports/${sharedId}${of(b.facility.id)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ id: sharedId, facilityId: b.facility.id });
    expect((await recipientRow(b.facility.id, a.healthCentre.id)).readVersion).toBe(1);
    expect((await recipientRow(a.facility.id, a.healthCentre.id)).readVersion).toBe(0);
    const inbox = (await call(ctx.app, cookie.hc, "GET", "/api/inbox")).json() as Json;
    const unread = inbox.reports.filter((r: Json) => r.id === sharedId && r.unread);
    expect(unread.map((r: Json) => r.facility.id)).toEqual([a.facility.id]);
    const workbook = await call(
      ctx.app,
      cookie.muni,
      "GET",
      `/api/reports/${sharedId}/workbook${of(a.facility.id)}`,
    );
    expect(workbook.statusCode).toBe(200);
  });

  it("lands each reply, note and state on the facility named", async () => {
    const toA = { id: randomUUID(), text: "Aへの指示", kind: "instruction" };
    const toB = { id: randomUUID(), text: "Bへの返信" };
    const sentA = await call(
      ctx.app,
      cookie.hc,
      "POST",
      `/api/reports/${sharedId}/replies${of(a.facility.id)}`,
      toA,
    );
    const sentB = await call(
      ctx.app,
      cookie.hc,
      "POST",
      `/api/reports/${sharedId}/replies${of(b.facility.id)}`,
      toB,
    );
    expect([sentA.statusCode, sentB.statusCode]).toEqual([201, 201]);
    const note = { id: randomUUID(), text: "Bについて保健所と共有" };
    const noted = await call(
      ctx.app,
      cookie.muni,
      "POST",
      `/api/reports/${sharedId}/notes${of(b.facility.id)}`,
      note,
    );
    expect(noted.statusCode).toBe(201);
    const closed = await call(
      ctx.app,
      cookie.muni,
      "POST",
      `/api/reports/${sharedId}/state${of(b.facility.id)}`,
      {
        state: "closed",
      },
    );
    expect(closed.json().report.facilityId).toBe(b.facility.id);

    const seenByA = (await call(ctx.app, cookie.directorA, "GET", `/api/reports/${sharedId}`)).json().report;
    const seenByB = (await call(ctx.app, cookie.directorB, "GET", `/api/reports/${sharedId}`)).json().report;
    expect(seenByA.replies.map((m: Json) => m.text)).toEqual(["Aへの指示"]);
    expect(seenByB.replies.map((m: Json) => m.text)).toEqual(["Bへの返信"]);
    const stored = await ctx.db
      .select()
      .from(officeReportMessages)
      .where(eq(officeReportMessages.id, note.id));
    expect(stored.map((m) => m.facilityId)).toEqual([b.facility.id]);
    // The instruction moved A's entry in the health centre's inbox; the municipality closed B's only.
    expect((await recipientRow(a.facility.id, a.healthCentre.id)).state).toBe("instructed");
    expect((await recipientRow(b.facility.id, a.healthCentre.id)).state).toBe("new");
    expect((await recipientRow(b.facility.id, a.municipality.id)).state).toBe("closed");
    expect((await recipientRow(a.facility.id, a.municipality.id)).state).toBe("new");
  });

  it("tells another office, and a facility naming another facility, 404 as for an unknown id", async () => {
    for (const url of [`/api/reports/${sharedId}`, `/api/reports/${sharedId}${of(a.facility.id)}`]) {
      expect((await call(ctx.app, cookie.otherHc, "GET", url)).statusCode).toBe(404);
    }
    const replied = await call(ctx.app, cookie.otherHc, "POST", `/api/reports/${sharedId}/replies`, {
      id: randomUUID(),
      text: "x",
    });
    expect(replied.statusCode).toBe(404);
    expect(
      (await call(ctx.app, cookie.directorA, "GET", `/api/reports/${sharedId}${of(b.facility.id)}`))
        .statusCode,
    ).toBe(404);
    const own = await call(ctx.app, cookie.directorA, "GET", `/api/reports/${sharedId}${of(a.facility.id)}`);
    expect(own.json().report.facilityId).toBe(a.facility.id);
  });

  it("refuses a facility that is not a UUID with a 400 naming it", async () => {
    const res = await call(ctx.app, cookie.hc, "GET", `/api/reports/${sharedId}?facility=nope`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: Json) => f.path)
        .join(),
    ).toContain("facility");
  });
});

describe("an id only one facility sending to the office uses", () => {
  it("works without the facility, as before", async () => {
    const read = await call(ctx.app, cookie.hc, "GET", `/api/reports/${onlyA}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().report.facilityId).toBe(a.facility.id);
    const reply = await call(ctx.app, cookie.hc, "POST", `/api/reports/${onlyA}/replies`, {
      id: randomUUID(),
      text: "受け取りました",
    });
    expect(reply.statusCode).toBe(201);
    const state = await call(ctx.app, cookie.hc, "POST", `/api/reports/${onlyA}/state`, {
      state: "acknowledged",
    });
    expect(state.statusCode).toBe(200);
  });
});
