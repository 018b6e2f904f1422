import type { Role } from "@mamori/contract/permissions";
import { can } from "@mamori/contract/permissions";
import type { OfficeKind } from "./office-links.ts";

/**
 * Who may do what with reports to the offices (付録1① items 4, 6, 7), decided from the user's organisation and the
 * report's links — the one place every report and inbox route asks. A false answer for a report is a 404 to the
 * caller (the same as an unknown id), so nobody learns that another facility's report exists.
 */
export type Actor = { id: string; role: Role; organisation: { id: string; kind: string } };
export type ReportSubject = {
  facilityId: string;
  status: "draft" | "submitted";
  recipients: readonly { officeId: string; kind: OfficeKind }[];
};

const OFFICER_OF: Readonly<Record<OfficeKind, Role>> = {
  health_centre: "health_centre_officer",
  municipality: "municipal_officer",
};

/** The office an officer acts for, or null: a health-centre officer of a health centre, a municipal officer of a municipality. */
export function officeOf(actor: Actor): { officeId: string; kind: OfficeKind } | null {
  const kind = actor.organisation.kind;
  if (kind !== "health_centre" && kind !== "municipality") return null;
  return OFFICER_OF[kind] === actor.role ? { officeId: actor.organisation.id, kind } : null;
}

/** Staff of the report's own facility who may read its records. */
function isFacilityStaff(actor: Actor, report: Pick<ReportSubject, "facilityId">): boolean {
  return (
    actor.organisation.kind === "facility" &&
    actor.organisation.id === report.facilityId &&
    can(actor.role, "readFacility")
  );
}

function isDirectorOf(actor: Actor, facilityId: string): boolean {
  return (
    actor.organisation.kind === "facility" &&
    actor.organisation.id === facilityId &&
    actor.role === "director"
  );
}

/**
 * An officer of an office the report was submitted to. Recipients are fixed at the first submission, so a draft has
 * none; an edit after submission stays hidden from them until it is submitted (they keep the submitted version).
 */
function isRecipient(actor: Actor, report: ReportSubject): boolean {
  const office = officeOf(actor);
  return (
    office !== null && report.recipients.some((r) => r.officeId === office.officeId && r.kind === office.kind)
  );
}

export const reportPolicy = {
  /** Draft a report for a facility: its director (manual p.48: 施設長は…報告します). */
  create: (actor: Actor, facilityId: string) => isDirectorOf(actor, facilityId),
  /** Read a report: the facility's staff; the officers of the offices it was submitted to. */
  read: (actor: Actor, report: ReportSubject) => isFacilityStaff(actor, report) || isRecipient(actor, report),
  /** Edit, submit, attach follow-ups, record the ウ decision: the facility's director. */
  write: (actor: Actor, report: ReportSubject) => isDirectorOf(actor, report.facilityId),
  /** Reply, send instructions, move it through the inbox: officers of the offices it was submitted to. */
  answer: (actor: Actor, report: ReportSubject) => isRecipient(actor, report),
  /** Notes between the municipality and the health centre (付録1① item 7): the recipients' officers only. */
  readNotes: (actor: Actor, report: ReportSubject) => isRecipient(actor, report),
} as const;

export const inboxPolicy = {
  /** An inbox: officers of a health centre or a municipality. */
  read: (actor: Actor) => officeOf(actor) !== null,
  /** The overview of the facilities an office oversees, with their open reports and episodes: health centres. */
  overview: (actor: Actor) => officeOf(actor)?.kind === "health_centre",
} as const;

/**
 * What the signed-in user may do with reports, the inbox, the region view and the municipality's report form — sent
 * with the user by `/api/auth/me` (`abilities`), so the web asks instead of re-deciding from role lists.
 */
export function reportAbilities(actor: Actor) {
  return {
    draftReports: actor.organisation.kind === "facility" && actor.role === "director",
    readReports: actor.organisation.kind === "facility" && can(actor.role, "readFacility"),
    inbox: inboxPolicy.read(actor),
    overview: inboxPolicy.overview(actor),
    /** The health centre's region view of shared daily counts. */
    region: officeOf(actor)?.kind === "health_centre",
    /** Turn the facility's sharing of its daily counts on or off (director, administrator). */
    shareCounts: actor.organisation.kind === "facility" && can(actor.role, "manageFacility"),
    /** Replace the municipality's report form (an .xlsx with defined names). */
    reportTemplate: officeOf(actor)?.kind === "municipality",
  };
}

export type ReportAbilities = ReturnType<typeof reportAbilities>;
