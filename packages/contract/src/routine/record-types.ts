import {
  HUMIDIFIER_ACTIONS,
  isChlorineInRange,
  STAFF_IMMUNITY_DISEASES,
  TRAINING_KINDS,
} from "@mamori/domain/obligations";
import { z } from "zod";
import type { Permission } from "../permissions/permissions.ts";
import type { EquipmentKind } from "./equipment.ts";

const day = z.iso.date({ error: "expected a day as YYYY-MM-DD" });
const note = z.string().trim().max(2000).optional();
const line = (max = 200) => z.string().trim().min(1, { error: "required" }).max(max);

/** The committee roles of the manual's 表2 (委員会のメンバー構成の例, p.11), each a section of the minutes template. */
export const COMMITTEE_ROLES = [
  "director",
  "office_manager",
  "physician",
  "nurse",
  "care_worker",
  "dietitian",
  "counsellor",
] as const;

export const VACCINES = [
  "influenza",
  "pneumococcal",
  "hepatitis_b",
  "measles",
  "rubella",
  "varicella",
  "mumps",
] as const;

/**
 * One type of routine record: who may write it, whether it names a person (and of which kind) or a piece of
 * equipment, the schema of its `data`, and whether it takes attendees. Adding a log type is one entry here.
 */
export type RecordTypeSpec = {
  permission: Permission;
  person: "staff" | "resident" | "anyone" | null;
  equipment: readonly EquipmentKind[] | null;
  data: z.ZodType<Record<string, unknown>>;
  attendees: boolean;
  /** Marks a record that shows a problem, for the log and the inspection view. */
  flagged?: (data: Record<string, unknown>) => boolean;
  /** Checks across fields and against the record's day, as [path, message] pairs. */
  check?: (record: {
    date: string;
    data: Record<string, unknown>;
    personKind: string | null;
  }) => [string, string][];
};

const HUMIDIFIERS = ["humidifier_household", "humidifier_builtin"] as const;
const BATHS = ["bath_circulating", "bath_non_circulating"] as const;

const notBefore = (value: unknown, date: string, path: string, what: string): [string, string][] =>
  typeof value === "string" && value < date ? [[path, `must not be before ${what}`]] : [];

export const RECORD_TYPES = {
  /** §3 1) p.10–13: minutes by the roles of 表2, decisions to circulate. */
  committee_meeting: {
    permission: "manageRoutine",
    person: null,
    equipment: null,
    attendees: true,
    data: z.strictObject({
      kind: z.enum(["regular", "ad_hoc"]),
      agenda: note,
      minutes: z
        .array(z.strictObject({ role: z.enum(COMMITTEE_ROLES), text: z.string().trim().max(4000) }))
        .max(COMMITTEE_ROLES.length)
        .default([]),
      decisions: z.array(line(1000)).max(50).default([]),
    }),
  },
  /** §3 2) p.14–16: the facility's guideline and manual, versioned and reviewed. */
  guideline_version: {
    permission: "manageRoutine",
    person: null,
    equipment: null,
    attendees: false,
    data: z.strictObject({ document: z.enum(["guideline", "manual"]), version: line(40), summary: note }),
  },
  /** §3 4) p.19: regular and new-hire trainings, drills; attendance per person. */
  training: {
    permission: "manageRoutine",
    person: null,
    equipment: null,
    attendees: true,
    data: z.strictObject({ kind: z.enum(TRAINING_KINDS), topic: line(200), note }),
  },
  /** The day a staff member was hired: the new-hire training and immunity checks count from it. */
  staff_hire: {
    permission: "recordHealthRecords",
    person: "staff",
    equipment: null,
    attendees: false,
    data: z.strictObject({}),
  },
  /** §3 6)(1) p.30: history, vaccination or antibody per disease. */
  staff_immunity: {
    permission: "recordHealthRecords",
    person: "staff",
    equipment: null,
    attendees: false,
    data: z.strictObject({
      disease: z.enum(STAFF_IMMUNITY_DISEASES),
      basis: z.enum(["history", "vaccinated", "antibody_positive", "antibody_negative"]),
      note,
    }),
  },
  /** §3 6)(3) p.30: 労働安全衛生法 第66条. */
  staff_health_check: {
    permission: "recordHealthRecords",
    person: "staff",
    equipment: null,
    attendees: false,
    data: z.strictObject({ note }),
  },
  /**
   * §3 6)(4) p.31 (staff) and §2 p.4 (residents): a vaccination or a recorded refusal. A resident's needs the consent
   * (本人や家族に…同意を得た上で). One dated before the person's birth date (when known) is refused with the other
   * person records, in routine-store.ts.
   */
  vaccination: {
    permission: "recordHealthRecords",
    person: "anyone",
    equipment: null,
    attendees: false,
    data: z.strictObject({
      vaccine: z.enum(VACCINES),
      declined: z.boolean().default(false),
      consent: z
        .strictObject({ by: z.enum(["self", "family"]), date: day })
        .nullable()
        .default(null),
      note,
    }),
    check: ({ date, data, personKind }) => {
      const consent = data.consent as { date: string } | null;
      if (personKind !== "staff" && personKind !== null && consent === null)
        return [["data.consent", "a resident's vaccination or refusal needs the consent given"]];
      return consent && consent.date > date
        ? [["data.consent.date", "must not be after the vaccination"]]
        : [];
    },
  },
  /** §3 6)(5) p.31: needle stick, blood or body fluid, with the physician's follow-up. */
  occupational_exposure: {
    permission: "recordHealthRecords",
    person: "staff",
    equipment: null,
    attendees: false,
    data: z.strictObject({
      kind: z.enum(["needle_stick", "blood", "body_fluid"]),
      followUp: z.string().trim().max(2000).default(""),
      /** Each step of the follow-up (physician seen, tests, prophylaxis, results), dated. */
      steps: z
        .array(z.strictObject({ date: day, text: line(500) }))
        .max(50)
        .default([]),
      followUpDoneOn: day.nullable().default(null),
    }),
    check: ({ date, data }) => {
      const steps = data.steps as { date: string }[];
      return [
        ...steps.flatMap((s, i) => notBefore(s.date, date, `data.steps[${i}].date`, "the exposure")),
        ...notBefore(data.followUpDoneOn, date, "data.followUpDoneOn", "the exposure"),
        ...steps.flatMap((s, i) =>
          typeof data.followUpDoneOn === "string" && s.date > data.followUpDoneOn
            ? [[`data.steps[${i}].date`, "must not be after the follow-up was closed"] as [string, string]]
            : [],
        ),
      ];
    },
  },
  /** 付録3 p.82: tank change, inspection, cleaning, draining. */
  humidifier_log: {
    permission: "recordHygiene",
    person: null,
    equipment: HUMIDIFIERS,
    attendees: false,
    data: z.strictObject({ action: z.enum(HUMIDIFIER_ACTIONS), note }),
  },
  /** p.24: residual chlorine 0.2–0.4 mg/L at a set time, water change, cleaning. */
  bath_check: {
    permission: "recordHygiene",
    person: null,
    equipment: BATHS,
    attendees: false,
    data: z.strictObject({
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "expected a time as HH:MM" }),
      chlorineMgL: z.number().min(0).max(10).nullable(),
      waterChanged: z.boolean().default(false),
      cleaned: z.boolean().default(false),
      note,
    }),
    flagged: (data) => typeof data.chlorineMgL === "number" && !isChlorineInRange(data.chlorineMgL),
  },
  /** p.24, p.62: the yearly Legionella test of the bath water. */
  legionella_test: {
    permission: "manageRoutine",
    person: null,
    equipment: BATHS,
    attendees: false,
    data: z.strictObject({ result: z.enum(["not_detected", "detected"]), laboratory: note, note }),
    flagged: (data) => data.result === "detected",
  },
  /** 付録1② p.71: hand-washing, utensils, kept food samples, kitchen staff's health. */
  kitchen_check: {
    permission: "recordHygiene",
    person: null,
    equipment: null,
    attendees: false,
    data: z.strictObject({
      handWashing: z.boolean(),
      utensils: z.boolean(),
      foodSamples: z.boolean(),
      staffHealth: z.boolean(),
      note,
    }),
    flagged: (data) => !(data.handWashing && data.utensils && data.foodSamples && data.staffHealth),
  },
  /** §3 5)(2) p.23: daily wet cleaning, areas done. */
  cleaning_round: {
    permission: "recordHygiene",
    person: null,
    equipment: null,
    attendees: false,
    data: z.strictObject({
      areas: z.array(z.enum(["floors", "toilets", "bathroom", "dining", "handrails", "sluice_room"])).min(1),
      note,
    }),
  },
  /** 付録6 p.91: each hand-over of infectious waste to the licensed contractor with its manifest number. */
  waste_handover: {
    permission: "recordHygiene",
    person: null,
    equipment: null,
    attendees: false,
    data: z.strictObject({
      contractor: line(200),
      manifestNo: line(40),
      containers: z.int().min(1).max(1000),
      note,
    }),
  },
} as const satisfies Record<string, RecordTypeSpec>;

export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_NAMES = Object.keys(RECORD_TYPES) as [RecordType, ...RecordType[]];
