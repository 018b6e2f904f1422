import {
  FORM_COLUMNS,
  PHYSICIAN_REPORT_DEFAULT_DAYS,
  PHYSICIAN_REPORT_MAX_DAYS,
  REPORT_SECTIONS,
} from "@mamori/domain/forms";
import { z } from "zod";

const day = z.iso.date({ error: "expected a day as YYYY-MM-DD" });
const asOf = z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with offset" }).optional();

export const formsParams = z.object({ facilityId: z.uuid() });

export const weeklyQuery = z.object({ weekStart: day, asOf });

export const physicianReportQuery = z.object({
  from: day,
  days: z.coerce
    .number({ error: `expected a whole number of days from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}` })
    .int({ error: `expected a whole number of days from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}` })
    .min(1, { error: `expected a whole number of days from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}` })
    .max(PHYSICIAN_REPORT_MAX_DAYS, {
      error: `expected a whole number of days from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}`,
    })
    .default(PHYSICIAN_REPORT_DEFAULT_DAYS),
  asOf,
});

const facility = z.object({ name: z.string(), timeZone: z.string() });

export const weeklyResponse = z.object({
  facility,
  asOf: z.string(),
  weekStart: z.string(),
  days: z.array(z.string()),
  residents: z.number(),
  rows: z.array(z.object({ column: z.enum(FORM_COLUMNS), counts: z.array(z.number()), total: z.number() })),
});

export const physicianReportResponse = z.object({
  facility,
  asOf: z.string(),
  days: z.array(z.string()),
  lines: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      section: z.enum(REPORT_SECTIONS),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      room: z.string().nullable(),
      marks: z.array(z.string()),
      consultationDate: z.string().nullable(),
      remarks: z.string(),
    }),
  ),
  tally: z.array(
    z.object({
      row: z.string(),
      kind: z.enum(["unit", "co_located", "staff"]),
      unitName: z.string().nullable(),
      counts: z.array(z.number()),
      total: z.number(),
    }),
  ),
});

/** 付録4② 施設全体での傾向把握, counted by the domain functions of `mamori forms`. */
export type WeeklyTrendForm = z.infer<typeof weeklyResponse>;
export type FormFacility = WeeklyTrendForm["facility"];
/** 付録4③ 医師への報告用紙. */
export type PhysicianReportForm = z.infer<typeof physicianReportResponse>;
export type PhysicianReportLine = PhysicianReportForm["lines"][number];
export type PhysicianReportTallyRow = PhysicianReportForm["tally"][number];
