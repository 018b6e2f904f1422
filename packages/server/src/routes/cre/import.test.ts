import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creCases } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeHospital } from "./cre-test-support.ts";

const ctx = useTestApp({ clock: () => new Date("2026-01-20T10:00:00+09:00") });

const GOOD = [
  "患者ID,菌名,検体,採取日,MEPM,IPM/CS,CMZ,LVFX,ST,mcim_zone_mm,ecim_zone_mm,ic_kit,ic_detected",
  "12345,Klebsiella pneumoniae,血液,2026/1/15,4,2,>32,≤0.12,≤20,6,17,NG-Test CARBA 5,IMP",
  "12346,Enterobacter cloacae,尿,2026/1/16,2,4,≥64,≤0.25,≤20,22,,,",
].join("\n");

const send = (cookie: string, csv: string, importId: string, extra = "") =>
  ctx.app.inject({
    method: "POST",
    url: `/api/cre/cases/import?importId=${importId}${extra}`,
    headers: { cookie, "content-type": "text/csv" },
    payload: csv,
  });

async function casesOf(hospitalId: string) {
  const [row] = await ctx.db.select({ n: count() }).from(creCases).where(eq(creCases.hospitalId, hospitalId));
  return row!.n;
}

describe("CSV import of isolates", () => {
  it("imports every row as a case; the same import sent again adds nothing", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const importId = randomUUID();
    const first = await send(h.cookies.lab_technologist!, GOOD, importId);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ imported: 2, duplicates: 0, ignoredColumns: [] });
    const again = await send(h.cookies.lab_technologist!, GOOD, importId);
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 2 });
    expect(again.json().cases).toEqual(first.json().cases);
    expect(await casesOf(h.id)).toBe(2);

    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.physician! },
    });
    const byLabel = Object.fromEntries(
      list.json().cases.map((c: { patientLabel: string }) => [c.patientLabel, c]),
    );
    // The VITEK sum ≤20 is stored as its trimethoprim part ≤1 (1/19).
    const detail = await ctx.app.inject({
      method: "GET",
      url: `/api/cre/cases/${byLabel["12345"].id}`,
      headers: { cookie: h.cookies.physician! },
    });
    expect(detail.json().case.isolate.mic.trimethoprim_sulfamethoxazole).toBe("≤1");
    expect(byLabel["12345"].mechanism.code).toBe("MBL");
    // mCIM 22 mm (≥ 19, no pinpoint colonies) is negative: non-carbapenemase-producing CRE (CLSI M100 Table 3C).
    expect(byLabel["12346"].mechanism.code).toBe("NON_CP");
  });

  it("is all or nothing: every bad row is listed and no case is saved", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const csv = `${GOOD}\n12347,Klebsiela,血液,2026/1/17,R,,,,,,,,`;
    const response = await send(h.cookies.lab_technologist!, csv, randomUUID());
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "rows[3].菌名",
      "rows[3].MEPM",
    ]);
    expect(await casesOf(h.id)).toBe(0);
  });

  it("refuses an import id reused for another file, an unknown edition, and roles other than the laboratory", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const importId = randomUUID();
    await send(h.cookies.lab_technologist!, GOOD, importId);
    const other = GOOD.replace("12346", "99999");
    const conflict = await send(h.cookies.lab_technologist!, other, importId);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.fields).toEqual([
      { path: "rows[2]", code: "invalid", message: "already imported with other content" },
    ]);
    expect(await casesOf(h.id)).toBe(2);

    const edition = await send(
      h.cookies.lab_technologist!,
      GOOD,
      randomUUID(),
      "&standard=CLSI&edition=M100-Ed20",
    );
    expect(edition.json().error.fields).toEqual([
      { path: "query.edition", code: "invalid", message: 'no CLSI breakpoint table "M100-Ed20"' },
    ]);
    const noId = await send(h.cookies.lab_technologist!, GOOD, "x");
    expect(noId.json().error.fields[0].path).toBe("query.importId");
    expect((await send(h.cookies.physician!, GOOD, randomUUID())).statusCode).toBe(403);
  });
});
