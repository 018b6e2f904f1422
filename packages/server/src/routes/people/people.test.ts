import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const ctx = useTestApp();

async function nurse() {
  const f = await makeFacility(ctx.db, { roles: ["nurse"] });
  return { ...f, cookie: await signIn(ctx.app, f.usernames.nurse!) };
}

const importCsv = (cookie: string, csv: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/people/import",
    headers: { cookie, "content-type": "text/csv" },
    payload: csv,
  });

describe("people", () => {
  it("adds a resident to a room and lists them with unit and room names", async () => {
    const f = await nurse();
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie: f.cookie },
      payload: {
        name: "山田 ハル",
        nameKana: "やまだ はる",
        kind: "resident",
        unitId: f.units[0]!.id,
        roomId: f.rooms[0]!.id,
        baselineTempC: 36.1,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().person).toMatchObject({
      name: "山田 ハル",
      unit: "1階",
      room: "101",
      baselineTempC: 36.1,
      active: true,
    });
  });

  it("refuses a room of another unit or facility, naming the field", async () => {
    const f = await nurse();
    const other = await makeFacility(ctx.db);
    const wrongUnit = await ctx.app.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie: f.cookie },
      payload: { name: "X", kind: "resident", unitId: f.units[1]!.id, roomId: f.rooms[0]!.id },
    });
    expect(wrongUnit.json().error.fields).toEqual([
      { path: "roomId", code: "invalid", message: "room is not in that unit" },
    ]);
    const foreign = await ctx.app.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie: f.cookie },
      payload: { name: "X", kind: "resident", roomId: other.rooms[0]!.id },
    });
    expect(foreign.json().error.fields).toEqual([
      { path: "roomId", code: "invalid", message: "unknown room" },
    ]);
  });

  it("edits the usual temperature and deactivates, keeping an audit trail", async () => {
    const f = await nurse();
    const id = f.people[1]!.id;
    const response = await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${id}`,
      headers: { cookie: f.cookie },
      payload: { baselineTempC: 35.9, active: false },
    });
    expect(response.json().person).toMatchObject({ baselineTempC: 35.9, active: false });
  });
});

describe("CSV import of residents", () => {
  it("imports a list with Japanese kind names, units and rooms by name", async () => {
    const f = await nurse();
    const csv =
      "\uFEFFname,name_kana,kind,unit,room,baseline_temp_c\n佐藤 キヨ,さとう きよ,入所者,1階,101,36.0\n鈴木 茂,,ショートステイ,2階,201,\n高橋 フミ,たかはし ふみ,day_service,,,36.4\n";
    const response = await importCsv(f.cookie, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 3 });
    const rows = await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id));
    expect(rows.find((p) => p.name === "鈴木 茂")).toMatchObject({
      kind: "short_stay",
      roomId: f.rooms[2]!.id,
      baselineTempC: null,
    });
  });

  it("lists every bad row and saves none", async () => {
    const f = await nurse();
    const before = await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id));
    const csv =
      "name,name_kana,kind,unit,room,baseline_temp_c\n良い 行,,入所者,1階,101,36.2\n,,入所者,1階,,\n悪い 種別,,来客,1階,,\n悪い 部屋,,入所者,1階,999,\n悪い 体温,,入所者,,,40.5\n二つ 悪い,,来客,9階,,\n";
    const response = await importCsv(f.cookie, csv);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((e: { path: string }) => e.path)).toEqual([
      "rows[2].name",
      "rows[3].kind",
      "rows[4].room",
      "rows[5].baseline_temp_c",
      "rows[6].kind",
      "rows[6].unit",
    ]);
    expect(await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id))).toHaveLength(
      before.length,
    );
  });

  it("names missing columns", async () => {
    const f = await nurse();
    const response = await importCsv(f.cookie, "氏名,種別\n佐藤,入所者\n");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ path: "header" });
  });
});

describe("people: birth date (optional)", () => {
  it("stores a birth date, refuses one in the future or not a day, naming the field, and saves nothing", async () => {
    const f = await nurse();
    const add = (birthDate: unknown) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/people",
        headers: { cookie: f.cookie },
        payload: { name: "生年 テスト", kind: "resident", birthDate },
      });
    const ok = await add("1938-04-12");
    expect(ok.statusCode).toBe(201);
    expect(ok.json().person.birthDate).toBe("1938-04-12");
    const future = await add("2999-01-01");
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { path: "birthDate", code: "invalid", message: "must not be in the future" },
    ]);
    const notADay = await add("1938-02-30");
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().error.fields[0].path).toBe("birthDate");
    const rows = await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id));
    expect(rows.filter((p) => p.name === "生年 テスト")).toHaveLength(1);
  });

  it("imports birth_date as 1940-01-02 or 1940/1/2, empty allowed; a bad one names its row and nothing is imported", async () => {
    const f = await nurse();
    const header = "name,name_kana,kind,unit,room,baseline_temp_c,birth_date";
    const good = await importCsv(
      f.cookie,
      `${header}\n山田 花子,,入所者,1階,101,36.4,1938/4/2\n佐藤 一郎,,入所者,1階,101,,\n鈴木 和子,,入所者,1階,101,,1944-11-03\n`,
    );
    expect(good.statusCode).toBe(200);
    const rows = await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id));
    const byName = new Map(rows.map((p) => [p.name, p.birthDate]));
    expect(byName.get("山田 花子")).toBe("1938-04-02");
    expect(byName.get("佐藤 一郎")).toBeNull();
    expect(byName.get("鈴木 和子")).toBe("1944-11-03");

    const bad = await importCsv(
      f.cookie,
      `${header}\n田中 一,,入所者,1階,101,,1940/2/30\n田中 二,,入所者,1階,101,,2999-01-01\n`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((e: { path: string }) => e.path)).toEqual([
      "rows[1].birth_date",
      "rows[2].birth_date",
    ]);
    const after = await ctx.db.select().from(people).where(eq(people.facilityId, f.facility.id));
    expect(after.length).toBe(rows.length);
  });
});
