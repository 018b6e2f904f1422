import { baselineTempC } from "@mamori/contract/people";
import { PERSON_KIND_LABELS, PERSON_KINDS, type PersonKind } from "@mamori/domain/surveillance";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import type { Executor } from "../../db/database.ts";
import { rooms, units } from "../../db/schema/index.ts";
import { type FieldError, formatPath } from "../../errors.ts";

export const IMPORT_COLUMNS = [
  "name",
  "name_kana",
  "kind",
  "unit",
  "room",
  "baseline_temp_c",
  "birth_date",
] as const;
/** Columns a CSV may leave out. */
const OPTIONAL_COLUMNS: readonly string[] = ["name_kana", "baseline_temp_c", "birth_date"];

/**
 * A birth date as written in a list: 1940-01-02, or 1940/1/2 as spreadsheets here write it. Returns the ISO day, or
 * null when it is not a real day.
 */
export function birthDateFromText(text: string): string | null {
  const match = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return `${match[1]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
export const MAX_IMPORT_ROWS = 2000;

/** A kind written as its code or its Japanese name (入所者, ショートステイ, 通所サービス, 職員). */
function kindFromText(text: string): PersonKind | undefined {
  const t = text.trim();
  if ((PERSON_KINDS as readonly string[]).includes(t)) return t as PersonKind;
  return PERSON_KINDS.find((k) => PERSON_KIND_LABELS[k].ja === t);
}

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

type Place = { id: string; name: string };
type UnitPlace = Place & { floor: string };
type RoomPlace = Place & { unitId: string };

/**
 * One CSV row, checked against the facility's units and rooms at field level, so that an unknown unit or room is
 * reported in the same pass as the row's other problems.
 */
function importRowSchema(unitRows: UnitPlace[], roomRows: RoomPlace[], today: string) {
  const place = <T extends Place>(rows: T[], what: string, matches: (row: T, text: string) => boolean) =>
    z.preprocess(
      emptyToNull,
      z
        .string()
        .trim()
        .nullable()
        .transform((text, ctx) => {
          if (text === null) return null;
          const found = rows.filter((row) => matches(row, text));
          if (found.length === 0) {
            ctx.addIssue({ code: "custom", message: `unknown ${what} "${text}"` });
            return z.NEVER;
          }
          return found;
        }),
    );
  return z
    .object({
      name: z.string().trim().min(1, "name is required").max(100),
      name_kana: z.preprocess(emptyToNull, z.string().trim().max(100).nullable()),
      kind: z.string().transform((v, ctx) => {
        const kind = kindFromText(v);
        if (!kind) {
          ctx.addIssue({
            code: "custom",
            message: `unknown kind "${v}" (入所者, ショートステイ, 通所サービス, 職員)`,
          });
          return z.NEVER;
        }
        return kind;
      }),
      unit: place(unitRows, "unit", (u, text) => u.name === text || u.floor === text),
      room: place(roomRows, "room", (r, text) => r.name === text),
      baseline_temp_c: z.preprocess(
        // Only plain decimals: Number() would also read "0x24" or "3.6e1" as 36.
        (v) =>
          emptyToNull(v) === null
            ? null
            : /^\s*\d{1,2}(\.\d{1,2})?\s*$/.test(String(v))
              ? Number(v)
              : Number.NaN,
        baselineTempC.nullable(),
      ),
      birth_date: z.preprocess(
        emptyToNull,
        z
          .string()
          .nullable()
          .optional()
          .transform((text, ctx) => {
            if (text === null || text === undefined) return null;
            const day = birthDateFromText(text);
            if (day === null) {
              ctx.addIssue({ code: "custom", message: `not a date "${text}" (1940-01-02 or 1940/1/2)` });
              return z.NEVER;
            }
            if (day > today) {
              ctx.addIssue({ code: "custom", message: "must not be in the future" });
              return z.NEVER;
            }
            return day;
          }),
      ),
    })
    .transform((r, ctx) => {
      const unit = r.unit?.[0];
      // Room names may repeat across units: take the one in the row's unit.
      const room = r.room ? (unit ? r.room.find((x) => x.unitId === unit.id) : r.room[0]) : undefined;
      if (r.room && !room)
        ctx.addIssue({ code: "custom", path: ["room"], message: "room is not in that unit" });
      return { ...r, unitId: unit?.id ?? room?.unitId ?? null, roomId: room?.id ?? null };
    });
}

export type ImportedPerson = {
  name: string;
  nameKana: string | null;
  kind: PersonKind;
  unitId: string | null;
  roomId: string | null;
  baselineTempC: number | null;
  birthDate: string | null;
};

/**
 * Parses a residents' CSV (header `name,name_kana,kind,unit,room,baseline_temp_c,birth_date`; the kana, temperature
 * and birth date columns may be left out) against the facility's units and
 * rooms. Returns every row's problems at once (`rows[3].kind`, counting data rows from 1) so a list can be fixed in one go.
 */
export async function parsePeopleCsv(
  db: Executor,
  facilityId: string,
  csv: string,
  today: string,
): Promise<{ people: ImportedPerson[]; errors: FieldError[] }> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const errors: FieldError[] = [];
  const header = parsed.meta.fields ?? [];
  const missing = IMPORT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c) && !header.includes(c));
  if (missing.length > 0)
    return { people: [], errors: [{ path: "header", message: `missing columns: ${missing.join(", ")}` }] };
  if (parsed.data.length === 0) return { people: [], errors: [{ path: "rows", message: "no rows" }] };
  if (parsed.data.length > MAX_IMPORT_ROWS)
    return { people: [], errors: [{ path: "rows", message: `at most ${MAX_IMPORT_ROWS} rows` }] };

  const unitRows = await db.select().from(units).where(eq(units.facilityId, facilityId));
  const roomRows = await db
    .select({ id: rooms.id, name: rooms.name, unitId: rooms.unitId })
    .from(rooms)
    .where(eq(rooms.facilityId, facilityId));

  const importRow = importRowSchema(unitRows, roomRows, today);
  const result: ImportedPerson[] = [];
  parsed.data.forEach((raw, index) => {
    const row = importRow.safeParse(raw);
    if (!row.success) {
      for (const issue of row.error.issues)
        errors.push({ path: `rows[${index + 1}].${formatPath(issue.path)}`, message: issue.message });
      return;
    }
    const r = row.data;
    result.push({
      name: r.name,
      nameKana: r.name_kana,
      kind: r.kind,
      unitId: r.unitId,
      roomId: r.roomId,
      baselineTempC: r.baseline_temp_c,
      birthDate: r.birth_date,
    });
  });
  return { people: result, errors };
}
