import type { ReportGroup } from "@mamori/domain/reports";

/**
 * A report's or decision's group as stored: written only from a body the contract checked against REPORT_GROUPS
 * (`reportCreateBody`, `decisionBody`), so the column's text is one of them.
 */
export const storedGroup = (group: string): ReportGroup => group as ReportGroup;
