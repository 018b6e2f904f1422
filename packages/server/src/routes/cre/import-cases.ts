import type { Executor } from "../../db/database.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { createCase } from "./create-case.ts";
import type { HospitalActor } from "./hospital.ts";
import { type ImportedIsolate, importedCaseId } from "./import-isolates.ts";

/**
 * Saves the isolates of one parsed import as CRE cases, all or nothing: each row's id is derived from the client's
 * import id, so a resent import answers its rows as duplicates; a row whose id holds other content fails the whole
 * import with every such row named.
 */
export async function saveImport(
  tx: Executor,
  actor: HospitalActor,
  importId: string,
  isolates: readonly ImportedIsolate[],
  now: Date,
): Promise<{ imported: number; duplicates: number; cases: Array<{ row: number; id: string }> }> {
  let imported = 0;
  let duplicates = 0;
  const conflicts: FieldError[] = [];
  const cases: Array<{ row: number; id: string }> = [];
  for (const item of isolates) {
    const id = importedCaseId(importId, item.row);
    try {
      const { created } = await createCase(
        tx,
        actor,
        { id, patientLabel: item.patientLabel, isolate: item.isolate },
        now,
        "import",
      );
      if (created) imported++;
      else duplicates++;
      cases.push({ row: item.row, id });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      conflicts.push({ path: `rows[${item.row}]`, message: "already imported with other content" });
    }
  }
  if (conflicts.length > 0) {
    throw new AppError(409, "conflict", "This import was already sent with other content.", conflicts);
  }
  return { imported, duplicates, cases };
}
