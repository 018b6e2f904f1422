import { saneDay } from "@mamori/domain/input";
import { z } from "zod";

const day = saneDay;

/** Everyone who used the communal bath on a day; sending the same list again changes nothing. */
export const bathDayBody = z.object({ date: day, personIds: z.array(z.uuid()).max(500) });
/** How many of the day's people were added, and how many were on the list already. */
export const bathDayResponse = z.object({ saved: z.number(), duplicates: z.number() });
export type BathDayResult = z.infer<typeof bathDayResponse>;
export const bathQuery = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" });
const bathUse = z.object({ personId: z.string(), date: z.string() });
export const bathResponse = z.object({ bathUses: z.array(bathUse) });
export type BathUse = z.infer<typeof bathUse>;

/** One person off one day's list: a tick made by mistake. */
export const bathRemoveQuery = z.object({ date: day, personId: z.uuid() });
export const bathRemoveResponse = z.object({ removed: z.number() });
export type BathRemoveResult = z.infer<typeof bathRemoveResponse>;
