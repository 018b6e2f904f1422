import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../patch/patch.ts";
import { ROLES } from "../permissions/permissions.ts";

/** Roles a facility's administrator may give: overseer and secretariat accounts belong to their own organisations. */
export const FACILITY_ROLES = [
  "care_worker",
  "nurse",
  "ic_lead",
  "director",
  "physician",
  "lab_technologist",
  "ast_member",
  "admin",
] as const;

const password = z.string().min(10, "at least 10 characters").max(200);

export const userCreateBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, dot, hyphen and underscore"),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(FACILITY_ROLES),
  password,
});

export const userPatchBody = z
  .object({ displayName: z.string().trim().min(1).max(100), role: z.enum(FACILITY_ROLES), password })
  .partial()
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE);

export const userParams = z.object({ id: z.uuid() });

export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** Whether the account signs in with a second factor (an authenticator app). */
  secondFactorEnabled: z.boolean(),
});
/** `GET /api/users`: the facility's accounts. */
export const accountListResponse = z.object({ users: z.array(userResponse) });
/** One account as made or changed by the administrator. */
export const accountResponse = z.object({ user: userResponse });
