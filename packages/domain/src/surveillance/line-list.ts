import { subjectKey } from "./alerts.ts";
import { buildCaseRegistry, type FacilityCase } from "./cases.ts";
import { facilityGroupOfDisease } from "./diseases.ts";
import type {
  CaseStatus,
  FacilityInput,
  FacilitySubject,
  ObservationInput,
  OutcomeKind,
  PersonInput,
  RecordedCaseInput,
} from "./inputs.ts";
import { holdHistory, type KeptOnsetHistory } from "./kept-history.ts";
import {
  createLocalDayResolver,
  DEFAULT_TIME_ZONE,
  dayNumberOf,
  isoDayOf,
  parseInstant,
} from "./local-day.ts";
import type { PersonKind } from "./people.ts";
import {
  compareText,
  dayObsEnd,
  dayPosition,
  indexObservations,
  type ObservationIndex,
  type PersonTimeline,
} from "./person-days.ts";
import type { RuleProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import {
  ALL_SYMPTOMS_MASK,
  compileCondition,
  LOW_GRADE_FEVER_BIT,
  satisfiesCondition,
  symptomsOfMask,
} from "./symptom-mask.ts";
import type { SymptomCode } from "./symptoms.ts";
import { SYNDROME_GROUP_CONDITIONS, type SyndromeGroup } from "./syndrome-groups.ts";

/**
 * Who is ill now — the line list (発症者状況一覧表) the nurse keeps during an outbreak.
 *
 * Source: manual §4 1) (p.44): 「入所者と職員の健康状態（症状の有無）を、発生した日時や階（あるいはユニット）および居室ごとに
 * まとめます。受診状況と診断名、検査、治療の内容を記録しておきます。」 and the form 付録4③ (p.85): 所属 (階・号室, ショートステイ,
 * 介護職員, 調理従事者), 氏名, one column per day with the marks ●□△◎, 受診・診断日, 備考 (診断結果など).
 *
 * Every current case of each facility group is listed: the implicit case that a new onset of the group starts
 * (facility-surveillance.md §3), or a case the staff recorded. A recorded case names a disease (and then replaces the
 * implicit case of the same person and group within the profile's replacement window, as in the rules engine), or keeps
 * the implicit case's group with the nurse's notes (status, consultation or diagnosis date, remarks, the day it
 * resolved) while no disease is named yet.
 *
 * **Decisions** (where the manual leaves room):
 * - Symptom-free days never close a case here: norovirus lasts one to three days, and closing cases that way hid an
 *   outbreak from criterion イ. After {@link CLOSE_OFFER_SYMPTOM_FREE_DAYS} consecutive *recorded* days without a symptom
 *   of the case's group (a day without a record breaks the run: it is not evidence of recovery — the same reading as the
 *   onset gap of §3), the case is offered for closing (「3日間症状なし — 終了にしますか？」); a person records the day.
 * - A case is current while it has not been closed and its onset or its latest symptom of the group lies within the
 *   days shown (default 7, the week of 付録4②); a case closed within those days stays listed with its closing day.
 */
export const CLOSE_OFFER_SYMPTOM_FREE_DAYS = 3;
/** Days shown by default (the week of 付録4② and the day columns of 付録4③). */
export const DEFAULT_LINE_LIST_DAYS = 7;

/** A stored case as the line list reads it: a named disease, or the group of an implicit case with notes. */
export type LineListCaseInput = {
  id: string;
  personId: string;
  /** The diagnosis; null while the nurse has not named one (then `group` says which implicit case it belongs to). */
  disease: string | null;
  group: SyndromeGroup | null;
  status: CaseStatus;
  onsetDate: string;
  resolvedDate?: string | null;
  /** 受診・診断日: the day the person was seen by a physician or diagnosed. */
  diagnosedDate?: string | null;
  /** The day the physician notified the health centre (NOTIFY_DEADLINE ends). */
  notifiedDate?: string | null;
  /** 備考 (診断結果など). */
  remarks?: string | null;
  outcomes?: readonly { kind: OutcomeKind; date: string }[];
  version?: number;
};

export type LineListInput = {
  facility: FacilityInput;
  people: readonly PersonInput[];
  observations: readonly ObservationInput[];
  cases?: readonly LineListCaseInput[];
  profile?: RuleProfile;
  asOf: string | Date;
  /** Days shown, ending with the as-of day (default 7). */
  days?: number;
  /**
   * Kept new onsets standing for the observations of past days (kept-history.ts). The observations must still cover
   * every day of a case listed because it closed within the days shown.
   */
  history?: KeptOnsetHistory;
};

/** One day of a case's row: what was recorded about the person that day. */
export type LineListDay = {
  date: string;
  /** Whether the person was observed that day at all (no record is not "no symptom"). */
  recorded: boolean;
  /** Symptoms of the day, fever derived from the temperature (manual p.33–34), in vocabulary order. */
  symptoms: SymptomCode[];
  lowGradeFever: boolean;
  /** Highest temperature of the day, °C. */
  maxTempC: number | null;
  /** Whether the day shows a symptom of the case's group (the case's disease for a disease in no group: any symptom). */
  caseSymptoms: boolean;
};

export type LineListEntry = {
  /** Stable key: the stored case's id, or `implicit:<person>:<group>:<onset>`. */
  key: string;
  /** The stored case behind the row; null for an implicit case nobody has touched. */
  caseId: string | null;
  version: number | null;
  /** `implicit` while no disease is named (notes may be stored), `recorded` once a disease is named. */
  source: "implicit" | "recorded";
  personId: string;
  personKind: PersonKind | null;
  unitId: string | null;
  roomId: string | null;
  /** The section the row is listed under: a facility group, or a disease in none of them. */
  subject: FacilitySubject;
  disease: string | null;
  /** An implicit case is a suspected case by definition (「それらが疑われる者」) until someone confirms it. */
  status: CaseStatus;
  onsetDate: string;
  /** Onset instant of an implicit case (the first observation showing the group), ISO with the zone's offset. */
  onsetAt: string | null;
  /** The latest day with a symptom of the case (at or after its onset); null when none was observed. */
  lastSymptomDate: string | null;
  resolvedDate: string | null;
  diagnosedDate: string | null;
  notifiedDate: string | null;
  remarks: string | null;
  outcomes: { kind: OutcomeKind; date: string }[];
  days: LineListDay[];
  /** Consecutive recorded days without a symptom of the case, up to the as-of day (0 when the last recorded day had one). */
  symptomFreeDays: number;
  /** The offer to close the case, with the day proposed (the first day without symptoms); null when not offered. */
  closeOffer: { resolvedDate: string; symptomFreeDays: number } | null;
};

export type LineList = {
  asOf: string;
  profile: string;
  /** The days shown, oldest first. */
  days: string[];
  /** Ordered by unit (the facility's order, people without a unit last), room, section, onset and person. */
  entries: LineListEntry[];
};

type CaseUnderWay = {
  key: string;
  stored: LineListCaseInput | null;
  source: "implicit" | "recorded";
  personId: string;
  subject: FacilitySubject;
  /** Condition whose symptoms belong to the case (any symptom for a disease in no group). */
  condition: readonly number[] | null;
  onsetDay: number;
  onsetMs: number | undefined;
};

/**
 * Builds the line list: every current case of each facility group, per unit and room, with its days.
 *
 * Source: manual §4 1) p.44 and 付録4③ p.85 (see the module comment). Pure; time comes from `asOf`.
 *
 * @throws RangeError naming the input when `asOf`, an observation time or a case date is not valid
 * @example
 * buildLineList({ facility: { id: "f1" }, people, observations, cases: [], asOf: "2026-01-11T09:00:00+09:00" })
 * // { days: ["2026-01-05", …, "2026-01-11"], entries: [{ subject: { group: "GI" }, status: "suspected", … }] }
 */
export function buildLineList(input: LineListInput): LineList {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const shownDays = input.days ?? DEFAULT_LINE_LIST_DAYS;
  if (!Number.isInteger(shownDays) || shownDays < 1 || shownDays > 62) {
    throw new RangeError("days: expected a whole number from 1 to 62");
  }
  const resolver = createLocalDayResolver(input.facility.timeZone ?? DEFAULT_TIME_ZONE);
  const asOfMs = typeof input.asOf === "string" ? parseInstant(input.asOf) : input.asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new RangeError("asOf: not an ISO instant with offset");
  const asOfDay = resolver.dayOf(asOfMs);
  const firstShown = asOfDay - shownDays + 1;
  const index = indexObservations({
    people: input.people,
    observations: input.observations,
    resolver,
    asOfMs,
  });
  const people = new Map(input.people.map((person) => [person.id, person]));
  const stored = (input.cases ?? []).map((held, i) => checkedCase(held, i));
  const named = stored.filter((held) => held.input.disease !== null && held.onsetDay <= asOfDay);
  const notes = stored.filter((held) => held.input.disease === null && held.onsetDay <= asOfDay);

  // Implicit cases, never closed by symptom-free days; named cases replace them as in the rules engine.
  const groups = profile.facilityGroups;
  const registry = buildCaseRegistry(
    index,
    named.map(asRecordedInput),
    groups,
    asOfDay,
    {
      gapDays: profile.onsets.gapDays,
      implicitResolvedAfterSymptomFreeDays: null,
      recordedReplacesImplicitWithinDays: profile.cases.recordedReplacesImplicitWithinDays,
    },
    input.history ? holdHistory(input.history) : undefined,
  );

  const underWay: CaseUnderWay[] = [];
  const usedNotes = new Set<string>();
  for (const group of groups) {
    for (const implicit of registry.implicitByGroup.get(group) ?? []) {
      // A later onset of the same group starts the next case: the earlier one is over.
      if (implicit.resolvedDay !== null) continue;
      const note = nearestNote(
        notes,
        implicit,
        group,
        profile.cases.recordedReplacesImplicitWithinDays,
        usedNotes,
      );
      if (note) usedNotes.add(note.input.id);
      underWay.push({
        key: note ? note.input.id : `implicit:${implicit.personId}:${group}:${isoDayOf(implicit.onsetDay)}`,
        stored: note?.input ?? null,
        source: "implicit",
        personId: implicit.personId,
        subject: { group },
        condition: compileCondition(SYNDROME_GROUP_CONDITIONS[group]),
        onsetDay: implicit.onsetDay,
        onsetMs: implicit.onsetMs,
      });
    }
  }
  // Notes whose implicit case is no longer derived (an observation corrected since) keep their own row.
  for (const note of notes) {
    if (usedNotes.has(note.input.id) || note.input.group === null) continue;
    underWay.push({
      key: note.input.id,
      stored: note.input,
      source: "implicit",
      personId: note.input.personId,
      subject: { group: note.input.group },
      condition: compileCondition(SYNDROME_GROUP_CONDITIONS[note.input.group]),
      onsetDay: note.onsetDay,
      onsetMs: undefined,
    });
  }
  for (const held of named) {
    const disease = held.input.disease!;
    const group = facilityGroupOfDisease(disease, groups);
    underWay.push({
      key: held.input.id,
      stored: held.input,
      source: "recorded",
      personId: held.input.personId,
      subject: group ? { group } : { disease },
      condition: group ? compileCondition(SYNDROME_GROUP_CONDITIONS[group]) : null,
      onsetDay: held.onsetDay,
      onsetMs: undefined,
    });
  }

  const entries: LineListEntry[] = [];
  for (const held of underWay) {
    const entry = lineListEntry(held, index, people, (ms) => resolver.format(ms), asOfDay, firstShown);
    if (entry) entries.push(entry);
  }
  const unitOrder = new Map((input.facility.units ?? []).map((unit, i) => [unit.id, i]));
  const unitRank = (id: string | null) =>
    id === null ? Number.MAX_SAFE_INTEGER : (unitOrder.get(id) ?? unitOrder.size);
  entries.sort(
    (a, b) =>
      unitRank(a.unitId) - unitRank(b.unitId) ||
      compareText(a.unitId ?? "", b.unitId ?? "") ||
      compareText(a.roomId ?? "\uffff", b.roomId ?? "\uffff") ||
      compareText(subjectKey(a.subject), subjectKey(b.subject)) ||
      compareText(a.onsetDate, b.onsetDate) ||
      compareText(a.personId, b.personId) ||
      compareText(a.key, b.key),
  );
  const days: string[] = [];
  for (let day = firstShown; day <= asOfDay; day++) days.push(isoDayOf(day));
  return {
    asOf: typeof input.asOf === "string" ? input.asOf : resolver.format(asOfMs),
    profile: profile.id,
    days,
    entries,
  };
}

type CheckedCase = {
  input: LineListCaseInput;
  onsetDay: number;
  resolvedDay: number | null;
};

function checkedCase(input: LineListCaseInput, position: number): CheckedCase {
  const day = (text: string, field: string) => {
    try {
      return dayNumberOf(text);
    } catch {
      throw new RangeError(`cases[${position}].${field}: not an ISO date (YYYY-MM-DD)`);
    }
  };
  if (input.disease === null && input.group === null) {
    throw new RangeError(
      `cases[${position}].disease: a case names a disease or the group of its implicit case`,
    );
  }
  const onsetDay = day(input.onsetDate, "onsetDate");
  if (input.diagnosedDate) day(input.diagnosedDate, "diagnosedDate");
  return {
    input,
    onsetDay,
    resolvedDay: input.resolvedDate ? day(input.resolvedDate, "resolvedDate") : null,
  };
}

function asRecordedInput(held: CheckedCase): RecordedCaseInput {
  const { input } = held;
  return {
    personId: input.personId,
    disease: input.disease!,
    status: input.status,
    onsetDate: input.onsetDate,
    resolvedDate: input.resolvedDate ?? null,
    outcomes: input.outcomes ?? [],
  };
}

/** The unnamed stored case of the same person and group whose onset is nearest the implicit one's, within the window. */
function nearestNote(
  notes: readonly CheckedCase[],
  implicit: FacilityCase,
  group: SyndromeGroup,
  withinDays: number,
  used: ReadonlySet<string>,
): CheckedCase | undefined {
  let best: CheckedCase | undefined;
  for (const note of notes) {
    if (used.has(note.input.id) || note.input.personId !== implicit.personId || note.input.group !== group)
      continue;
    const distance = Math.abs(note.onsetDay - implicit.onsetDay);
    if (distance > withinDays) continue;
    if (!best || distance < Math.abs(best.onsetDay - implicit.onsetDay)) best = note;
  }
  return best;
}

function lineListEntry(
  held: CaseUnderWay,
  index: ObservationIndex,
  people: ReadonlyMap<string, PersonInput>,
  format: (ms: number) => string,
  asOfDay: number,
  firstShown: number,
): LineListEntry | null {
  const stored = held.stored;
  const recordedResolved = stored?.resolvedDate ? dayNumberOf(stored.resolvedDate) : null;
  // A closing day after the as-of day is not known yet on that day.
  const resolvedDay = recordedResolved !== null && recordedResolved <= asOfDay ? recordedResolved : null;
  const timeline = index.byPersonId.get(held.personId);
  const caseMask = held.condition;
  const hasCaseSymptoms = (mask: number) =>
    caseMask === null ? (mask & ALL_SYMPTOMS_MASK) !== 0 : satisfiesCondition(mask, caseMask);

  // Latest symptom of the case, from its onset up to its closing day (or the as-of day).
  const lastWatched = resolvedDay === null ? asOfDay : resolvedDay - 1;
  let lastSymptomDay: number | null = null;
  if (timeline) {
    for (let p = timeline.days.length - 1; p >= 0; p--) {
      const day = timeline.days[p]!;
      if (day > lastWatched) continue;
      if (day < held.onsetDay) break;
      if (hasCaseSymptoms(timeline.dayMask[p]!)) {
        lastSymptomDay = day;
        break;
      }
    }
  }
  const latest = Math.max(held.onsetDay, lastSymptomDay ?? held.onsetDay);
  const current = resolvedDay === null ? latest >= firstShown : resolvedDay >= firstShown;
  if (!current) return null;

  const symptomFree = timeline
    ? symptomFreeRun(timeline, lastSymptomDay ?? held.onsetDay, asOfDay, hasCaseSymptoms)
    : 0;
  const offerable = resolvedDay === null && caseMask !== null && symptomFree >= CLOSE_OFFER_SYMPTOM_FREE_DAYS;
  const person = people.get(held.personId);
  const days: LineListDay[] = [];
  for (let day = firstShown; day <= asOfDay; day++) days.push(dayOf(timeline, day, hasCaseSymptoms));
  return {
    key: held.key,
    caseId: stored?.id ?? null,
    version: stored?.version ?? null,
    source: held.source,
    personId: held.personId,
    personKind: person?.kind ?? null,
    unitId: person?.unit ?? null,
    roomId: person?.room ?? null,
    subject: held.subject,
    disease: stored?.disease ?? null,
    status: stored?.status ?? "suspected",
    onsetDate: isoDayOf(held.onsetDay),
    onsetAt: held.onsetMs === undefined ? null : format(held.onsetMs),
    lastSymptomDate: lastSymptomDay === null ? null : isoDayOf(lastSymptomDay),
    resolvedDate: resolvedDay === null ? null : isoDayOf(resolvedDay),
    diagnosedDate: stored?.diagnosedDate ?? null,
    notifiedDate: stored?.notifiedDate ?? null,
    remarks: stored?.remarks ?? null,
    outcomes: [...(stored?.outcomes ?? [])].map((outcome) => ({ kind: outcome.kind, date: outcome.date })),
    days,
    symptomFreeDays: symptomFree,
    closeOffer: offerable
      ? { resolvedDate: isoDayOf((lastSymptomDay ?? held.onsetDay) + 1), symptomFreeDays: symptomFree }
      : null,
  };
}

/**
 * Consecutive recorded days without the case's symptoms after `fromDay`, ending with the person's latest record on or
 * before `asOfDay`; a calendar day without a record starts the count again.
 */
function symptomFreeRun(
  timeline: PersonTimeline,
  fromDay: number,
  asOfDay: number,
  hasCaseSymptoms: (mask: number) => boolean,
): number {
  let run = 0;
  let previous = Number.NaN;
  for (let p = 0; p < timeline.days.length; p++) {
    const day = timeline.days[p]!;
    if (day <= fromDay) continue;
    if (day > asOfDay) break;
    if (hasCaseSymptoms(timeline.dayMask[p]!)) {
      run = 0;
    } else {
      run = day === previous + 1 && run > 0 ? run + 1 : 1;
    }
    previous = day;
  }
  return run;
}

function dayOf(
  timeline: PersonTimeline | undefined,
  day: number,
  hasCaseSymptoms: (mask: number) => boolean,
): LineListDay {
  const date = isoDayOf(day);
  const position = timeline ? dayPosition(timeline, day) : -1;
  if (!timeline || position < 0) {
    return { date, recorded: false, symptoms: [], lowGradeFever: false, maxTempC: null, caseSymptoms: false };
  }
  const mask = timeline.dayMask[position]!;
  let maxTempC: number | null = null;
  for (let i = timeline.dayObsStart[position]!; i < dayObsEnd(timeline, position); i++) {
    const tempC = timeline.obsTempC[i]!;
    if (!Number.isNaN(tempC) && (maxTempC === null || tempC > maxTempC)) maxTempC = tempC;
  }
  return {
    date,
    recorded: true,
    symptoms: symptomsOfMask(mask),
    lowGradeFever: (mask & LOW_GRADE_FEVER_BIT) !== 0,
    maxTempC,
    caseSymptoms: hasCaseSymptoms(mask),
  };
}
