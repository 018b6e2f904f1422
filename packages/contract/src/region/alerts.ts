import type { FacilityAlertCode, SyndromeGroup } from "@mamori/domain/surveillance";

/** The codes the health centre sees: the facility rules and the notification deadline, never a person's hint. */
export type RegionAlertCode = FacilityAlertCode | "NOTIFY_DEADLINE";

/**
 * One facility alert as the health centre sees it: what it is, for which group or disease, which reporting criterion
 * of 付録1① it is (ア `A`, イ `B`, ウ `C`), the number against the threshold, and since when — nothing that names or
 * points to a person.
 */
export type RegionAlert = {
  code: RegionAlertCode;
  group: SyndromeGroup | null;
  disease: string | null;
  /** The disease's name when the alert is about one (grouped diseases and notifiable ones). */
  diseaseName: { ja: string; en: string } | null;
  criterion: "A" | "B" | "C" | null;
  /** The latest day of the shown days on which it holds. */
  day: string;
  /**
   * Since when: イ the current outbreak's first onset; ア the first day of the week counted; the end of an outbreak the
   * day it opened; the notification deadline the first diagnosis; otherwise the first shown day it held.
   */
  since: string;
  /** Persons counted (ア, イ, ウ, the cluster, the deadline); days without a new onset (the end of an outbreak). */
  count: number;
  /** What `count` is held against: the criterion's threshold, the usual upper bound (ウ), the days required. */
  threshold: number | null;
  /** イ by the share of users: users ill out of all users. */
  users: { count: number; total: number } | null;
};
