import type { User } from "../../api/types.ts";
import { may } from "../../lib/permissions.ts";

// Who is offered the outbreak forms on screen: a workflow choice by role, in care facilities only; the server decides
// again (readFacility).
const FORM_USERS: readonly User["role"][] = ["nurse", "ic_lead", "director"];

/** Nurse, infection-control lead and director of a care facility manage an outbreak and report to the physician. */
export const canUseForms = (user: Pick<User, "role" | "permissions">): boolean =>
  FORM_USERS.includes(user.role) && may(user, "recordCases");
