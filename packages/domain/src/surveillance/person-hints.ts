import type { PersonAlert } from "./alerts.ts";
import type { LocalDayResolver } from "./local-day.ts";
import { isoDayOf, monthOfDay } from "./local-day.ts";
import { onsetTime } from "./onsets.ts";
import { dayObsEnd, dayPosition, type PersonTimeline } from "./person-days.ts";
import type { RuleProfile } from "./profile-schema.ts";
import { RULE_SOURCES } from "./rule-sources.ts";
import {
  ALL_SYMPTOMS_MASK,
  compileCondition,
  LOW_GRADE_FEVER_BIT,
  SYMPTOM_BIT,
  type SymptomCondition,
  symptomsOfMask,
} from "./symptom-mask.ts";
import { SYNDROME_GROUP_CONDITIONS } from "./syndrome-groups.ts";
import { FEVER_RISE_OVER_USUAL_C, FEVER_THRESHOLD_C, LOW_GRADE_FEVER_THRESHOLD_C } from "./temperature.ts";

/**
 * Person hints (facility-surveillance.md §5; manual p.33–35 and the disease pages of §5): "consider", never a diagnosis.
 * Each hint holds on a day on which the person has a record that meets it.
 *
 * Decisions where the specification leaves room (settings in the profile's `hints` section where they are numbers):
 * - `FEVER` and `LOW_GRADE_FEVER` never both: a fever at any reading of the day outranks a low-grade fever at another.
 * - `REPORT_TO_NURSE`: any symptom of the vocabulary, fever included (manual p.33: report at once).
 * - `CDI_CONSIDER` and `NOROVIRUS_CONSIDER` read watery stool as diarrhoea (the manual p.54 calls it a kind of 下痢).
 * - `CDI_CONSIDER`: a course counts when any of its days lies in [d − antibioticLookbackDays, d] (default 30 days for
 *   the manual's "1ヶ月以内"); a course without an end counts as ongoing.
 * - `TB_CONSIDER`: the person's last `tbCoughRecordedDays` (14) recorded days up to d all show cough; days without a
 *   record are skipped, not counted as cough-free.
 * - `LEGIONELLA_CONSIDER`: fever and a RESP symptom on d, and a communal bath on a day b with 0 ≤ d − b ≤
 *   `legionellaBathWithinDays` (10).
 * - `EHEC_URGENT` (p.59 ウ: 「激しい腹痛を伴う頻回の水様便または血便がある場合には…できるだけ早く医師の診察を受け」): abdominal
 *   pain on d together with bloody stool, or together with frequent watery stool. The record holds neither how severe
 *   the pain is nor how many stools there were, so: any recorded abdominal pain stands for 「激しい腹痛」 (a care
 *   worker records pain that shows; the hint asks for a physician, which errs on the safe side), and watery stool is
 *   frequent (頻回) when it is recorded at `ehecWateryStoolObservations` (2) or more separate observation times of the
 *   day — one watery stool with pain, as in norovirus (p.53: 吐き気、嘔吐、腹痛、下痢), is not enough.
 * - `UTI_CONSIDER` (§3 7)(1) a⑤, p.35: 「尿路感染症（尿の臭いや混濁等に注意）」): smelly or cloudy urine on d, with or
 *   without fever — old people may not run one (p.34).
 */
export type PersonHintContext = {
  profile: RuleProfile;
  resolver: LocalDayResolver;
  /** Antibiotic courses of this person as day numbers; `endDay` Infinity while ongoing. */
  antibiotics: readonly { startDay: number; endDay: number; drug: string | null }[];
  /** Days on which this person used a communal bath, ascending. */
  bathDays: readonly number[];
};

const CDI_MASK = SYMPTOM_BIT.diarrhea | SYMPTOM_BIT.watery_stool | SYMPTOM_BIT.abdominal_pain;
const NORO_MASK = SYMPTOM_BIT.vomiting | SYMPTOM_BIT.diarrhea | SYMPTOM_BIT.watery_stool;

const condition = (value: SymptomCondition) => compileCondition(value);
const FEVER_ONLY = condition([["fever"]]);
const ANY_SYMPTOM = [ALL_SYMPTOMS_MASK];
const LOW_GRADE = [LOW_GRADE_FEVER_BIT];
const CDI = [CDI_MASK];
const NORO = [NORO_MASK];
const EHEC_BLOODY = condition([["bloody_stool"], ["abdominal_pain"]]);
const ABDOMINAL_PAIN = condition([["abdominal_pain"]]);
const COUGH = condition([["cough"]]);
const SCABIES = condition([["itch"], ["rash"]]);
const ILI = condition(SYNDROME_GROUP_CONDITIONS.ILI);
const UTI = condition([["urine_abnormal"]]);

/**
 * The person hints of one person on one day.
 *
 * @param timeline the person's observations
 * @param day the local day number to evaluate
 * @returns the hints that hold, in code order (empty when the person has no record that day)
 * @example personHints(timeline, dayNumberOf("2026-01-10"), context).map((alert) => alert.code) // ["FEVER", …]
 */
export function personHints(
  timeline: PersonTimeline,
  day: number,
  context: PersonHintContext,
): PersonAlert[] {
  const position = dayPosition(timeline, day);
  if (position < 0) return [];
  const mask = timeline.dayMask[position]!;
  const { profile, resolver } = context;
  const hints = profile.hints;
  const subject = { personId: timeline.personId };
  const base = { subject, day: isoDayOf(day), profile: profile.id };
  const at = (compiled: readonly number[]) => resolver.format(onsetTime(timeline, position, compiled));
  const picked = (bits: number) => symptomsOfMask(mask & bits);
  const alerts: PersonAlert[] = [];
  const baselineTempC = timeline.person?.baselineTempC ?? null;

  if (mask & SYMPTOM_BIT.fever) {
    alerts.push({
      code: "FEVER",
      ...base,
      evidence: {
        source: RULE_SOURCES.FEVER,
        at: at(FEVER_ONLY),
        maxTempC: maxTempOfDay(timeline, position),
        baselineTempC,
        thresholdC: FEVER_THRESHOLD_C,
        riseOverUsualC: FEVER_RISE_OVER_USUAL_C,
      },
    });
  } else if (mask & LOW_GRADE_FEVER_BIT) {
    alerts.push({
      code: "LOW_GRADE_FEVER",
      ...base,
      evidence: {
        source: RULE_SOURCES.LOW_GRADE_FEVER,
        at: at(LOW_GRADE),
        maxTempC: maxTempOfDay(timeline, position),
        baselineTempC,
        fromC: LOW_GRADE_FEVER_THRESHOLD_C,
        belowC: FEVER_THRESHOLD_C,
      },
    });
  }

  if (mask & ALL_SYMPTOMS_MASK) {
    alerts.push({
      code: "REPORT_TO_NURSE",
      ...base,
      evidence: {
        source: RULE_SOURCES.REPORT_TO_NURSE,
        at: at(ANY_SYMPTOM),
        symptoms: picked(ALL_SYMPTOMS_MASK),
      },
    });
  }

  if (mask & CDI_MASK) {
    const from = day - hints.antibioticLookbackDays;
    const courses = context.antibiotics.filter((course) => course.startDay <= day && course.endDay >= from);
    if (courses.length > 0) {
      alerts.push({
        code: "CDI_CONSIDER",
        ...base,
        evidence: {
          source: RULE_SOURCES.CDI_CONSIDER,
          at: at(CDI),
          symptoms: picked(CDI_MASK),
          antibiotics: courses.map((course) => ({
            start: isoDayOf(course.startDay),
            end: Number.isFinite(course.endDay) ? isoDayOf(course.endDay) : null,
            drug: course.drug,
          })),
          lookbackDays: hints.antibioticLookbackDays,
        },
      });
    }
  }

  if (mask & NORO_MASK) {
    const month = monthOfDay(day);
    if (hints.norovirusMonths.includes(month)) {
      alerts.push({
        code: "NOROVIRUS_CONSIDER",
        ...base,
        evidence: {
          source: RULE_SOURCES.NOROVIRUS_CONSIDER,
          at: at(NORO),
          symptoms: picked(NORO_MASK),
          month,
          months: [...hints.norovirusMonths],
        },
      });
    }
  }

  if (mask & SYMPTOM_BIT.abdominal_pain) {
    const wateryTimes = wateryStoolTimes(timeline, position);
    const frequent = wateryTimes.length >= hints.ehecWateryStoolObservations;
    const bloody = (mask & SYMPTOM_BIT.bloody_stool) !== 0;
    if (bloody || frequent) {
      // When the rule was met: pain with bloody stool, or pain with the n-th watery stool, whichever came first.
      const candidates: number[] = [];
      if (bloody) candidates.push(onsetTime(timeline, position, EHEC_BLOODY));
      if (frequent) {
        const painAt = onsetTime(timeline, position, ABDOMINAL_PAIN);
        candidates.push(Math.max(painAt, wateryTimes[hints.ehecWateryStoolObservations - 1]!));
      }
      alerts.push({
        code: "EHEC_URGENT",
        ...base,
        evidence: {
          source: RULE_SOURCES.EHEC_URGENT,
          at: resolver.format(Math.min(...candidates)),
          symptoms: picked(
            SYMPTOM_BIT.abdominal_pain |
              (bloody ? SYMPTOM_BIT.bloody_stool : 0) |
              (wateryTimes.length > 0 ? SYMPTOM_BIT.watery_stool : 0),
          ),
          bloodyStool: bloody,
          wateryStoolTimes: wateryTimes.map((ms) => resolver.format(ms)),
          frequentWateryStoolFrom: hints.ehecWateryStoolObservations,
        },
      });
    }
  }

  const needed = hints.tbCoughRecordedDays;
  if (mask & SYMPTOM_BIT.cough && position + 1 >= needed) {
    let all = true;
    for (let p = position - needed + 1; p <= position && all; p++) {
      if ((timeline.dayMask[p]! & SYMPTOM_BIT.cough) === 0) all = false;
    }
    if (all) {
      alerts.push({
        code: "TB_CONSIDER",
        ...base,
        evidence: {
          source: RULE_SOURCES.TB_CONSIDER,
          at: at(COUGH),
          symptoms: ["cough"],
          coughDays: timeline.days.slice(position - needed + 1, position + 1).map(isoDayOf),
          requiredDays: needed,
        },
      });
    }
  }

  if (meets(mask, SCABIES)) {
    alerts.push({
      code: "SCABIES_CONSIDER",
      ...base,
      evidence: {
        source: RULE_SOURCES.SCABIES_CONSIDER,
        at: at(SCABIES),
        symptoms: picked(SYMPTOM_BIT.itch | SYMPTOM_BIT.rash),
      },
    });
  }

  if (meets(mask, ILI)) {
    const within = hints.legionellaBathWithinDays;
    const baths = context.bathDays.filter((bathDay) => bathDay <= day && day - bathDay <= within);
    if (baths.length > 0) {
      alerts.push({
        code: "LEGIONELLA_CONSIDER",
        ...base,
        evidence: {
          source: RULE_SOURCES.LEGIONELLA_CONSIDER,
          at: at(ILI),
          symptoms: picked(SYMPTOM_BIT.fever | ILI[1]!),
          bathDates: baths.map(isoDayOf),
          withinDays: within,
        },
      });
    }
  }

  if (meets(mask, UTI)) {
    alerts.push({
      code: "UTI_CONSIDER",
      ...base,
      evidence: {
        source: RULE_SOURCES.UTI_CONSIDER,
        at: at(UTI),
        symptoms: picked(SYMPTOM_BIT.urine_abnormal | SYMPTOM_BIT.fever),
        maxTempC: maxTempOfDay(timeline, position),
      },
    });
  }
  return alerts;
}

function meets(mask: number, compiled: readonly number[]): boolean {
  for (const required of compiled) if ((mask & required) === 0) return false;
  return true;
}

function maxTempOfDay(timeline: PersonTimeline, position: number): number | null {
  let max = Number.NaN;
  const end = dayObsEnd(timeline, position);
  for (let i = timeline.dayObsStart[position]!; i < end; i++) {
    const t = timeline.obsTempC[i]!;
    if (!Number.isNaN(t) && (Number.isNaN(max) || t > max)) max = t;
  }
  return Number.isNaN(max) ? null : max;
}

/** Distinct observation times of the day that record watery stool, in time order. */
function wateryStoolTimes(timeline: PersonTimeline, position: number): number[] {
  const times: number[] = [];
  const end = dayObsEnd(timeline, position);
  for (let i = timeline.dayObsStart[position]!; i < end; i++) {
    if ((timeline.obsMask[i]! & SYMPTOM_BIT.watery_stool) === 0) continue;
    const ms = timeline.obsMs[i]!;
    if (times[times.length - 1] !== ms) times.push(ms);
  }
  return times;
}
