import { FACILITY_ALERT_CODES, SYNDROME_GROUPS } from "@mamori/domain/surveillance";
import { z } from "zod";

/** PUT /api/region/sharing — a facility shares its daily counts with its health centre, or stops. */
export const sharingBody = z.strictObject({ share: z.boolean() });
export const sharingResponse = z.object({
  sharing: z.object({
    shared: z.boolean(),
    since: z.string().nullable(),
    healthCentre: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
});

export type CountSharing = z.infer<typeof sharingResponse>["sharing"];

const series = {
  counts: z.array(z.number()),
  upperbound: z.array(z.number().nullable()),
  above: z.array(z.boolean()),
  today: z.number(),
  lastWeek: z.number(),
  aboveToday: z.boolean(),
};

/** A facility's alert as the health centre sees it (region-alerts.ts): numbers and days, never a person. */
const regionAlert = z.object({
  code: z.enum([...FACILITY_ALERT_CODES, "NOTIFY_DEADLINE"]),
  group: z.enum(SYNDROME_GROUPS).nullable(),
  disease: z.string().nullable(),
  diseaseName: z.object({ ja: z.string(), en: z.string() }).nullable(),
  criterion: z.enum(["A", "B", "C"]).nullable(),
  day: z.string(),
  since: z.string(),
  count: z.number(),
  threshold: z.number().nullable(),
  users: z.object({ count: z.number(), total: z.number() }).nullable(),
});

/** GET /api/region — the health centre's region view: numbers per day, group and facility; no person ever. */
export const regionQuery = z.strictObject({ group: z.enum(SYNDROME_GROUPS).optional() });

export const regionResponse = z.object({
  asOfDay: z.string(),
  /** The group whose facilities' series are given (the others give the region's only). */
  group: z.enum(SYNDROME_GROUPS),
  days: z.array(z.string()),
  detection: z.object({ method: z.string(), minHistoryDays: z.number(), minOnsets: z.number() }),
  facilities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sharesCountsSince: z.string(),
      alerts: z.array(regionAlert),
    }),
  ),
  groups: z.array(
    z.object({
      group: z.enum(SYNDROME_GROUPS),
      region: z.object(series),
      aboveToday: z.number(),
      aboveRecently: z.number(),
      facilities: z.array(
        z.object({
          facilityId: z.string(),
          ...series,
          aboveDays: z.array(z.string()),
          tested: z.boolean(),
          /** Whether the facility meets reporting criterion ア or イ in this group (its alerts say which). */
          meetsReportCriterion: z.boolean(),
        }),
      ),
    }),
  ),
});
export type RegionView = z.infer<typeof regionResponse>;
export type RegionSeries = RegionView["groups"][number]["region"];
export type RegionFacilitySeries = RegionView["groups"][number]["facilities"][number];
