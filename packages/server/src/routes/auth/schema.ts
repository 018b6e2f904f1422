import { z } from "zod";

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
});

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
