import type {
  FacilityInput,
  ObservationInput,
  PersonInput,
  RecordedCaseInput,
} from "../surveillance/inputs.ts";
import {
  createLocalDayResolver,
  DEFAULT_TIME_ZONE,
  dayNumberOf,
  isoDayOf,
  parseInstant,
} from "../surveillance/local-day.ts";
import { indexObservations, type ObservationIndex } from "../surveillance/person-days.ts";

/** A person on the forms: the scenario's person, and whether they are still with the facility (default yes). */
export type FormPersonInput = PersonInput & { active?: boolean | null };

/**
 * A recorded case as the physician report reads it: the case of `evaluate.md`, and when known the day the person saw
 * a physician or was diagnosed (受診・診断日) and free remarks. Both are optional: stores that do not hold them yet
 * leave them out.
 */
export type FormCaseInput = RecordedCaseInput & {
  consultationDate?: string | null;
  remarks?: string | null;
};

/** What both forms read: the facility, its people, the observations of the rounds and (for ③) the recorded cases. */
export type FormsInput = {
  facility: FacilityInput;
  people: readonly FormPersonInput[];
  observations: readonly ObservationInput[];
  cases?: readonly FormCaseInput[];
  /** Observations after this instant are ignored (contracts/forms.md); none are when absent. */
  asOf?: string | Date | null;
};

/** The observations indexed by person and local day of the facility's zone, up to `asOf`. */
export function indexForForms(input: FormsInput): ObservationIndex {
  const resolver = createLocalDayResolver(input.facility.timeZone ?? DEFAULT_TIME_ZONE);
  let asOfMs = Number.POSITIVE_INFINITY;
  if (input.asOf != null) {
    asOfMs = typeof input.asOf === "string" ? parseInstant(input.asOf) : input.asOf.getTime();
    if (Number.isNaN(asOfMs)) throw new RangeError("asOf: expected an ISO instant with offset");
  }
  return indexObservations({ people: input.people, observations: input.observations, resolver, asOfMs });
}

/** `count` consecutive ISO days from `first`, with their day numbers. */
export function formDays(first: string, count: number, field: string): { days: string[]; numbers: number[] } {
  let start: number;
  try {
    start = dayNumberOf(first);
  } catch {
    throw new RangeError(`${field}: expected a date YYYY-MM-DD`);
  }
  const numbers = Array.from({ length: count }, (_, i) => start + i);
  return { days: numbers.map(isoDayOf), numbers };
}
