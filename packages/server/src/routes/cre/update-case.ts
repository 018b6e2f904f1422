import type { CreCasePatch, SeverityRecordInput } from "@mamori/contract/cre";
import { can, type Permission } from "@mamori/contract/permissions";
import { creCaseSchema, SEVERITY_TABLE_7, severityDomainsFromChecklist } from "@mamori/domain/cre";
import { and, eq } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { updateAudited } from "../../db/insert-once.ts";
import { creCases, creConsultations } from "../../db/schema/index.ts";
import { AppError, conflict, type FieldError, validationFailed } from "../../errors.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { type CaseRow, caseFileOf } from "./evaluate-case.ts";
import { zodFieldErrors } from "./field-errors.ts";
import type { HospitalActor } from "./hospital.ts";

type EditableField = Exclude<keyof CreCasePatch, "version">;

/**
 * Who may change which part of a case: the laboratory its isolate, the physician the clinical record (infection,
 * 表7 severity, diagnosis and notification dates, the cefiderocol order); both the patient label.
 */
export const FIELD_PERMISSIONS: Record<EditableField, readonly Permission[]> = {
  patientLabel: ["enterCreIsolates", "recordCreClinical"],
  isolate: ["enterCreIsolates"],
  infection: ["recordCreClinical"],
  severity: ["recordCreClinical"],
  diagnosedOn: ["recordCreClinical"],
  notifiedOn: ["recordCreClinical"],
  cefiderocolOrdered: ["recordCreClinical"],
};

/** A ticked 表7 example means its domain is not met (guide 表7; severityDomainsFromChecklist). */
function severityProblems(severity: SeverityRecordInput): FieldError[] {
  const derived = severityDomainsFromChecklist(severity.checklist, severity.stableDespiteImmunodeficiency);
  return SEVERITY_TABLE_7.filter((d) => severity[d.domain] && !derived[d.domain]).map((d) => ({
    path: `severity.${d.domain}`,
    message: "an example of this domain is ticked (表7), so the domain is not met",
  }));
}

function dateProblems(next: CaseRow, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (next.diagnosedOn && next.diagnosedOn > today)
    problems.push({ path: "diagnosedOn", message: "is in the future" });
  if (next.notifiedOn && next.notifiedOn > today)
    problems.push({ path: "notifiedOn", message: "is in the future" });
  if (next.notifiedOn && next.diagnosedOn && next.notifiedOn < next.diagnosedOn)
    problems.push({ path: "notifiedOn", message: "must not be before the diagnosis" });
  return problems;
}

/**
 * Changes a case: each field only by the role that owns it (403 otherwise), only on the version the client read (409
 * otherwise), and only into a case the CRE rules accept (the whole case file is validated again; 400 names every bad
 * field, nothing is saved). Placing a cefiderocol order stamps its time, so the AST's decision is asked again.
 */
export async function updateCase(
  tx: Executor,
  actor: HospitalActor,
  id: string,
  patch: CreCasePatch,
  now: Date,
): Promise<CaseRow> {
  const { version, ...changes } = patch;
  const fields = (Object.keys(changes) as EditableField[]).filter((f) => changes[f] !== undefined);
  if (fields.length === 0) throw validationFailed([{ path: "body", message: "nothing to change" }]);
  const refused = fields.filter((f) => !FIELD_PERMISSIONS[f].some((p) => can(actor.user.role, p)));
  if (refused.length > 0) {
    throw new AppError(403, "forbidden", `Your role may not change: ${refused.join(", ")}.`);
  }

  const [before] = await tx
    .select()
    .from(creCases)
    .where(and(eq(creCases.id, id), eq(creCases.hospitalId, actor.hospitalId)))
    .for("update");
  const current = assertFound(before, "CRE case");
  if (current.version !== version) {
    throw conflict("The case was changed since you read it.", [
      { path: "version", message: `the case is now at version ${current.version}` },
    ]);
  }

  const next: CaseRow = {
    ...current,
    ...(changes.patientLabel !== undefined ? { patientLabel: changes.patientLabel } : {}),
    ...(changes.isolate !== undefined ? { isolate: changes.isolate } : {}),
    ...(changes.infection !== undefined ? { infection: changes.infection } : {}),
    ...(changes.severity !== undefined ? { severity: changes.severity } : {}),
    ...(changes.diagnosedOn !== undefined ? { diagnosedOn: changes.diagnosedOn } : {}),
    ...(changes.notifiedOn !== undefined ? { notifiedOn: changes.notifiedOn } : {}),
  };
  if (changes.cefiderocolOrdered !== undefined && changes.cefiderocolOrdered !== current.cefiderocolOrdered) {
    next.cefiderocolOrdered = changes.cefiderocolOrdered;
    next.cefiderocolOrderedAt = changes.cefiderocolOrdered ? now : null;
  }

  const problems: FieldError[] = [
    ...(next.severity ? severityProblems(next.severity) : []),
    ...dateProblems(next, dayInZone(now, actor.timeZone)),
  ];
  if (next.infection) {
    const [consulted] = await tx
      .select({ id: creConsultations.id })
      .from(creConsultations)
      .where(and(eq(creConsultations.hospitalId, actor.hospitalId), eq(creConsultations.caseId, id)))
      .limit(1);
    const parsed = creCaseSchema.safeParse(caseFileOf(next, consulted !== undefined));
    if (!parsed.success) problems.push(...zodFieldErrors(parsed.error));
  }
  if (problems.length > 0) throw validationFailed(problems);

  return updateAudited(tx, {
    table: creCases,
    current,
    owner: { column: creCases.hospitalId, id: actor.hospitalId },
    changes: {
      patientLabel: next.patientLabel,
      isolate: next.isolate,
      infection: next.infection,
      severity: next.severity,
      diagnosedOn: next.diagnosedOn,
      notifiedOn: next.notifiedOn,
      cefiderocolOrdered: next.cefiderocolOrdered,
      cefiderocolOrderedAt: next.cefiderocolOrderedAt,
      version: current.version + 1,
      updatedBy: actor.user.id,
      updatedAt: now,
    },
    audit: {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "update",
      entity: "cre_case",
    },
  });
}
