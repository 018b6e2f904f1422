import { addIsoDays, addIsoMonths, fiscalYearBounds, fiscalYearOf, monthBounds, monthOf } from "./dates.ts";
import {
  BATH_CHLORINE_RANGE_MG_L,
  DEFAULT_OBLIGATION_SETTINGS,
  OBLIGATION_CODES,
  type ObligationCode,
  type ObligationSettings,
  STAFF_IMMUNITY_DISEASES,
  type StaffImmunityDisease,
} from "./schedule.ts";

export type ObligationStatus = "ok" | "due_soon" | "overdue";

export const TRAINING_KINDS = ["regular", "new_hire", "drill", "hygiene", "other"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const HUMIDIFIER_ACTIONS = ["tank_change", "inspection", "cleaning", "drain"] as const;
export type HumidifierAction = (typeof HUMIDIFIER_ACTIONS)[number];

/** The records the schedule reads. Lists left out (undefined) give no items: the contract's record has only some. */
export type ObligationInput = {
  /** The local day the states are computed for. Records dated after it are ignored. */
  asOf: string;
  settings?: Partial<ObligationSettings>;
  staff: readonly { id: string; hiredOn: string | null }[];
  committeeMeetings: readonly { date: string }[];
  trainings: readonly { date: string; kind: TrainingKind; attendees: readonly string[] }[];
  humidifiers: readonly {
    id: string;
    type: "household" | "builtin";
    season: { from: string; to: string | null };
    log: readonly { date: string; action: HumidifierAction }[];
  }[];
  guidelineReviews?: readonly { date: string }[];
  staffImmunity?: readonly { staffId: string; disease: StaffImmunityDisease; date: string | null }[];
  healthChecks?: readonly { staffId: string; date: string }[];
  residents?: readonly { id: string }[];
  /** Influenza vaccinations (and recorded refusals) of staff and residents. */
  fluVaccinations?: readonly { personId: string; date: string; declined: boolean }[];
  exposures?: readonly { id: string; date: string; followUpDoneOn: string | null }[];
  baths?: readonly {
    id: string;
    circulating: boolean;
    checks: readonly { date: string; chlorineMgL: number | null; waterChanged: boolean }[];
    legionellaTests: readonly { date: string }[];
  }[];
  kitchenChecks?: readonly { date: string }[];
  cleaningRounds?: readonly { date: string }[];
};

/** What to do now, as a stable code that screens turn into words ("none" when nothing is due). */
export type ObligationAction =
  | "none"
  | "hold_meeting"
  | "review_guideline"
  | "train_new_hire"
  | "hold_training"
  | "check_immunity"
  | "health_check"
  | "vaccinate"
  | "close_follow_up"
  | "change_tank"
  | "inspect"
  | "clean"
  | "drain"
  | "measure_chlorine"
  | "adjust_chlorine"
  | "change_water"
  | "legionella_test"
  | "kitchen_check"
  | "cleaning_round";

export type ObligationSubject = {
  staffId?: string;
  personId?: string;
  humidifierId?: string;
  bathId?: string;
  exposureId?: string;
  fiscalYear?: number;
  /** Influenza season, named by the year of its October. */
  season?: number;
  /** Which end of a built-in humidifier's season the drain is for. */
  at?: "start" | "end";
};

export type ObligationItem = {
  code: ObligationCode;
  subject: ObligationSubject;
  status: ObligationStatus;
  /** The day by which it is to be done, where the rule has one; null when it has never been done. */
  due?: string | null;
  /** Regular trainings held in the fiscal year. */
  held?: number;
  /** Regular trainings the fiscal year needs. */
  required?: number;
  /** The latest record that counts, if any. */
  last?: string | null;
  action: ObligationAction;
  /** Diseases whose immunity is still unknown (STAFF_IMMUNITY). */
  missing?: StaffImmunityDisease[];
  /** The new hire was trained, but after the due day. */
  late?: boolean;
  /** The latest residual chlorine reading of the day, mg/L, and whether it is out of range. */
  reading?: { chlorineMgL: number; outOfRange: boolean };
};

const COMMITTEE_DUE_SOON_DAYS = 14;
const YEARLY_DUE_SOON_DAYS = 30;
const IMMUNITY_CHECK_DAYS = 30;
const EXPOSURE_SHOWN_DAYS = 365;
/** A drain this many days before the first day of use counts for the start of the season (付録3: 使用開始時). */
const DRAIN_BEFORE_DAYS = 14;
/** The end-of-season drain is shown from this many days before the last day of use to this many after it. */
const DRAIN_END_SHOWN = { before: 14, after: 30 } as const;
const FLU_SEASON_MONTHS = [10, 11, 12, 1, 2, 3];
/** A vaccination given from this month of the season's year counts for the season (the vaccine is made each summer). */
const FLU_VACCINE_FROM_MONTH = 8;

const STATUS_RANK: Record<ObligationStatus, number> = { ok: 0, due_soon: 1, overdue: 2 };

/** Orders statuses from best to worst: ok < due_soon < overdue. */
export function statusRank(status: ObligationStatus): number {
  return STATUS_RANK[status];
}

const latest = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((best, d) => (best === null || d > best ? d : best), null);

/** Deadline rule: overdue after `due`, due soon `window` days before it, overdue with no due day. */
function byDeadline(due: string | null, asOf: string, windowDays: number): ObligationStatus {
  if (due === null || asOf > due) return "overdue";
  return asOf >= addIsoDays(due, -windowDays) ? "due_soon" : "ok";
}

/**
 * Daily rule: ok when done on `asOf`; overdue when the day before needed it and had none; else due soon (today still
 * to do).
 */
function byDay(doneOn: ReadonlySet<string>, asOf: string, yesterdayNeeded: boolean): ObligationStatus {
  if (doneOn.has(asOf)) return "ok";
  return yesterdayNeeded && !doneOn.has(addIsoDays(asOf, -1)) ? "overdue" : "due_soon";
}

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const inSeason = (season: { from: string; to: string | null }, day: string) =>
  season.from <= day && (season.to === null || day <= season.to);

/**
 * Computes the state of each obligation of a facility's infection-control routine — done (`ok`), `due_soon` or
 * `overdue` — with the due day where the rule has one and what to do, from its records and a local day.
 *
 * Rules and sources: `OBLIGATION_SCHEDULE` (manual §3 p.10–43, 付録1①②, 付録3); the contract's codes and their exact
 * rules: contracts/obligations.md. Items come in the order of `OBLIGATION_CODES`; within a code by subject id, and the
 * current fiscal year before the one before. Adding a record never makes an item worse.
 *
 * @example evaluateObligations({asOf: "2027-01-10", staff: [], committeeMeetings: [{date: "2026-10-09"}],
 *   trainings: [], humidifiers: []}).items[0] // {code: "COMMITTEE", status: "overdue", due: "2027-01-09", ...}
 */
export function evaluateObligations(input: ObligationInput): { asOf: string; items: ObligationItem[] } {
  const settings = { ...DEFAULT_OBLIGATION_SETTINGS, ...input.settings };
  const { asOf } = input;
  const upTo = <T extends { date: string }>(list: readonly T[] | undefined): T[] =>
    (list ?? []).filter((r) => r.date <= asOf);
  const items: ObligationItem[] = [];

  // COMMITTEE
  {
    const last = latest(upTo(input.committeeMeetings).map((m) => m.date));
    const due = last === null ? null : addIsoMonths(last, settings.committeeEveryMonths);
    const status = byDeadline(due, asOf, COMMITTEE_DUE_SOON_DAYS);
    items.push({
      code: "COMMITTEE",
      subject: {},
      status,
      due,
      last,
      action: status === "ok" ? "none" : "hold_meeting",
    });
  }

  // GUIDELINE_REVIEW
  if (input.guidelineReviews !== undefined) {
    const last = latest(upTo(input.guidelineReviews).map((r) => r.date));
    const due = last === null ? null : addIsoMonths(last, settings.guidelineReviewMonths);
    const status = byDeadline(due, asOf, YEARLY_DUE_SOON_DAYS);
    items.push({
      code: "GUIDELINE_REVIEW",
      subject: {},
      status,
      due,
      last,
      action: status === "ok" ? "none" : "review_guideline",
    });
  }

  const trainings = upTo(input.trainings);
  const staff = byId(input.staff);

  // NEW_HIRE_TRAINING: staff hired from asOf − 364 to asOf.
  for (const person of staff) {
    const hiredOn = person.hiredOn;
    if (hiredOn === null || hiredOn > asOf || hiredOn < addIsoDays(asOf, -364)) continue;
    const due = addIsoDays(hiredOn, settings.newHireTrainingDays);
    const attended = trainings
      .filter((t) => t.date >= hiredOn && t.attendees.includes(person.id))
      .map((t) => t.date)
      .sort();
    const first = attended[0] ?? null;
    const status: ObligationStatus = first !== null ? "ok" : asOf > due ? "overdue" : "due_soon";
    items.push({
      code: "NEW_HIRE_TRAINING",
      subject: { staffId: person.id },
      status,
      due,
      last: first,
      action: status === "ok" ? "none" : "train_new_hire",
      ...(first !== null && first > due ? { late: true } : {}),
    });
  }

  // REGULAR_TRAINING: the fiscal year containing asOf, then the one before.
  {
    const current = fiscalYearOf(asOf, settings.fiscalYearStartMonth);
    for (const fiscalYear of [current, current - 1]) {
      const { from, to } = fiscalYearBounds(fiscalYear, settings.fiscalYearStartMonth);
      const held = trainings.filter((t) => t.kind === "regular" && t.date >= from && t.date <= to);
      const enough = held.length >= settings.regularTrainingsPerYear;
      const status: ObligationStatus = enough ? "ok" : fiscalYear === current ? "due_soon" : "overdue";
      items.push({
        code: "REGULAR_TRAINING",
        subject: { fiscalYear },
        status,
        held: held.length,
        required: settings.regularTrainingsPerYear,
        due: to,
        last: latest(held.map((t) => t.date)),
        action: status === "ok" ? "none" : "hold_training",
      });
    }
  }

  // STAFF_IMMUNITY: every disease known for every staff member, within 30 days of hiring.
  if (input.staffImmunity !== undefined) {
    for (const person of staff) {
      if (person.hiredOn !== null && person.hiredOn > asOf) continue;
      const known = new Set(
        input.staffImmunity
          .filter((r) => r.staffId === person.id && (r.date === null || r.date <= asOf))
          .map((r) => r.disease),
      );
      const missing = STAFF_IMMUNITY_DISEASES.filter((d) => !known.has(d));
      const due = person.hiredOn === null ? null : addIsoDays(person.hiredOn, IMMUNITY_CHECK_DAYS);
      const status: ObligationStatus =
        missing.length === 0 ? "ok" : due === null || asOf > due ? "overdue" : "due_soon";
      items.push({
        code: "STAFF_IMMUNITY",
        subject: { staffId: person.id },
        status,
        due,
        action: status === "ok" ? "none" : "check_immunity",
        missing,
      });
    }
  }

  // STAFF_HEALTH_CHECK: yearly, counted from the later of the last check and the hiring day.
  if (input.healthChecks !== undefined) {
    for (const person of staff) {
      if (person.hiredOn !== null && person.hiredOn > asOf) continue;
      const last = latest(upTo(input.healthChecks.filter((c) => c.staffId === person.id)).map((c) => c.date));
      // A check before hiring (雇入時) counts from the hiring day: a later hire never brings the next check forward.
      const from =
        [last, person.hiredOn]
          .filter((d): d is string => d !== null)
          .sort()
          .at(-1) ?? null;
      const due = from === null ? null : addIsoMonths(from, settings.healthCheckEveryMonths);
      const status = byDeadline(due, asOf, YEARLY_DUE_SOON_DAYS);
      items.push({
        code: "STAFF_HEALTH_CHECK",
        subject: { staffId: person.id },
        status,
        due,
        last,
        action: status === "ok" ? "none" : "health_check",
      });
    }
  }

  // Influenza vaccine of the season (October–March), staff then residents.
  if (input.fluVaccinations !== undefined) {
    const [y, m] = asOf.split("-").map(Number) as [number, number];
    if (FLU_SEASON_MONTHS.includes(m)) {
      const season = m >= 10 ? y : y - 1;
      const countsFrom = `${season}-${String(FLU_VACCINE_FROM_MONTH).padStart(2, "0")}-01`;
      const due = monthBounds(`${season}-${String(settings.fluVaccineDueMonth).padStart(2, "0")}-01`).to;
      const flu = (
        code: "STAFF_FLU_VACCINE" | "RESIDENT_FLU_VACCINE",
        people: readonly { id: string }[],
        subjectKey: "staffId" | "personId",
      ) => {
        for (const person of byId(people)) {
          const last = latest(
            upTo(input.fluVaccinations)
              .filter((v) => v.personId === person.id && v.date >= countsFrom)
              .map((v) => v.date),
          );
          const status: ObligationStatus = last !== null ? "ok" : asOf > due ? "overdue" : "due_soon";
          items.push({
            code,
            subject: { [subjectKey]: person.id, season },
            status,
            due,
            last,
            action: status === "ok" ? "none" : "vaccinate",
          });
        }
      };
      flu(
        "STAFF_FLU_VACCINE",
        staff.filter((s) => s.hiredOn === null || s.hiredOn <= asOf),
        "staffId",
      );
      if (input.residents !== undefined) flu("RESIDENT_FLU_VACCINE", input.residents, "personId");
    }
  }

  // EXPOSURE_FOLLOW_UP: exposures of the last year, open until the follow-up is recorded as finished.
  if (input.exposures !== undefined) {
    for (const exposure of byId(upTo(input.exposures))) {
      if (exposure.date < addIsoDays(asOf, -EXPOSURE_SHOWN_DAYS)) continue;
      const closed = exposure.followUpDoneOn !== null && exposure.followUpDoneOn <= asOf;
      items.push({
        code: "EXPOSURE_FOLLOW_UP",
        subject: { exposureId: exposure.id },
        status: closed ? "ok" : "due_soon",
        last: closed ? exposure.followUpDoneOn : null,
        action: closed ? "none" : "close_follow_up",
      });
    }
  }

  // Humidifiers (付録3), only while in season.
  const humidifiers = byId(input.humidifiers).filter((h) => inSeason(h.season, asOf));
  const logOf = (h: (typeof humidifiers)[number], action: HumidifierAction) =>
    h.log.filter((l) => l.action === action && l.date <= asOf).map((l) => l.date);
  for (const h of humidifiers.filter((h) => h.type === "household")) {
    const done = new Set(logOf(h, "tank_change"));
    const status = byDay(done, asOf, inSeason(h.season, addIsoDays(asOf, -1)));
    items.push({
      code: "HUMIDIFIER_TANK",
      subject: { humidifierId: h.id },
      status,
      last: latest([...done]),
      action: status === "ok" ? "none" : "change_tank",
    });
  }
  const builtIn = humidifiers.filter((h) => h.type === "builtin");
  for (const h of builtIn) {
    const inspections = logOf(h, "inspection");
    const thisMonth = monthOf(asOf);
    const previous = monthBounds(asOf, -1);
    const previousInSeason =
      h.season.from <= previous.to && (h.season.to === null || h.season.to >= previous.from);
    const status: ObligationStatus = inspections.some((d) => monthOf(d) === thisMonth)
      ? "ok"
      : previousInSeason && !inspections.some((d) => d >= previous.from && d <= previous.to)
        ? "overdue"
        : "due_soon";
    items.push({
      code: "HUMIDIFIER_INSPECTION",
      subject: { humidifierId: h.id },
      status,
      due: monthBounds(asOf).to,
      last: latest(inspections),
      action: status === "ok" ? "none" : "inspect",
    });
  }
  for (const h of builtIn) {
    const last = latest(logOf(h, "cleaning"));
    const due = last === null ? null : addIsoMonths(last, 12);
    const status = byDeadline(due, asOf, YEARLY_DUE_SOON_DAYS);
    items.push({
      code: "HUMIDIFIER_CLEANING",
      subject: { humidifierId: h.id },
      status,
      due,
      last,
      action: status === "ok" ? "none" : "clean",
    });
  }

  // HUMIDIFIER_DRAIN (付録3 第五 三 3: 使用開始時及び使用終了時に、水抜き及び清掃): at each end of a built-in unit's
  // season. Start: shown while in season, due on the first day of use; a drain from 14 days before it counts (one
  // after it too, marked late). End: shown from 14 days before the last day of use to 30 days after it, due on that day.
  for (const h of byId(input.humidifiers).filter((h) => h.type === "builtin")) {
    const drains = h.log
      .filter((l) => l.action === "drain" && l.date <= asOf)
      .map((l) => l.date)
      .sort();
    const endWindowFrom = h.season.to === null ? null : addIsoDays(h.season.to, -DRAIN_END_SHOWN.before);
    const drainItem = (at: "start" | "end", due: string, counted: string | null): ObligationItem => {
      const status: ObligationStatus = counted !== null ? "ok" : asOf > due ? "overdue" : "due_soon";
      return {
        code: "HUMIDIFIER_DRAIN",
        subject: { humidifierId: h.id, at },
        status,
        due,
        last: counted,
        action: status === "ok" ? "none" : "drain",
        ...(counted !== null && counted > due ? { late: true } : {}),
      };
    };
    if (inSeason(h.season, asOf)) {
      const startFrom = addIsoDays(h.season.from, -DRAIN_BEFORE_DAYS);
      const counted =
        drains.find((d) => d >= startFrom && (endWindowFrom === null || d < endWindowFrom)) ?? null;
      items.push(drainItem("start", h.season.from, counted));
    }
    if (
      h.season.to !== null &&
      endWindowFrom !== null &&
      asOf >= endWindowFrom &&
      asOf <= addIsoDays(h.season.to, DRAIN_END_SHOWN.after) &&
      asOf >= h.season.from
    ) {
      const counted = drains.find((d) => d >= endWindowFrom) ?? null;
      items.push(drainItem("end", h.season.to, counted));
    }
  }

  // Baths (p.24): residual chlorine daily, water changes, the yearly Legionella test.
  const baths = byId(input.baths ?? []);
  for (const bath of baths) {
    const checks = upTo(bath.checks);
    const measured = checks.filter((c) => c.chlorineMgL !== null);
    const inRangeToday = new Set(
      measured
        .filter((c) => c.date === asOf && isChlorineInRange(c.chlorineMgL as number))
        .map((c) => c.date),
    );
    const yesterday = addIsoDays(asOf, -1);
    const today = measured.filter((c) => c.date === asOf);
    const reading = today.at(-1);
    const status: ObligationStatus = inRangeToday.has(asOf)
      ? "ok"
      : measured.some((c) => c.date === yesterday)
        ? "due_soon"
        : "overdue";
    items.push({
      code: "BATH_CHLORINE",
      subject: { bathId: bath.id },
      status,
      last: latest(measured.map((c) => c.date)),
      action: status === "ok" ? "none" : reading ? "adjust_chlorine" : "measure_chlorine",
      ...(reading
        ? {
            reading: {
              chlorineMgL: reading.chlorineMgL as number,
              outOfRange: !isChlorineInRange(reading.chlorineMgL as number),
            },
          }
        : {}),
    });
  }
  for (const bath of baths) {
    const changes = upTo(bath.checks)
      .filter((c) => c.waterChanged)
      .map((c) => c.date);
    const last = latest(changes);
    let status: ObligationStatus;
    let due: string | null;
    if (bath.circulating) {
      due = last === null ? null : addIsoDays(last, settings.circulatingBathWaterChangeDays);
      status = byDeadline(due, asOf, 1);
    } else {
      due = asOf;
      status = byDay(new Set(changes), asOf, true);
    }
    items.push({
      code: "BATH_WATER_CHANGE",
      subject: { bathId: bath.id },
      status,
      due,
      last,
      action: status === "ok" ? "none" : "change_water",
    });
  }
  for (const bath of baths) {
    const last = latest(upTo(bath.legionellaTests).map((t) => t.date));
    const due = last === null ? null : addIsoMonths(last, 12);
    const status = byDeadline(due, asOf, YEARLY_DUE_SOON_DAYS);
    items.push({
      code: "BATH_LEGIONELLA_TEST",
      subject: { bathId: bath.id },
      status,
      due,
      last,
      action: status === "ok" ? "none" : "legionella_test",
    });
  }

  // Daily kitchen check and cleaning round.
  const daily = (code: "KITCHEN_CHECK" | "CLEANING_ROUND", list: readonly { date: string }[] | undefined) => {
    if (list === undefined) return;
    const done = new Set(upTo(list).map((r) => r.date));
    const status = byDay(done, asOf, true);
    items.push({
      code,
      subject: {},
      status,
      due: asOf,
      last: latest([...done]),
      action: status === "ok" ? "none" : code === "KITCHEN_CHECK" ? "kitchen_check" : "cleaning_round",
    });
  };
  daily("KITCHEN_CHECK", input.kitchenChecks);
  daily("CLEANING_ROUND", input.cleaningRounds);

  const order = new Map(OBLIGATION_CODES.map((code, i) => [code, i]));
  // Stable sort: within a code the order above (by id, current fiscal year first) is kept.
  items.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { asOf, items };
}

/**
 * Whether a bath's residual chlorine is within 0.2–0.4 mg/L, both ends included (manual p.24: 残留塩素濃度（基準
 * 0.2～0.4 mg/L））. Readings are compared after rounding to 0.01 mg/L, the resolution of a DPD meter, so that 0.4
 * typed as 0.4000000001 by arithmetic is not out of range.
 *
 * @example isChlorineInRange(0.2) // true
 * @example isChlorineInRange(0.19) // false
 */
export function isChlorineInRange(chlorineMgL: number): boolean {
  const rounded = Math.round(chlorineMgL * 100) / 100;
  return rounded >= BATH_CHLORINE_RANGE_MG_L.min && rounded <= BATH_CHLORINE_RANGE_MG_L.max;
}
