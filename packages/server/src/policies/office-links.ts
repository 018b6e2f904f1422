import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { officeLinks } from "../db/schema/index.ts";

export type OfficeKind = "health_centre" | "municipality";
export type OfficeLink = { officeId: string; kind: OfficeKind };

/** The offices a facility reports to now (the open rows of `office_links`): one health centre, one municipality. */
export async function currentOffices(db: Executor, facilityId: string): Promise<OfficeLink[]> {
  const rows = await db
    .select({ officeId: officeLinks.officeId, kind: officeLinks.kind })
    .from(officeLinks)
    .where(and(eq(officeLinks.facilityId, facilityId), isNull(officeLinks.validTo)));
  return rows.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "health_centre" ? -1 : 1));
}

/** The facilities an office oversees now. */
export async function facilitiesOfOffice(db: Executor, officeId: string): Promise<string[]> {
  const rows = await db
    .select({ facilityId: officeLinks.facilityId })
    .from(officeLinks)
    .where(and(eq(officeLinks.officeId, officeId), isNull(officeLinks.validTo)));
  return rows.map((r) => r.facilityId);
}
