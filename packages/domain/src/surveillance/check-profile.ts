import { type Alert, compareAlerts, subjectKey } from "./alerts.ts";
import { type EvaluateFacilityInput, evaluateFacility } from "./evaluate-facility.ts";
import { type RuleProfile, validateProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";

/**
 * Checking a rule profile on a scenario before it goes live (facility-surveillance.md §4.1, contracts/evaluate.md:
 * "for checking a rule profile before it goes live"): the profile is validated, run on the scenario, and its alerts
 * are compared with those of a baseline profile (default `mhlw-2005`).
 */
export type ProfileCheck =
  | { ok: false; message: string }
  | {
      ok: true;
      profile: RuleProfile;
      baseline: string;
      days: string[];
      alerts: Alert[];
      /** Alerts this profile raises that the baseline does not (same code, subject and day). */
      added: Alert[];
      /** Alerts the baseline raises that this profile does not. */
      removed: Alert[];
    };

/**
 * Validates a profile and runs it on a scenario beside a baseline profile.
 *
 * @param profileValue the profile as parsed JSON
 * @param scenario the facility data, as for `evaluateFacility` (its `profile` is ignored)
 * @example
 * const check = checkProfileOnScenario(cityStrictJson, scenario);
 * if (check.ok) check.added.map((alert) => alert.code) // e.g. ["REPORT_CRITERION_A"] for a single death from influenza
 */
export function checkProfileOnScenario(
  profileValue: unknown,
  scenario: Omit<EvaluateFacilityInput, "profile">,
  baseline: RuleProfile = DEFAULT_PROFILE,
): ProfileCheck {
  const validation = validateProfile(profileValue);
  if (!validation.ok) return { ok: false, message: validation.message };
  const profile = validation.profile;
  const candidate = evaluateFacility({ ...scenario, profile });
  const reference = evaluateFacility({ ...scenario, profile: baseline });
  const key = (alert: Alert) => `${alert.day}|${alert.code}|${subjectKey(alert.subject)}`;
  const candidateKeys = new Set(candidate.alerts.map(key));
  const referenceKeys = new Set(reference.alerts.map(key));
  return {
    ok: true,
    profile,
    baseline: baseline.id,
    days: candidate.days,
    alerts: candidate.alerts,
    added: candidate.alerts.filter((alert) => !referenceKeys.has(key(alert))).sort(compareAlerts),
    removed: reference.alerts.filter((alert) => !candidateKeys.has(key(alert))).sort(compareAlerts),
  };
}
