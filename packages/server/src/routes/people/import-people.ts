import { PERSON_KIND_LABELS, PERSON_KINDS, type PersonKind } from "@mamori/domain/surveillance";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import type { Executor } from "../../db/database.ts";
import { rooms, units } from "../../db/schema/index.ts";
import { type FieldError, formatPath } from "../../errors.ts";
import { baselineTempC } from "./schema.ts";

export const IMPORT_COLUMNS = ["name", "name_kana", "kind", "unit", "room", "baseline_temp_c"] as const;
export const MAX_IMPORT_ROWS = 2000;

/** A kind written as its code or its Japanese name (入所者, ショートステイ, 通所サービス, 職員). */
function kindFromText(text: string): PersonKind | undefined {
  const t = text.trim();
  if ((PERSON_KINDS as readonly string[]).includes(t)) return t as PersonKind;
  return PERSON_KINDS.find((k) => PERSON_KIND_LABELS[k].ja === t);
}

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const importRow = z.object({
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
  unit: z.preprocess(emptyToNull, z.string().trim().nullable()),
  room: z.preprocess(emptyToNull, z.string().trim().nullable()),
  baseline_temp_c: z.preprocess(
    (v) => (emptyToNull(v) === null ? null : Number(v)),
    baselineTempC.nullable(),
  ),
});

export type ImportedPerson = {
  name: string;
  nameKana: string | null;
  kind: PersonKind;
  unitId: string | null;
  roomId: string | null;
  baselineTempC: number | null;
};

/**
 * Parses a residents' CSV (header `name,name_kana,kind,unit,room,baseline_temp_c`) against the facility's units and
 * rooms. Returns every row's problems at once (`rows[3].kind`, counting data rows from 1) so a list can be fixed in one go.
 */
export async function parsePeopleCsv(
  db: Executor,
  facilityId: string,
  csv: string,
): Promise<{ people: ImportedPerson[]; errors: FieldError[] }> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const errors: FieldError[] = [];
  const header = parsed.meta.fields ?? [];
  const missing = IMPORT_COLUMNS.filter(
    (c) => c !== "name_kana" && c !== "baseline_temp_c" && !header.includes(c),
  );
  if (missing.length > 0)
    return { people: [], errors: [{ path: "header", message: `missing columns: ${missing.join(", ")}` }] };
  if (parsed.data.length === 0) return { people: [], errors: [{ path: "rows", message: "no rows" }] };
  if (parsed.data.length > MAX_IMPORT_ROWS)
    return { people: [], errors: [{ path: "rows", message: `at most ${MAX_IMPORT_ROWS} rows` }] };

  const unitRows = await db.select().from(units).where(eq(units.facilityId, facilityId));
  const roomRows = await db
    .select({ id: rooms.id, name: rooms.name, unitId: rooms.unitId })
    .from(rooms)
    .innerJoin(units, eq(units.id, rooms.unitId))
    .where(eq(units.facilityId, facilityId));

  const result: ImportedPerson[] = [];
  parsed.data.forEach((raw, index) => {
    const rowPath = `rows[${index + 1}]`;
    const row = importRow.safeParse(raw);
    if (!row.success) {
      for (const issue of row.error.issues)
        errors.push({ path: `${rowPath}.${formatPath(issue.path)}`, message: issue.message });
      return;
    }
    const r = row.data;
    const unit = r.unit === null ? undefined : unitRows.find((u) => u.name === r.unit || u.floor === r.unit);
    if (r.unit !== null && !unit)
      errors.push({ path: `${rowPath}.unit`, message: `unknown unit "${r.unit}"` });
    const room =
      r.room === null
        ? undefined
        : roomRows.find((x) => x.name === r.room && (!unit || x.unitId === unit.id));
    if (r.room !== null && !room)
      errors.push({ path: `${rowPath}.room`, message: `unknown room "${r.room}"` });
    result.push({
      name: r.name,
      nameKana: r.name_kana,
      kind: r.kind,
      unitId: unit?.id ?? room?.unitId ?? null,
      roomId: room?.id ?? null,
      baselineTempC: r.baseline_temp_c,
    });
  });
  return { people: result, errors };
}
