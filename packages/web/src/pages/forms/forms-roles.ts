import type { Role } from "../../api/types.ts";

// Who is offered the outbreak forms on screen; the server decides again (readFacility).
const FORM_USERS: readonly Role[] = ["nurse", "ic_lead", "director"];

/** Nurse, infection-control lead and director manage an outbreak and report to the physician. */
export const canUseForms = (role: Role): boolean => FORM_USERS.includes(role);
