import { saneDay } from "@mamori/domain/input";
import { z } from "zod";

const day = saneDay;

export const courseCreateBody = z
  .object({
    id: z.uuid({ error: "expected a UUID made by the client" }),
    personId: z.uuid(),
    drug: z.string().trim().min(1).max(100).nullish(),
    startDate: day,
    endDate: day.nullish(),
  })
  .refine((c) => !c.endDate || c.endDate >= c.startDate, {
    path: ["endDate"],
    message: "must not be before the start",
  });

export const courseEndBody = z.object({ endDate: day });
export const courseParams = z.object({ id: z.uuid() });

export const courseResponse = z.object({
  id: z.string(),
  personId: z.string(),
  drug: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type AntibioticCourse = z.infer<typeof courseResponse>;
export type NewAntibioticCourse = z.input<typeof courseCreateBody>;
export const courseListResponse = z.object({ courses: z.array(courseResponse) });
