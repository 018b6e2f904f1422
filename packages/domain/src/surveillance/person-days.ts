import type { ObservationInput, PersonInput } from "./inputs.ts";
import { type LocalDayResolver, parseInstant } from "./local-day.ts";
import { isUser } from "./people.ts";
import { LOW_GRADE_FEVER_BIT, SYMPTOM_BIT } from "./symptom-mask.ts";
import type { SymptomCode } from "./symptoms.ts";
import { classifyTemperature } from "./temperature.ts";

/**
 * The observations of one person, in time order and grouped by local calendar day.
 *
 * Day `i` of the timeline is `days[i]` (a day number), its symptoms are `dayMask[i]` (the union over the day's
 * observations, with `fever` derived from the temperature as in manual p.33–34), and its observations are the positions
 * `dayObsStart[i]` up to `dayObsStart[i + 1]` (or the end) of the `obs…` arrays.
 */
export type PersonTimeline = {
  readonly personId: string;
  /** The person as listed, or undefined for an observation of someone the list does not hold. */
  readonly person: PersonInput | undefined;
  /** Counts among the users (residents, short stay, day service); unlisted persons do not. */
  readonly isUser: boolean;
  /** Epoch milliseconds of each observation. */
  readonly obsMs: ArrayLike<number>;
  readonly obsMask: ArrayLike<number>;
  /** Temperature of each observation in °C, `NaN` when none was taken. */
  readonly obsTempC: ArrayLike<number>;
  readonly days: readonly number[];
  readonly dayMask: readonly number[];
  readonly dayObsStart: readonly number[];
};

/** All observations up to the as-of instant, indexed once by person and by day. */
export type ObservationIndex = {
  readonly resolver: LocalDayResolver;
  readonly asOfMs: number;
  /** Timelines ordered by person id. */
  readonly timelines: readonly PersonTimeline[];
  readonly byPersonId: ReadonlyMap<string, PersonTimeline>;
  /** Day number of the earliest observation, if any. */
  readonly firstDay: number | undefined;
};

/**
 * The symptom mask of one observation, with fever or low-grade fever derived from its temperature.
 *
 * @param symptoms recorded symptom codes (`fever` may be given directly)
 * @param tempC the measured temperature in °C, if any
 * @param baselineTempC the person's usual temperature in °C, if known
 * @example observationMask(["cough"], 38.0) === (SYMPTOM_BIT.cough | SYMPTOM_BIT.fever) // true
 */
export function observationMask(
  symptoms: readonly SymptomCode[] | undefined,
  tempC: number | null | undefined,
  baselineTempC: number | null | undefined,
): number {
  let mask = 0;
  if (symptoms) {
    for (const code of symptoms) {
      const bit = SYMPTOM_BIT[code];
      if (bit !== undefined) mask |= bit;
    }
  }
  if (tempC != null && Number.isFinite(tempC)) {
    const temperatureClass = classifyTemperature(tempC, baselineTempC);
    if (temperatureClass === "fever") mask |= SYMPTOM_BIT.fever;
    else if (temperatureClass === "low_grade_fever") mask |= LOW_GRADE_FEVER_BIT;
  }
  if (mask & SYMPTOM_BIT.fever) mask &= ~LOW_GRADE_FEVER_BIT;
  return mask;
}

/**
 * Indexes observations by person and local day, parsing each timestamp once.
 *
 * Observations after `asOfMs` are left out (contracts/evaluate.md: "Observations after `asOf` are ignored"). The work is
 * one pass over the observations into flat typed arrays, a counting sort by person (stable, so observations that arrive
 * in time order need no sorting), and one pass per person to group days; timelines are views into the flat arrays.
 *
 * @throws RangeError naming the observation when its `at` is not an instant with an offset
 * @example
 * const index = indexObservations({ people, observations, resolver: createLocalDayResolver("Asia/Tokyo"), asOfMs });
 * index.byPersonId.get("r01")?.days // day numbers on which r01 was observed
 */
export function indexObservations(input: {
  people: readonly PersonInput[];
  observations: readonly ObservationInput[];
  resolver: LocalDayResolver;
  asOfMs: number;
}): ObservationIndex {
  const { resolver, asOfMs, observations } = input;
  const people = new Map<string, PersonInput>();
  for (const person of input.people) people.set(person.id, person);

  const count = observations.length;
  const personOf = new Int32Array(count);
  const msAll = new Float64Array(count);
  const maskAll = new Int32Array(count);
  const tempAll = new Float64Array(count);
  const indexOfId = new Map<string, number>();
  const ids: string[] = [];
  const baselines: (number | null | undefined)[] = [];
  const perPerson: number[] = [];
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const observation = observations[i]!;
    const at = observation.at;
    const ms = typeof at === "string" ? parseInstant(at) : at.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`observations[${i}].at: not an ISO instant with offset`);
    if (ms > asOfMs) {
      personOf[i] = -1;
      continue;
    }
    let p = indexOfId.get(observation.personId);
    if (p === undefined) {
      p = ids.length;
      indexOfId.set(observation.personId, p);
      ids.push(observation.personId);
      baselines.push(people.get(observation.personId)?.baselineTempC);
      perPerson.push(0);
    }
    personOf[i] = p;
    perPerson[p]! += 1;
    kept += 1;
    msAll[i] = ms;
    maskAll[i] = observationMask(observation.symptoms, observation.tempC, baselines[p]);
    tempAll[i] = observation.tempC ?? Number.NaN;
  }

  // Counting sort by person, keeping the input order within a person.
  const start = new Int32Array(ids.length + 1);
  for (let p = 0; p < ids.length; p++) start[p + 1] = start[p]! + perPerson[p]!;
  const cursor = start.slice(0, ids.length);
  const obsMs = new Float64Array(kept);
  const obsMask = new Int32Array(kept);
  const obsTempC = new Float64Array(kept);
  for (let i = 0; i < count; i++) {
    const p = personOf[i]!;
    if (p < 0) continue;
    const position = cursor[p]!;
    cursor[p] = position + 1;
    obsMs[position] = msAll[i]!;
    obsMask[position] = maskAll[i]!;
    obsTempC[position] = tempAll[i]!;
  }

  const timelines: PersonTimeline[] = [];
  let firstDay: number | undefined;
  const order = ids.map((_, p) => p).sort((a, b) => compareText(ids[a]!, ids[b]!));
  for (const p of order) {
    const from = start[p]!;
    const to = start[p + 1]!;
    sortSegment(obsMs, obsMask, obsTempC, from, to);
    const personId = ids[p]!;
    const timeline = buildTimeline(
      personId,
      people.get(personId),
      obsMs.subarray(from, to),
      obsMask.subarray(from, to),
      obsTempC.subarray(from, to),
      resolver,
    );
    const first = timeline.days[0];
    if (first !== undefined && (firstDay === undefined || first < firstDay)) firstDay = first;
    timelines.push(timeline);
  }
  return {
    resolver,
    asOfMs,
    timelines,
    byPersonId: new Map(timelines.map((timeline) => [timeline.personId, timeline])),
    firstDay,
  };
}

/** Puts one person's observations in time order (equal times by mask, then temperature, so input order never shows). */
function sortSegment(
  ms: Float64Array,
  mask: Int32Array,
  tempC: Float64Array,
  from: number,
  to: number,
): void {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) {
    if (ms[i]! < ms[i - 1]! || (ms[i] === ms[i - 1] && compareTies(mask, tempC, i - 1, i) > 0))
      sorted = false;
  }
  if (sorted) return;
  const order = Array.from({ length: to - from }, (_, k) => from + k);
  order.sort((a, b) => ms[a]! - ms[b]! || compareTies(mask, tempC, a, b));
  const ms2 = order.map((i) => ms[i]!);
  const mask2 = order.map((i) => mask[i]!);
  const temp2 = order.map((i) => tempC[i]!);
  ms.set(ms2, from);
  mask.set(mask2, from);
  tempC.set(temp2, from);
}

function compareTies(mask: Int32Array, tempC: Float64Array, a: number, b: number): number {
  return mask[a]! - mask[b]! || compareNumber(tempC[a]!, tempC[b]!);
}

function buildTimeline(
  personId: string,
  person: PersonInput | undefined,
  ms: Float64Array,
  mask: Int32Array,
  tempC: Float64Array,
  resolver: LocalDayResolver,
): PersonTimeline {
  const days: number[] = [];
  const dayMask: number[] = [];
  const dayObsStart: number[] = [];
  let currentDay = Number.NaN;
  for (let i = 0; i < ms.length; i++) {
    const day = resolver.dayOf(ms[i]!);
    if (day !== currentDay) {
      days.push(day);
      dayMask.push(mask[i]!);
      dayObsStart.push(i);
      currentDay = day;
    } else {
      dayMask[dayMask.length - 1]! |= mask[i]!;
    }
  }
  // A fever at any reading of the day outranks a low-grade fever at another.
  for (let i = 0; i < dayMask.length; i++) {
    if (dayMask[i]! & SYMPTOM_BIT.fever) dayMask[i]! &= ~LOW_GRADE_FEVER_BIT;
  }
  return {
    personId,
    person,
    isUser: person !== undefined && isUser(person.kind),
    obsMs: ms,
    obsMask: mask,
    obsTempC: tempC,
    days,
    dayMask,
    dayObsStart,
  };
}

function compareNumber(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}

/** Orders text by UTF-16 code units, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Position of a day in a timeline, or -1 when the person has no observation that day.
 *
 * @example dayPosition(timeline, dayNumberOf("2026-01-10")) // 0 when that is the person's first observed day
 */
export function dayPosition(timeline: PersonTimeline, day: number): number {
  const days = timeline.days;
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = days[middle]!;
    if (value === day) return middle;
    if (value < day) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** One past the last observation position of day position `position`. */
export function dayObsEnd(timeline: PersonTimeline, position: number): number {
  return timeline.dayObsStart[position + 1] ?? timeline.obsMs.length;
}
