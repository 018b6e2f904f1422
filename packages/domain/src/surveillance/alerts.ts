import type { FacilitySubject, OutcomeKind } from "./inputs.ts";
import { compareText } from "./person-days.ts";
import type { RuleSource } from "./rule-sources.ts";
import type { SymptomCode } from "./symptoms.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/**
 * Alert codes and the shape of an alert: the contract between the engine, the API and the screens
 * (facility-surveillance.md §10, contracts/evaluate.md). Every alert carries its code, subject, day, the profile that
 * fired it and the evidence — facts, thresholds and the source — so that a screen can say *why*.
 */
export const PERSON_ALERT_CODES = [
  "FEVER",
  "LOW_GRADE_FEVER",
  "REPORT_TO_NURSE",
  "CDI_CONSIDER",
  "NOROVIRUS_CONSIDER",
  "EHEC_URGENT",
  "TB_CONSIDER",
  "SCABIES_CONSIDER",
  "LEGIONELLA_CONSIDER",
  "UTI_CONSIDER",
] as const;
export const FACILITY_ALERT_CODES = [
  "NORO_CLUSTER_24H",
  "REPORT_CRITERION_A",
  "REPORT_CRITERION_B",
  "ABOVE_USUAL",
  "OUTBREAK_END_ELIGIBLE",
] as const;
/**
 * Case alerts. `NOTIFY_DEADLINE` is produced by `evaluateFacility` for recorded cases from the notifiable-disease table
 * (notifiable/table.ts) until the notified date is recorded.
 */
export const CASE_ALERT_CODES = ["NOTIFY_DEADLINE"] as const;

export const ALERT_CODES = [...PERSON_ALERT_CODES, ...FACILITY_ALERT_CODES, ...CASE_ALERT_CODES] as const;

export type PersonAlertCode = (typeof PERSON_ALERT_CODES)[number];
export type FacilityAlertCode = (typeof FACILITY_ALERT_CODES)[number];
export type AlertCode = (typeof ALERT_CODES)[number];

export type PersonSubject = { personId: string };

type EvidenceBase = { source: RuleSource };

export type FeverEvidence = EvidenceBase & {
  /** First reading of the day that made it a fever (ISO instant). */
  at: string;
  /** Highest temperature of the day, °C (null when fever was recorded without a temperature). */
  maxTempC: number | null;
  baselineTempC: number | null;
  thresholdC: number;
  riseOverUsualC: number;
};
export type LowGradeFeverEvidence = EvidenceBase & {
  at: string;
  maxTempC: number | null;
  baselineTempC: number | null;
  fromC: number;
  belowC: number;
};
export type SymptomEvidence = EvidenceBase & {
  /** First observation of the day that showed the symptoms the rule needs. */
  at: string;
  symptoms: SymptomCode[];
};
export type CdiEvidence = SymptomEvidence & {
  antibiotics: { start: string; end: string | null; drug: string | null }[];
  lookbackDays: number;
};
export type NorovirusEvidence = SymptomEvidence & { month: number; months: number[] };
export type TbEvidence = SymptomEvidence & { coughDays: string[]; requiredDays: number };
export type LegionellaEvidence = SymptomEvidence & { bathDates: string[]; withinDays: number };
export type UtiEvidence = SymptomEvidence & { maxTempC: number | null };
/**
 * EHEC_URGENT (p.59): abdominal pain with bloody stool, or with watery stool recorded at `frequentWateryStoolFrom` or
 * more observation times of the day.
 */
export type EhecEvidence = SymptomEvidence & {
  bloodyStool: boolean;
  /** Observation times of the day that recorded watery stool (ISO instants). */
  wateryStoolTimes: string[];
  frequentWateryStoolFrom: number;
};

export type NoroClusterEvidence = EvidenceBase & {
  personIds: string[];
  onsets: { personId: string; at: string }[];
  count: number;
  threshold: number;
  windowHours: number;
  symptoms: SymptomCode[];
};
export type CriterionAEvidence = EvidenceBase & {
  personIds: string[];
  conditions: {
    outcomes: OutcomeKind[];
    windowDays: number;
    window: { from: string; to: string };
    count: number;
    threshold: number;
    personIds: string[];
    met: boolean;
  }[];
  outcomes: { personId: string; kind: OutcomeKind; date: string; disease: string | null }[];
};
export type CriterionBEvidence = EvidenceBase & {
  personIds: string[];
  /** `outbreak`: everyone ill in the group's current outbreak (national); `window`: onsets in the last `windowDays`. */
  counting: "outbreak" | "window";
  /** The days counted: from the current outbreak's first onset (or the window's first day) to the day. */
  window: { from: string; to: string };
  windowDays: number;
  /** The current outbreak (`counting: "outbreak"`): first and last onset and the quiet period that bounds it. */
  outbreak: { firstOnset: string; lastOnset: string; quietDays: number } | null;
  /** Persons counted against `threshold` (staff included unless the profile says otherwise). */
  count: number;
  threshold: number | null;
  users: { count: number; total: number; fraction: number; threshold: number } | null;
  met: ("persons" | "users")[];
  resolvedCasesDropOut: boolean;
  cases: {
    personId: string;
    source: "implicit" | "recorded";
    disease: string | null;
    onsetDate: string;
    resolvedDate: string | null;
  }[];
};
export type AboveUsualEvidence = EvidenceBase & {
  count: number;
  upperbound: number;
  method: "C1" | "C2" | "C3";
  alpha: number;
  minSigma: number;
  historyDays: number;
  minHistoryDays: number;
  minOnsets: number;
  personIds: string[];
};
export type EpisodeTrigger = "NORO_CLUSTER_24H" | "REPORT_CRITERION_A" | "REPORT_CRITERION_B" | "DECLARED";
export type OutbreakEndEvidence = EvidenceBase & {
  openedOn: string;
  openedBy: EpisodeTrigger[];
  lastOnset: string;
  daysWithoutNewOnset: number;
  requiredDays: number;
};

type AlertOf<C extends AlertCode, S, E> = { code: C; subject: S; day: string; profile: string; evidence: E };

export type PersonAlert =
  | AlertOf<"FEVER", PersonSubject, FeverEvidence>
  | AlertOf<"LOW_GRADE_FEVER", PersonSubject, LowGradeFeverEvidence>
  | AlertOf<"REPORT_TO_NURSE", PersonSubject, SymptomEvidence>
  | AlertOf<"CDI_CONSIDER", PersonSubject, CdiEvidence>
  | AlertOf<"NOROVIRUS_CONSIDER", PersonSubject, NorovirusEvidence>
  | AlertOf<"EHEC_URGENT", PersonSubject, EhecEvidence>
  | AlertOf<"TB_CONSIDER", PersonSubject, TbEvidence>
  | AlertOf<"SCABIES_CONSIDER", PersonSubject, SymptomEvidence>
  | AlertOf<"LEGIONELLA_CONSIDER", PersonSubject, LegionellaEvidence>
  | AlertOf<"UTI_CONSIDER", PersonSubject, UtiEvidence>;

export type FacilityAlert =
  | AlertOf<"NORO_CLUSTER_24H", { group: SyndromeGroup }, NoroClusterEvidence>
  | AlertOf<"REPORT_CRITERION_A", FacilitySubject, CriterionAEvidence>
  | AlertOf<"REPORT_CRITERION_B", FacilitySubject, CriterionBEvidence>
  | AlertOf<"ABOVE_USUAL", { group: SyndromeGroup }, AboveUsualEvidence>
  | AlertOf<"OUTBREAK_END_ELIGIBLE", FacilitySubject, OutbreakEndEvidence>;

/** NOTIFY_DEADLINE: a notifiable diagnosis not yet notified (manual p.48, 付録2 表A2). */
export type NotifyDeadlineEvidence = EvidenceBase & {
  /** The disease's id in the notifiable-disease table and its legal name on the day of diagnosis. */
  diseaseId: string;
  name: { ja: string; en: string };
  law: "infection_act" | "food_sanitation_act";
  category: "1" | "2" | "3" | "4" | "5" | "new_influenza" | "designated" | "food";
  deadline: "immediate" | "within_7_days" | "next_monday" | "first_of_next_month";
  status: "suspected" | "confirmed";
  diagnosedDate: string;
  /** `diagnosed`: the recorded 受診・診断日; `onset`: none recorded, the onset stands in. */
  diagnosisBasis: "diagnosed" | "onset";
  dueDate: string;
  /** Days from the alert's day to the due date (0 on the last day, negative when late). */
  daysLeft: number;
  overdue: boolean;
  notifiedDate: null;
  /** The law and table the rule comes from. */
  lawSource: string;
};

export type CaseAlert = AlertOf<
  "NOTIFY_DEADLINE",
  { personId: string; disease: string },
  NotifyDeadlineEvidence
>;

export type Alert = PersonAlert | FacilityAlert | CaseAlert;

/**
 * The text a subject sorts by: the person id, the group or the disease.
 *
 * @example subjectKey({ group: "GI" }) // "GI"
 */
export function subjectKey(subject: PersonSubject | FacilitySubject): string {
  if ("personId" in subject) return subject.personId;
  if ("group" in subject) return subject.group;
  return subject.disease;
}

/**
 * Contract order of alerts: by day, code, subject (contracts/evaluate.md).
 *
 * @example alerts.sort(compareAlerts)
 */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    compareText(a.day, b.day) ||
    compareText(a.code, b.code) ||
    compareText(subjectKey(a.subject), subjectKey(b.subject)) ||
    compareText(
      "disease" in a.subject ? a.subject.disease : "",
      "disease" in b.subject ? b.subject.disease : "",
    )
  );
}
