import type { Role } from "../api/types.ts";

// Whose home is the surveillance home (manual §4, 図4): the nurse grasps the whole facility and tells the
// infection-control lead and the director, who decide the measures and the reports. Care workers keep the round.
const SURVEILLANCE_HOME_ROLES: readonly Role[] = ["nurse", "ic_lead", "director"];

/** Starts from the line list, the curve and the alerts rather than from the round. */
export const hasSurveillanceHome = (role: Role): boolean => SURVEILLANCE_HOME_ROLES.includes(role);
