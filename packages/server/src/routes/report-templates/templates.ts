import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { appendAudit } from "../../audit/audit.ts";
import type { Executor } from "../../db/database.ts";
import { reportTemplates } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import type { Actor } from "../../policies/reports.ts";
import { REPORT_CELL_NAMES, REPORT_TABLE_NAMES } from "../reports/workbook.ts";

/** The largest template accepted: a one-page form with a logo fits many times over. */
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
export const KNOWN_NAMES: readonly string[] = [...REPORT_CELL_NAMES, ...REPORT_TABLE_NAMES];

/** An .xlsx is a zip: it starts with the local file header "PK\x03\x04". */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Checks an uploaded form before it is kept: an .xlsx that ExcelJS can read, at most `MAX_TEMPLATE_BYTES`, with at
 * least one defined name, every one of them known to Mamori (`REPORT_CELL_NAMES`, `REPORT_TABLE_NAMES`) — the unknown
 * ones are listed in the 400 so the municipality can rename them. Returns the names it uses.
 */
export async function checkTemplate(bytes: Buffer): Promise<string[]> {
  const field = "body";
  if (bytes.length === 0) throw validationFailed([{ path: field, message: "empty file", code: "not_xlsx" }]);
  if (bytes.length > MAX_TEMPLATE_BYTES)
    throw validationFailed([
      {
        path: field,
        message: `larger than ${MAX_TEMPLATE_BYTES} bytes`,
        code: "too_large",
        params: { maxBytes: MAX_TEMPLATE_BYTES },
      },
    ]);
  const wb = new ExcelJS.Workbook();
  try {
    if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new Error("not a zip");
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw validationFailed([{ path: field, message: "not an .xlsx workbook", code: "not_xlsx" }]);
  }
  const names = [...new Set(wb.definedNames.model.map((d) => d.name))].sort();
  const unknown = names.filter((n) => !KNOWN_NAMES.includes(n));
  if (unknown.length > 0)
    throw validationFailed([
      {
        path: field,
        message: `unknown defined names: ${unknown.join(", ")}`,
        code: "unknown_names",
        params: { names: unknown },
      },
    ]);
  if (names.length === 0)
    throw validationFailed([{ path: field, message: "no defined names", code: "no_names" }]);
  return names;
}

export async function templateInfo(db: Executor, municipalityId: string) {
  const [row] = await db
    .select({
      fileName: reportTemplates.fileName,
      names: reportTemplates.names,
      uploadedAt: reportTemplates.uploadedAt,
      sizeBytes: reportTemplates.sizeBytes,
    })
    .from(reportTemplates)
    .where(eq(reportTemplates.municipalityId, municipalityId));
  return {
    template: row ? { ...row, uploadedAt: row.uploadedAt.toISOString() } : null,
    knownNames: [...KNOWN_NAMES],
    maxBytes: MAX_TEMPLATE_BYTES,
  };
}

/** The municipality's own form as xlsx bytes, or undefined when it uses the default. */
export async function templateOf(
  db: Executor,
  municipalityId: string | undefined,
): Promise<Buffer | undefined> {
  if (!municipalityId) return undefined;
  const [row] = await db
    .select({ xlsx: reportTemplates.xlsx })
    .from(reportTemplates)
    .where(eq(reportTemplates.municipalityId, municipalityId));
  return row?.xlsx;
}

/** Keeps a checked form as the municipality's (replacing the one before), audited in the same transaction. */
export async function saveTemplate(
  db: Executor,
  actor: Actor,
  upload: { fileName: string; bytes: Buffer; names: string[] },
  now: Date,
) {
  const municipalityId = actor.organisation.id;
  const row = {
    municipalityId,
    fileName: upload.fileName,
    xlsx: upload.bytes,
    sizeBytes: upload.bytes.length,
    names: upload.names,
    uploadedBy: actor.id,
    uploadedAt: now,
  };
  const [before] = await db
    .select({ fileName: reportTemplates.fileName, names: reportTemplates.names })
    .from(reportTemplates)
    .where(eq(reportTemplates.municipalityId, municipalityId));
  await db
    .insert(reportTemplates)
    .values(row)
    .onConflictDoUpdate({ target: reportTemplates.municipalityId, set: row });
  await appendAudit(db, [
    {
      actorUserId: actor.id,
      organisationId: municipalityId,
      action: before ? "update" : "create",
      entity: "report_template",
      entityId: municipalityId,
      at: now,
      before: before ?? null,
      after: { fileName: upload.fileName, names: upload.names, sizeBytes: upload.bytes.length },
    },
  ]);
}

/** Goes back to the default form, audited; nothing to do when the municipality has none. */
export async function removeTemplate(db: Executor, actor: Actor, now: Date) {
  const municipalityId = actor.organisation.id;
  const [before] = await db
    .delete(reportTemplates)
    .where(eq(reportTemplates.municipalityId, municipalityId))
    .returning({ fileName: reportTemplates.fileName, names: reportTemplates.names });
  if (!before) return;
  await appendAudit(db, [
    {
      actorUserId: actor.id,
      organisationId: municipalityId,
      action: "delete",
      entity: "report_template",
      entityId: municipalityId,
      at: now,
      before,
    },
  ]);
}
