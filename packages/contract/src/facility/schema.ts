import { PREFECTURES } from "@mamori/domain/input";
import { BUILT_IN_PROFILE_IDS } from "@mamori/domain/surveillance";
import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../patch/patch.ts";
import { FACILITY_TYPES } from "../permissions/permissions.ts";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const facilityPatchBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: z.string().refine(isTimeZone, "unknown time zone"),
    ruleProfile: z.string().refine((id) => BUILT_IN_PROFILE_IDS.includes(id), {
      message: `one of ${BUILT_IN_PROFILE_IDS.join(", ")}`,
    }),
    type: z.enum(FACILITY_TYPES),
    healthCentreId: z.uuid(),
    municipalityId: z.uuid(),
    /** 都道府県: where the survey secretariat counts the hospital's responses; null when not given. */
    prefecture: z.enum(PREFECTURES, { error: "expected one of the 47 prefectures, e.g. 東京都" }).nullable(),
  })
  .partial()
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE);

export const unitBody = z.object({
  name: z.string().trim().min(1).max(100),
  floor: z.string().trim().min(1).max(50),
});
export const roomBody = z.object({ name: z.string().trim().min(1).max(50) });
export const unitParams = z.object({ unitId: z.uuid() });

const room = z.object({ id: z.string(), name: z.string() });
const unit = z.object({ id: z.string(), name: z.string(), floor: z.string(), rooms: z.array(room) });
export const facilityResponse = z.object({
  facility: z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    timeZone: z.string(),
    ruleProfile: z.string(),
    prefecture: z.string().nullable(),
    healthCentre: z.object({ id: z.string(), name: z.string() }).nullable(),
    municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
    units: z.array(unit),
  }),
});
export type Facility = z.infer<typeof facilityResponse>["facility"];
export type Unit = z.infer<typeof unit>;
export type Room = z.infer<typeof room>;
export const unitResponse = z.object({ unit: unit });
export const roomResponse = z.object({ room });

export const overseersResponse = z.object({
  healthCentres: z.array(z.object({ id: z.string(), name: z.string() })),
  municipalities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Overseers = z.infer<typeof overseersResponse>;
