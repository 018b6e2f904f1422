import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import type { CreClassification } from "./cre-criteria.ts";
import type { NotificationCriteriaVersion } from "./notification-criteria.ts";
import type { Tri } from "./tri.ts";

export type NotificationReason =
  | "NOT_ENTEROBACTERALES"
  | "NOT_CRE"
  | "CRE_UNDECIDED"
  | "STERILE_SITE"
  | "NON_STERILE_CAUSATIVE"
  | "NON_STERILE_NOT_CAUSATIVE"
  | "NON_STERILE_CAUSATIVE_UNDECIDED";

export type NotificationAssessment = {
  notifiable: Tri;
  deadlineDays: number;
  reason: NotificationReason;
  source: string;
};

/**
 * Whether a CRE isolate is to be notified: only infection is notified, never carriage. A normally sterile specimen
 * (blood, ascites, pleural fluid, CSF …) qualifies by the laboratory criteria alone; a non-sterile one (sputum, pus,
 * urine …) also needs the physician's judgement that the isolate caused the infection (`causative`; null = not yet
 * judged → "indeterminate"). The physician notifies within 7 days of diagnosis.
 *
 * Source: 感染症法 第12条第1項 and the 届出基準 (cre-reference.md §1.3; S1, S2, S3 Q1–Q2, S21).
 * @example assessNotification(cre, { sterileSite: false, causative: false }, criteria).reason // "NON_STERILE_NOT_CAUSATIVE"
 */
export function assessNotification(
  cre: CreClassification,
  specimen: { sterileSite: boolean; causative: boolean | null },
  criteria: NotificationCriteriaVersion,
): NotificationAssessment {
  const base = { deadlineDays: criteria.deadlineDays, source: criteria.source };
  if (!cre.enterobacterales) return { ...base, notifiable: false, reason: "NOT_ENTEROBACTERALES" };
  if (cre.value === false) return { ...base, notifiable: false, reason: "NOT_CRE" };
  if (!specimen.sterileSite && specimen.causative === false) {
    return { ...base, notifiable: false, reason: "NON_STERILE_NOT_CAUSATIVE" };
  }
  if (cre.value === "indeterminate") return { ...base, notifiable: "indeterminate", reason: "CRE_UNDECIDED" };
  if (specimen.sterileSite) return { ...base, notifiable: true, reason: "STERILE_SITE" };
  if (specimen.causative === true) return { ...base, notifiable: true, reason: "NON_STERILE_CAUSATIVE" };
  return { ...base, notifiable: "indeterminate", reason: "NON_STERILE_CAUSATIVE_UNDECIDED" };
}

/**
 * The last day for notifying a case: the day of diagnosis plus the deadline (7 days), counted in Japanese calendar days
 * (初日不算入: the day of diagnosis is day 0).
 *
 * Source: 感染症法 第12条第1項 (「七日以内」), cre-reference.md §1.1; 民法 第140条 for not counting the first day.
 * Units: ISO dates (YYYY-MM-DD). @example notificationDueDate("2026-01-30", 7) // "2026-02-06"
 */
export function notificationDueDate(diagnosedOn: string, deadlineDays: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(diagnosedOn)) throw new Error(`not an ISO date: ${diagnosedOn}`);
  const [year = 0, month = 1, day = 1] = diagnosedOn.split("-").map(Number);
  const diagnosed = new TZDate(year, month - 1, day, "Asia/Tokyo");
  return format(addDays(diagnosed, deadlineDays), "yyyy-MM-dd");
}
