import { z } from "zod";
import { PERMISSION_NAMES, ROLES } from "../permissions/permissions.ts";

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    /** The type of a facility (`hospital`, `elderly_care`, …); null for offices and the secretariat. */
    facilityType: z.string().nullable().optional(),
  }),
  /** Whether the user has a second factor, and whether their role and organisation require one. */
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
  /**
   * How far sign-in has come: `complete`; `second_factor` (the password was right, the app's code is next);
   * `enrolment` (the user must set up a second factor before anything else).
   */
  stage: z.enum(["complete", "second_factor", "enrolment"]),
  /** What the user may do with reports, the inbox, the region view and report forms (`reportAbilities`). */
  abilities: z.record(z.string(), z.boolean()).optional(),
  /** Everything the user may do by role and organisation (`permissionsOf` of @mamori/contract/permissions). */
  permissions: z.array(z.enum(PERMISSION_NAMES)).optional(),
});
export type UserResponse = z.infer<typeof userResponse>;
/** The signed-in user: `POST /api/auth/login`, `GET /api/auth/me`, `POST /api/auth/second-factor/verify`. */
export const signedInResponse = z.object({ user: userResponse });

/** POST /api/auth/password — the signed-in user changes their own password. */
export const passwordChangeBody = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(10, "at least 10 characters").max(200),
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ["newPassword"],
    message: "must differ from the current password",
  });
