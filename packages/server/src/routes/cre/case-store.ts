import type { CreCaseRecord, CreConsultation } from "@mamori/contract/cre";
import { type CreDrugKey, defaultCreAvailability } from "@mamori/domain/cre";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { creAvailability, creCases, creConsultations, users } from "../../db/schema/index.ts";
import { dayInZone } from "../../time/facility-day.ts";
import type { CaseRow } from "./evaluate-case.ts";

export type ConsultationRow = {
  id: string;
  caseId: string;
  note: string;
  decision: "approved" | "declined" | null;
  caseVersion: number;
  recordedAt: Date;
  recordedBy: { id: string; displayName: string; role: string };
};

/** A case of this hospital, or undefined — a case of another organisation is exactly as unknown as a missing one. */
export async function findCase(db: Executor, hospitalId: string, id: string): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(creCases)
    .where(and(eq(creCases.id, id), eq(creCases.hospitalId, hospitalId)));
  return row;
}

/** Consultations of the given cases of a hospital, oldest first, with who recorded each. */
export async function consultationsOf(
  db: Executor,
  hospitalId: string,
  caseIds: string[],
): Promise<ConsultationRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select({
      id: creConsultations.id,
      caseId: creConsultations.caseId,
      note: creConsultations.note,
      decision: creConsultations.decision,
      caseVersion: creConsultations.caseVersion,
      recordedAt: creConsultations.recordedAt,
      userId: users.id,
      displayName: users.displayName,
      role: users.role,
    })
    .from(creConsultations)
    .innerJoin(users, eq(users.id, creConsultations.recordedBy))
    .where(and(eq(creConsultations.hospitalId, hospitalId), inArray(creConsultations.caseId, caseIds)))
    .orderBy(asc(creConsultations.recordedAt), asc(creConsultations.id));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    note: r.note,
    decision: r.decision,
    caseVersion: r.caseVersion,
    recordedAt: r.recordedAt,
    recordedBy: { id: r.userId, displayName: r.displayName, role: r.role },
  }));
}

/** The hospital's drug availability, or the default (every guide drug marketed in Japan) when none is configured. */
export async function availabilityOf(
  db: Executor,
  hospitalId: string,
): Promise<{ drugs: CreDrugKey[]; isDefault: boolean; updatedAt: Date | null }> {
  const [row] = await db.select().from(creAvailability).where(eq(creAvailability.hospitalId, hospitalId));
  return row
    ? { drugs: row.drugs, isDefault: false, updatedAt: row.updatedAt }
    : { drugs: defaultCreAvailability(), isDefault: true, updatedAt: null };
}

export type OrderStatus = "not_ordered" | "awaiting_decision" | "approved" | "declined";

/**
 * Where a cefiderocol order stands: the AST's latest decision made since the order was placed, or awaiting one.
 * An order placed again after a decision waits for a new one.
 */
export function orderStatus(
  row: Pick<CaseRow, "cefiderocolOrdered" | "cefiderocolOrderedAt">,
  consultations: readonly ConsultationRow[],
): { status: OrderStatus; decidedAt: Date | null } {
  if (!row.cefiderocolOrdered) return { status: "not_ordered", decidedAt: null };
  const orderedAt = row.cefiderocolOrderedAt?.getTime() ?? 0;
  const decision = consultations
    .filter((c) => c.decision !== null && c.recordedAt.getTime() >= orderedAt)
    .at(-1);
  return decision?.decision
    ? { status: decision.decision, decidedAt: decision.recordedAt }
    : { status: "awaiting_decision", decidedAt: null };
}

/** The day the laboratory reported the isolate, in the hospital's time zone. */
export const reportedOnOf = (row: Pick<CaseRow, "createdAt">, timeZone: string): string =>
  dayInZone(row.createdAt, timeZone);

/** The stored case as entered, for the API: raw values only (patient named by the hospital's label alone). */
export function presentCaseRecord(
  row: CaseRow,
  consultations: readonly ConsultationRow[],
  timeZone: string,
): CreCaseRecord {
  const order = orderStatus(row, consultations);
  return {
    id: row.id,
    patientLabel: row.patientLabel,
    isolate: row.isolate,
    infection: row.infection,
    severity: row.severity,
    diagnosedOn: row.diagnosedOn,
    notifiedOn: row.notifiedOn,
    reportedOn: reportedOnOf(row, timeZone),
    cefiderocolOrdered: row.cefiderocolOrdered,
    cefiderocolOrderedAt: row.cefiderocolOrderedAt?.toISOString() ?? null,
    order: { status: order.status, decidedAt: order.decidedAt?.toISOString() ?? null },
    consultations: consultations.map(presentConsultation),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentConsultation(c: ConsultationRow): CreConsultation {
  return {
    id: c.id,
    note: c.note,
    decision: c.decision,
    caseVersion: c.caseVersion,
    recordedAt: c.recordedAt.toISOString(),
    recordedBy: c.recordedBy,
  };
}
