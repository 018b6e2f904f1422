import type { PersonKind, StaffJob } from "./people.ts";
import type { SymptomCode } from "./symptoms.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/**
 * What the facility rules read: the shapes of facility-surveillance.md §2–§3 and contracts/evaluate.md (scenario
 * version 1). Days are ISO dates `YYYY-MM-DD` of the facility's zone; instants are ISO text with an offset (or `Date`s,
 * as a database driver returns them).
 */
export const FACILITY_TYPES = ["elderly_care", "childcare", "disability", "hospital"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export type FacilityInput = {
  id: string;
  type?: FacilityType;
  /** IANA zone; default `Asia/Tokyo`. */
  timeZone?: string;
  units?: readonly { id: string; name?: string }[];
};

export type PersonInput = {
  id: string;
  kind: PersonKind;
  job?: StaffJob | null;
  unit?: string | null;
  room?: string | null;
  /** The person's usual temperature (平熱), °C. */
  baselineTempC?: number | null;
};

export type ObservationInput = {
  personId: string;
  at: string | Date;
  tempC?: number | null;
  pulse?: number | null;
  respRate?: number | null;
  symptoms?: readonly SymptomCode[];
  note?: string | null;
};

export const CASE_STATUSES = ["suspected", "confirmed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOME_KINDS = ["hospitalised", "severe", "death"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export type RecordedCaseInput = {
  personId: string;
  disease: string;
  status: CaseStatus;
  onsetDate: string;
  resolvedDate?: string | null;
  outcomes?: readonly { kind: OutcomeKind; date: string }[];
  /** 受診・診断日: the day a physician diagnosed it (NOTIFY_DEADLINE counts from it; the onset when absent). */
  diagnosedDate?: string | null;
  /** The day the physician notified the health centre; NOTIFY_DEADLINE ends on it. */
  notifiedDate?: string | null;
};

export type AntibioticCourseInput = {
  personId: string;
  start: string;
  /** Last day of the course; absent or null while it goes on. */
  end?: string | null;
  drug?: string | null;
};

export type BathUseInput = { personId: string; date: string };

/** What a facility alert is about: a syndrome group, or a disease that belongs to no group. */
export type FacilitySubject = { group: SyndromeGroup } | { disease: string };

/**
 * An outbreak episode recorded by people (facility-surveillance.md §4.3): opened by a person's declaration, and/or its
 * end confirmed by the infection-control committee. Episodes opened by the rules need no record.
 */
export type EpisodeInput = {
  subject: FacilitySubject;
  openedDate?: string | null;
  closedDate?: string | null;
};
