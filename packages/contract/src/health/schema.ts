import { z } from "zod";

/** `GET /api/health`: the server's state and its database's, with 200 or 503. */
export const healthResponse = z.object({
  status: z.enum(["ok", "unavailable", "read_only"]),
  database: z.enum(["ok", "unreachable", "read_only"]),
});
export type Health = z.infer<typeof healthResponse>;
