import type { Role } from "@mamori/contract/permissions";
import { can } from "@mamori/contract/permissions";
import { type Actor, officeOf } from "./reports.ts";

/**
 * Who may do what with a CRE 発生届 sent through the inbox (感染症法 第12条: the diagnosing physician notifies the
 * health centre). A false answer for a notification is a 404 to the caller, as for reports.
 */
export type CreNotificationSubject = { hospitalId: string; healthCentreId: string };

const isHospitalStaff = (actor: Actor, hospitalId: string, role: (r: Role) => boolean) =>
  actor.organisation.kind === "facility" && actor.organisation.id === hospitalId && role(actor.role);

export const creNotificationPolicy = {
  /** Send a case's 発生届: a physician of the hospital (the law puts the duty on the diagnosing physician). */
  send: (actor: Actor, hospitalId: string) => isHospitalStaff(actor, hospitalId, (r) => r === "physician"),
  /** Read one: the hospital's CRE staff; the officers of the health centre it was sent to. */
  read: (actor: Actor, n: CreNotificationSubject) =>
    isHospitalStaff(actor, n.hospitalId, (r) => can(r, "readCreCases")) || isRecipient(actor, n),
  /** The list of those received: officers of a health centre. */
  inbox: (actor: Actor) => officeOf(actor)?.kind === "health_centre",
} as const;

/** An officer of the health centre the notification was sent to. */
export function isRecipient(actor: Actor, n: CreNotificationSubject): boolean {
  const office = officeOf(actor);
  return office?.kind === "health_centre" && office.officeId === n.healthCentreId;
}
