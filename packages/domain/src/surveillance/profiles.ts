import { type RuleProfile, validateProfile } from "./profile-schema.ts";
import childcare from "./profiles/childcare.json" with { type: "json" };
import cityStrict from "./profiles/city-strict.json" with { type: "json" };
import mhlw2005 from "./profiles/mhlw-2005.json" with { type: "json" };
import rolling7d from "./profiles/rolling-7d.json" with { type: "json" };

/**
 * The rule profiles shipped with Mamori (facility-surveillance.md §4.1): `mhlw-2005`, the national criteria and the
 * default (criterion イ counts everyone ill in the current outbreak); `childcare`, the 2023 revision for nursery and
 * education facilities (one fifth of users, counted as nationally); `city-strict`, an example of a stricter municipal
 * rule for influenza-like illness and COVID-19 (criterion ア; イ as nationally); `rolling-7d`, for jurisdictions that
 * count people ill at one time (イ over the last 7 days, recorded recoveries dropping out).
 */
export const DEFAULT_PROFILE_ID = "mhlw-2005";

function builtIn(value: unknown): RuleProfile {
  const result = validateProfile(value);
  if (!result.ok) throw new Error(`built-in rule profile is invalid: ${result.message}`);
  return result.profile;
}

export const BUILT_IN_PROFILES: Readonly<Record<string, RuleProfile>> = Object.freeze(
  Object.fromEntries([mhlw2005, childcare, cityStrict, rolling7d].map((value) => [value.id, builtIn(value)])),
);

/** Ids of the shipped profiles, default first. */
export const BUILT_IN_PROFILE_IDS: readonly string[] = [
  DEFAULT_PROFILE_ID,
  "childcare",
  "city-strict",
  "rolling-7d",
];

/**
 * A shipped profile by id.
 *
 * @example findBuiltInProfile("childcare")?.criteria.default.B.usersFraction // 0.2
 * @example findBuiltInProfile("nowhere") // undefined
 */
export function findBuiltInProfile(id: string): RuleProfile | undefined {
  return Object.hasOwn(BUILT_IN_PROFILES, id) ? BUILT_IN_PROFILES[id] : undefined;
}

/** The national default profile, `mhlw-2005`. */
export const DEFAULT_PROFILE: RuleProfile = BUILT_IN_PROFILES[DEFAULT_PROFILE_ID]!;
