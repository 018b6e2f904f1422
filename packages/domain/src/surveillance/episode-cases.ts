import { buildCaseRegistry } from "./cases.ts";
import type { FacilityInput, ObservationInput, PersonInput, RecordedCaseInput } from "./inputs.ts";
import { createLocalDayResolver, DEFAULT_TIME_ZONE, isoDayOf, parseInstant } from "./local-day.ts";
import { indexObservations } from "./person-days.ts";
import type { RuleProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

export type ImplicitCaseView = {
  personId: string;
  group: SyndromeGroup;
  onsetDate: string;
  /** Onset instant (first observation that showed the group), ISO. */
  onsetAt: string | null;
  resolvedDate: string | null;
};

/**
 * The implicit cases of one group (facility-surveillance.md §3: every new onset of a syndrome group starts one), after
 * recorded cases have replaced theirs — the cases an outbreak episode links by person, group and onset day. Uses the
 * same onset and case rules, with the same profile settings, as `evaluateFacility`.
 *
 * @example implicitCasesOfGroup({ facility, people, observations, cases, asOf }, "GI")
 * // [{ personId: "r01", group: "GI", onsetDate: "2026-01-10", onsetAt: "2026-01-09T23:00:00.000Z", resolvedDate: null }]
 */
export function implicitCasesOfGroup(
  input: {
    facility: FacilityInput;
    people: readonly PersonInput[];
    observations: readonly ObservationInput[];
    cases?: readonly RecordedCaseInput[];
    profile?: RuleProfile;
    asOf: string | Date;
  },
  group: SyndromeGroup,
): ImplicitCaseView[] {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const resolver = createLocalDayResolver(input.facility.timeZone ?? DEFAULT_TIME_ZONE);
  const asOfMs = typeof input.asOf === "string" ? parseInstant(input.asOf) : input.asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new RangeError("asOf: not an ISO instant with offset");
  const index = indexObservations({
    people: input.people,
    observations: input.observations,
    resolver,
    asOfMs,
  });
  const registry = buildCaseRegistry(index, input.cases ?? [], [group], resolver.dayOf(asOfMs), {
    gapDays: profile.onsets.gapDays,
    implicitResolvedAfterSymptomFreeDays: profile.cases.implicitResolvedAfterSymptomFreeDays,
    recordedReplacesImplicitWithinDays: profile.cases.recordedReplacesImplicitWithinDays,
  });
  return (registry.implicitByGroup.get(group) ?? []).map((held) => ({
    personId: held.personId,
    group,
    onsetDate: isoDayOf(held.onsetDay),
    onsetAt: held.onsetMs === undefined ? null : new Date(held.onsetMs).toISOString(),
    resolvedDate: held.resolvedDay === null ? null : isoDayOf(held.resolvedDay),
  }));
}
