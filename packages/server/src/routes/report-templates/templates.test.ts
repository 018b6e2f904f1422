import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, reportTemplates } from "../../db/schema/index.ts";
import { cookiesOf, FACILITY_ROLES, reportingFacility } from "../../test/report-fixtures.ts";
import { useTestApp } from "../../test/test-app.ts";
import { MAX_TEMPLATE_BYTES } from "./templates.ts";

// A municipality's own report form (manual p.48: 「各市町村指定の報告書用紙書式」 — seed 002_091590dabd09ea3f.txt; the
// municipal forms differ, facility-surveillance.md §7: "municipal templates differ, so the layout is a template"): an
// .xlsx whose cells carry defined names, uploaded by the municipality and used when its facilities save a report.
const now = new Date("2026-12-02T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
type Json = Record<string, any>;
const call = (
  app: FastifyInstance,
  cookie: string,
  method: "GET" | "PUT" | "POST" | "DELETE",
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const upload = (cookie: string, fileName: string, bytes: Buffer, type = XLSX) =>
  ctx.app.inject({
    method: "PUT",
    url: `/api/report-template?${new URLSearchParams({ fileName })}`,
    headers: { cookie, "content-type": type },
    payload: bytes,
  });

async function form(names: Record<string, string>, sheet = "様式第1号"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getCell("A1").value = "社会福祉施設等における感染症等発生時に係る報告書（みなと市様式）";
  for (const [name, cell] of Object.entries(names))
    wb.definedNames.add(`'${sheet}'!$${cell[0]}$${cell.slice(1)}`, name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let f: Awaited<ReturnType<typeof reportingFacility>>;
let c: Awaited<ReturnType<typeof cookiesOf>>;

beforeAll(async () => {
  f = await reportingFacility(ctx.db, { residents: 20, ill: 10, onsetDay: "2026-12-01" });
  c = await cookiesOf(ctx.app, f);
});

describe("a municipality's own report form", () => {
  it("refuses a file that is not an xlsx, too large, without names or with unknown names — naming them — and keeps nothing", async () => {
    const bad: [string, Buffer, string, string][] = [
      ["form.xlsx", Buffer.from("hello"), "body", "not_xlsx"],
      ["form.xlsx", Buffer.from("PK\u0003\u0004 broken zip"), "body", "not_xlsx"],
      ["form.xlsx", Buffer.alloc(MAX_TEMPLATE_BYTES + 1, 1), "body", "too_large"],
      ["form.xlsx", await form({}), "body", "no_names"],
      ["form.pdf", await form({ facility_name: "B3" }), "fileName", ""],
    ];
    for (const [fileName, bytes, path, code] of bad) {
      const res = await upload(c.muni, fileName, bytes);
      expect(res.statusCode, `${path} ${code}`).toBe(400);
      const field = (res.json().error.fields as Json[]).find((x) => x.path.endsWith(path));
      expect(field, JSON.stringify(res.json())).toBeDefined();
      if (code) expect(field!.code).toBe(code);
    }
    // JSON instead of the workbook
    const json = await call(ctx.app, c.muni, "PUT", "/api/report-template?fileName=form.xlsx", { xlsx: "…" });
    expect(json.statusCode).toBe(400);
    const unknown = await upload(
      c.muni,
      "form.xlsx",
      await form({ facility_name: "B3", 施設長印: "B4", total_cumulativ: "B5" }),
    );
    expect(unknown.statusCode).toBe(400);
    const field = unknown.json().error.fields[0] as Json;
    expect(field).toMatchObject({ path: "body", code: "unknown_names" });
    expect(field.params.names.sort()).toEqual(["total_cumulativ", "施設長印"].sort());
    expect(
      await ctx.db
        .select()
        .from(reportTemplates)
        .where(eq(reportTemplates.municipalityId, f.municipality.id)),
    ).toEqual([]);
  });

  it("is the municipal officer's alone", async () => {
    const bytes = await form({ facility_name: "B3" });
    for (const role of FACILITY_ROLES)
      expect((await upload(c.staff[role]!, "form.xlsx", bytes)).statusCode).toBe(403);
    expect((await upload(c.hc, "form.xlsx", bytes)).statusCode).toBe(403);
    expect((await call(ctx.app, c.hc, "GET", "/api/report-template")).statusCode).toBe(403);
  });

  it("fills a report saved by its facility into the replaced form, audited; back to the default on removal", async () => {
    const info = (await call(ctx.app, c.muni, "GET", "/api/report-template")).json() as Json;
    expect(info.template).toBeNull();
    expect(info.knownNames).toContain("facility_name");
    const up = await upload(
      c.muni,
      "みなと市様式.xlsx",
      await form({
        facility_name: "C4",
        total_cumulative: "C9",
        criterion: "C10",
        progress_day: "B20",
        progress_cumulative: "D20",
      }),
    );
    expect(up.statusCode).toBe(200);
    expect(up.json().template).toMatchObject({
      fileName: "みなと市様式.xlsx",
      names: ["criterion", "facility_name", "progress_cumulative", "progress_day", "total_cumulative"],
    });
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report_template"), eq(auditLog.entityId, f.municipality.id)));
    expect(audit).toMatchObject({ action: "create" });

    // The director drafts a report (criterion イ: 10 of 20 users ill) and saves it as Excel: the municipality's form.
    const id = randomUUID();
    const created = await call(ctx.app, c.staff.director!, "POST", "/api/reports", {
      id,
      group: "GI",
      criterion: "B",
    });
    expect(created.statusCode).toBe(201);
    const xlsx = await call(ctx.app, c.staff.director!, "GET", `/api/reports/${id}/workbook`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("様式第1号")!;
    expect(ws.getCell("A1").value).toBe("社会福祉施設等における感染症等発生時に係る報告書（みなと市様式）");
    expect(ws.getCell("C4").value).toBe(created.json().report.content.facility.name);
    expect(ws.getCell("C9").value).toBe(10);
    expect(String(ws.getCell("C10").value)).toMatch(/^イ /);
    const progress = created.json().report.content.progress as Json[];
    expect(ws.getCell(`D${20 + progress.length - 1}`).value).toBe(progress.at(-1)!.cumulative);
    expect(wb.getWorksheet("報告書")).toBeUndefined();

    expect((await call(ctx.app, c.muni, "DELETE", "/api/report-template")).json().template).toBeNull();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(
      (await call(ctx.app, c.staff.director!, "GET", `/api/reports/${id}/workbook`))
        .rawPayload as unknown as ArrayBuffer,
    );
    expect(back.getWorksheet("報告書")).toBeDefined();
    const audits = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report_template"), eq(auditLog.entityId, f.municipality.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "delete"]);
  });
});
