/**
 * Kinds of people a facility records, and who counts as a user (利用者).
 *
 * Source: facility-surveillance.md §2 and manual 付録4③: residents, short-stay and day-service users are users; staff are
 * not, and staff carry a job because kitchen staff are reported separately.
 */
export const PERSON_KINDS = ["resident", "short_stay", "day_service", "staff"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const STAFF_JOBS = ["care", "nursing", "kitchen", "other"] as const;
export type StaffJob = (typeof STAFF_JOBS)[number];

export const PERSON_KIND_LABELS: Record<PersonKind, { ja: string; en: string }> = {
  resident: { ja: "入所者", en: "Resident" },
  short_stay: { ja: "ショートステイ", en: "Short stay" },
  day_service: { ja: "通所サービス", en: "Day service" },
  staff: { ja: "職員", en: "Staff" },
};

export const STAFF_JOB_LABELS: Record<StaffJob, { ja: string; en: string }> = {
  care: { ja: "介護職員", en: "Care staff" },
  nursing: { ja: "看護職員", en: "Nursing staff" },
  kitchen: { ja: "調理従事者", en: "Kitchen staff" },
  other: { ja: "その他の職員", en: "Other staff" },
};

/**
 * Whether a person of this kind counts among the users (the denominator of "half of all users").
 * @example isUser("day_service") // true
 * @example isUser("staff") // false
 */
export function isUser(kind: PersonKind): boolean {
  return kind !== "staff";
}
