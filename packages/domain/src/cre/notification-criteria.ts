/**
 * Versions of the laboratory criteria of the notification standard for カルバペネム耐性腸内細菌目細菌感染症 (5類全数).
 * Data, not code: the AMR subcommittee proposed deleting branch イ (IPM + CMZ); whether and when that takes effect is
 * unknown (cre-reference.md §1.1, S5), so the branch is a switch a jurisdiction profile can turn off.
 */
export type NotificationCriteriaVersion = {
  id: string;
  status: "in_force" | "proposed";
  /** First day the version applies (ISO date), or null for a proposal without a date. */
  effectiveFrom: string | null;
  /** Branch ア: meropenem MIC ≥ this (mg/L) … */
  meropenemMicAtLeastMgL: number;
  /** … or meropenem 10 µg zone ≤ this (mm). */
  meropenemZoneAtMostMm: number;
  /** Branch イ: (imipenem MIC ≥ 2 or zone ≤ 22) and (cefmetazole MIC ≥ 64 or zone ≤ 12); null = branch deleted. */
  imipenemCefmetazoleBranch: {
    imipenemMicAtLeastMgL: number;
    imipenemZoneAtMostMm: number;
    cefmetazoleMicAtLeastMgL: number;
    cefmetazoleZoneAtMostMm: number;
  } | null;
  /** Days from diagnosis within which the physician notifies (感染症法 第12条第1項). */
  deadlineDays: number;
  source: string;
};

export const NOTIFICATION_CRITERIA: readonly NotificationCriteriaVersion[] = [
  {
    id: "mhlw-2014",
    status: "in_force",
    effectiveFrom: "2014-09-19",
    meropenemMicAtLeastMgL: 2,
    meropenemZoneAtMostMm: 22,
    imipenemCefmetazoleBranch: {
      imipenemMicAtLeastMgL: 2,
      imipenemZoneAtMostMm: 22,
      cefmetazoleMicAtLeastMgL: 64,
      cefmetazoleZoneAtMostMm: 12,
    },
    deadlineDays: 7,
    source: "感染症法 届出基準 (MHLW; renamed 腸内細菌目 2023-05-26), cre-reference.md §1.2 (S1, S2, S21)",
  },
  {
    id: "amr-subcommittee-proposal",
    status: "proposed",
    effectiveFrom: null,
    meropenemMicAtLeastMgL: 2,
    meropenemZoneAtMostMm: 22,
    imipenemCefmetazoleBranch: null,
    deadlineDays: 7,
    source: "薬剤耐性(AMR)に関する小委員会 第9回 資料1-3 (proposal), cre-reference.md §1.1 (S5)",
  },
];

export const DEFAULT_NOTIFICATION_CRITERIA_ID = "mhlw-2014";

/**
 * The notification criteria version of that id (default: the one in force, "mhlw-2014").
 *
 * Source: cre-reference.md §1. @example notificationCriteria("amr-subcommittee-proposal").imipenemCefmetazoleBranch // null
 * @throws Error for an unknown id.
 */
export function notificationCriteria(
  id: string = DEFAULT_NOTIFICATION_CRITERIA_ID,
): NotificationCriteriaVersion {
  const found = NOTIFICATION_CRITERIA.find((c) => c.id === id);
  if (!found) throw new Error(`unknown notification criteria "${id}"`);
  return found;
}
