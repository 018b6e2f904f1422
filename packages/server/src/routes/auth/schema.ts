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
