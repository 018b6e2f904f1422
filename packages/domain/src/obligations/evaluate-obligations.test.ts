import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addIsoMonths, fiscalYearOf } from "./dates.ts";
import {
  evaluateObligations,
  isChlorineInRange,
  type ObligationInput,
  type ObligationItem,
  statusRank,
} from "./evaluate-obligations.ts";
import { OBLIGATION_CODES, OBLIGATION_SCHEDULE } from "./schedule.ts";

const empty = (asOf: string): ObligationInput => ({
  asOf,
  staff: [],
  committeeMeetings: [],
  trainings: [],
  humidifiers: [],
});

const find = (items: ObligationItem[], code: string, subject: object = {}) =>
  items.find((i) => i.code === code && JSON.stringify(i.subject) === JSON.stringify(subject));

describe("the contract's example (contracts/obligations.md)", () => {
  it("gives the seven items of the example record, and the start-of-season drain the command leaves out", () => {
    const { items } = evaluateObligations({
      asOf: "2027-01-10",
      settings: { committeeEveryMonths: 3, newHireTrainingDays: 30, regularTrainingsPerYear: 2 },
      staff: [{ id: "s1", hiredOn: "2026-12-01" }],
      committeeMeetings: [{ date: "2026-10-09" }],
      trainings: [
        { date: "2026-05-20", kind: "regular", attendees: ["s1"] },
        { date: "2026-12-05", kind: "new_hire", attendees: ["s1"] },
      ],
      humidifiers: [
        {
          id: "h1",
          type: "household",
          season: { from: "2026-11-01", to: null },
          log: [{ date: "2026-11-01", action: "tank_change" }],
        },
        {
          id: "h2",
          type: "builtin",
          season: { from: "2026-10-15", to: null },
          log: [
            { date: "2026-10-15", action: "inspection" },
            { date: "2026-03-30", action: "cleaning" },
          ],
        },
      ],
    });
    expect(items.map((i) => [i.code, i.subject, i.status, i.due ?? i.held ?? "-"])).toEqual([
      ["COMMITTEE", {}, "overdue", "2027-01-09"],
      ["NEW_HIRE_TRAINING", { staffId: "s1" }, "ok", "2026-12-31"],
      ["REGULAR_TRAINING", { fiscalYear: 2026 }, "due_soon", "2027-03-31"],
      ["REGULAR_TRAINING", { fiscalYear: 2025 }, "overdue", "2026-03-31"],
      ["HUMIDIFIER_TANK", { humidifierId: "h1" }, "overdue", "-"],
      ["HUMIDIFIER_INSPECTION", { humidifierId: "h2" }, "overdue", "2027-01-31"],
      ["HUMIDIFIER_CLEANING", { humidifierId: "h2" }, "ok", "2027-03-30"],
      // Not in the contract's version 1 output (the command filters it): h2 was never drained when its season began.
      ["HUMIDIFIER_DRAIN", { humidifierId: "h2", at: "start" }, "overdue", "2026-10-15"],
    ]);
    expect(find(items, "REGULAR_TRAINING", { fiscalYear: 2026 })?.held).toBe(1);
  });
});

describe("COMMITTEE — about every 3 months (operating standards 2021; manual p.12)", () => {
  const on = (asOf: string, last = "2026-09-02") =>
    find(evaluateObligations({ ...empty(asOf), committeeMeetings: [{ date: last }] }).items, "COMMITTEE")!;

  it("is due on the same day three months later: done on that day, overdue the day after", () => {
    // Last met 3 months ago today: 2026-09-02 → due 2026-12-02.
    expect(on("2026-12-02")).toMatchObject({ status: "due_soon", due: "2026-12-02", action: "hold_meeting" });
    // Last met 3 months ago yesterday: 2026-09-01 → due 2026-12-01, overdue on 12-02.
    expect(on("2026-12-02", "2026-09-01")).toMatchObject({ status: "overdue", due: "2026-12-01" });
  });

  it("is due soon from 14 days before the due day, ok before that", () => {
    expect(on("2026-11-18").status).toBe("due_soon");
    expect(on("2026-11-17").status).toBe("ok");
  });

  it("takes the month's last day when the month has no such day", () => {
    expect(addIsoMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addIsoMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(on("2027-02-28", "2026-11-30")).toMatchObject({ status: "due_soon", due: "2027-02-28" });
    expect(on("2027-03-01", "2026-11-30").status).toBe("overdue");
  });

  it("is overdue with no due day when the committee never met, and ignores meetings after asOf", () => {
    expect(on("2026-12-02", "2026-12-03")).toMatchObject({ status: "overdue", due: null });
  });

  it("follows the facility's own interval", () => {
    const item = find(
      evaluateObligations({
        ...empty("2026-12-02"),
        settings: { committeeEveryMonths: 1 },
        committeeMeetings: [{ date: "2026-11-01" }],
      }).items,
      "COMMITTEE",
    );
    expect(item).toMatchObject({ status: "overdue", due: "2026-12-01" });
  });
});

describe("REGULAR_TRAINING — 年2回以上 per fiscal year April–March (p.19)", () => {
  const first = { date: "2026-06-10", kind: "regular" as const, attendees: [] };
  const held = (asOf: string, second: string) =>
    evaluateObligations({
      ...empty(asOf),
      trainings: [first, { date: second, kind: "regular", attendees: [] }],
    }).items.filter((i) => i.code === "REGULAR_TRAINING");

  it("counts a second training on 31 March for the year that ends that day, one on 1 April for the next", () => {
    expect(fiscalYearOf("2027-03-31", 4)).toBe(2026);
    expect(fiscalYearOf("2027-04-01", 4)).toBe(2027);
    const onLastDay = held("2027-04-02", "2027-03-31");
    expect(onLastDay.map((i) => [i.subject.fiscalYear, i.status, i.held])).toEqual([
      [2027, "due_soon", 0],
      [2026, "ok", 2],
    ]);
    const nextDay = held("2027-04-02", "2027-04-01");
    expect(nextDay.map((i) => [i.subject.fiscalYear, i.status, i.held])).toEqual([
      [2027, "due_soon", 1],
      [2026, "overdue", 1],
    ]);
  });

  it("does not count new-hire trainings and drills as regular ones", () => {
    const items = evaluateObligations({
      ...empty("2026-12-01"),
      trainings: [
        first,
        { date: "2026-07-01", kind: "new_hire", attendees: [] },
        { date: "2026-08-01", kind: "drill", attendees: [] },
      ],
    }).items;
    expect(find(items, "REGULAR_TRAINING", { fiscalYear: 2026 })).toMatchObject({
      held: 1,
      status: "due_soon",
    });
  });

  it("follows a fiscal year starting in January", () => {
    const items = evaluateObligations({
      ...empty("2027-01-05"),
      settings: { fiscalYearStartMonth: 1 },
      trainings: [first, { date: "2026-12-31", kind: "regular", attendees: [] }],
    }).items;
    expect(find(items, "REGULAR_TRAINING", { fiscalYear: 2026 })).toMatchObject({ status: "ok", held: 2 });
    expect(find(items, "REGULAR_TRAINING", { fiscalYear: 2027 })).toMatchObject({
      status: "due_soon",
      held: 0,
    });
  });
});

describe("NEW_HIRE_TRAINING — soon after hiring, 30 days by default (p.19)", () => {
  const hire = (asOf: string, trainedOn?: string) =>
    find(
      evaluateObligations({
        ...empty(asOf),
        staff: [{ id: "s1", hiredOn: "2026-11-01" }],
        trainings: trainedOn ? [{ date: trainedOn, kind: "new_hire", attendees: ["s1"] }] : [],
      }).items,
      "NEW_HIRE_TRAINING",
      { staffId: "s1" },
    );

  it("is due soon up to day 30 after hiring and overdue on day 31", () => {
    expect(hire("2026-12-01")).toMatchObject({ status: "due_soon", due: "2026-12-01" });
    expect(hire("2026-12-02")).toMatchObject({ status: "overdue", action: "train_new_hire" });
  });

  it("is done when trained on day 30; trained on day 31 it is done too, marked late", () => {
    expect(hire("2026-12-10", "2026-12-01")).toMatchObject({ status: "ok", last: "2026-12-01" });
    expect(hire("2026-12-10", "2026-12-01")?.late).toBeUndefined();
    expect(hire("2026-12-10", "2026-12-02")).toMatchObject({ status: "ok", late: true });
  });

  it("does not count a training before hiring, or someone else's", () => {
    expect(hire("2026-12-10", "2026-10-31")?.status).toBe("overdue");
    const other = evaluateObligations({
      ...empty("2026-12-10"),
      staff: [{ id: "s1", hiredOn: "2026-11-01" }],
      trainings: [{ date: "2026-11-05", kind: "regular", attendees: ["s2"] }],
    }).items;
    expect(find(other, "NEW_HIRE_TRAINING", { staffId: "s1" })?.status).toBe("overdue");
  });

  it("lists staff hired from asOf − 364 days to asOf only", () => {
    const codes = (hiredOn: string) =>
      evaluateObligations({ ...empty("2026-12-01"), staff: [{ id: "s1", hiredOn }] }).items.filter(
        (i) => i.code === "NEW_HIRE_TRAINING",
      ).length;
    expect(codes("2025-12-02")).toBe(1);
    expect(codes("2025-12-01")).toBe(0);
    expect(codes("2026-12-02")).toBe(0);
  });
});

describe("humidifiers (付録3)", () => {
  const household = (asOf: string, changes: string[], from = "2026-11-01") =>
    find(
      evaluateObligations({
        ...empty(asOf),
        humidifiers: [
          {
            id: "h1",
            type: "household",
            season: { from, to: null },
            log: changes.map((date) => ({ date, action: "tank_change" as const })),
          },
        ],
      }).items,
      "HUMIDIFIER_TANK",
      { humidifierId: "h1" },
    );

  it("household tank: overdue when not changed yesterday, due soon when only today is still to do", () => {
    expect(household("2026-12-02", ["2026-11-30"])?.status).toBe("overdue");
    expect(household("2026-12-02", ["2026-12-01"])?.status).toBe("due_soon");
    expect(household("2026-12-02", ["2026-12-01", "2026-12-02"])?.status).toBe("ok");
  });

  it("household tank: the first day of the season is not overdue for the day before it", () => {
    expect(household("2026-11-01", [])?.status).toBe("due_soon");
    expect(household("2026-11-02", [])?.status).toBe("overdue");
  });

  it("gives no item out of season", () => {
    expect(household("2026-10-31", [])).toBeUndefined();
  });

  const builtin = (
    asOf: string,
    log: { date: string; action: "inspection" | "cleaning" }[],
    from = "2026-10-15",
  ) =>
    evaluateObligations({
      ...empty(asOf),
      humidifiers: [{ id: "h2", type: "builtin", season: { from, to: null }, log }],
    }).items;

  it("built-in inspection: monthly while in use", () => {
    const nov = [{ date: "2026-11-20", action: "inspection" as const }];
    expect(find(builtin("2026-12-01", nov), "HUMIDIFIER_INSPECTION", { humidifierId: "h2" })?.status).toBe(
      "due_soon",
    );
    expect(find(builtin("2026-12-01", []), "HUMIDIFIER_INSPECTION", { humidifierId: "h2" })?.status).toBe(
      "overdue",
    );
    // Season began on 1 December: November was not in use.
    expect(
      find(builtin("2026-12-01", [], "2026-12-01"), "HUMIDIFIER_INSPECTION", { humidifierId: "h2" })?.status,
    ).toBe("due_soon");
    expect(
      find(builtin("2026-12-31", [{ date: "2026-12-31", action: "inspection" }]), "HUMIDIFIER_INSPECTION", {
        humidifierId: "h2",
      })?.status,
    ).toBe("ok");
  });

  it("built-in cleaning: a year after the last, due soon within 30 days before", () => {
    const log = [{ date: "2026-01-15", action: "cleaning" as const }];
    const at = (asOf: string) => find(builtin(asOf, log), "HUMIDIFIER_CLEANING", { humidifierId: "h2" });
    expect(at("2026-12-15")?.status).toBe("ok");
    expect(at("2026-12-16")).toMatchObject({ status: "due_soon", due: "2027-01-15" });
    expect(at("2027-01-15")?.status).toBe("due_soon");
    expect(at("2027-01-16")?.status).toBe("overdue");
    expect(find(builtin("2026-12-01", []), "HUMIDIFIER_CLEANING", { humidifierId: "h2" })).toMatchObject({
      status: "overdue",
      due: null,
    });
  });
});

describe("HUMIDIFIER_DRAIN — 付録3 第五 三 3: 加湿装置の使用開始時及び使用終了時に、水抜き及び清掃を実施すること (p.82)", () => {
  const drain = (
    asOf: string,
    drains: string[],
    season = { from: "2026-10-15", to: "2027-03-31" as string | null },
  ) =>
    evaluateObligations({
      ...empty(asOf),
      humidifiers: [
        {
          id: "h2",
          type: "builtin",
          season,
          log: drains.map((date) => ({ date, action: "drain" as const })),
        },
      ],
    }).items.filter((i) => i.code === "HUMIDIFIER_DRAIN");
  const at = (items: ObligationItem[], end: "start" | "end") => items.find((i) => i.subject.at === end);

  it("start: due on the first day of use — still to do that day, overdue the day after", () => {
    expect(at(drain("2026-10-15", []), "start")).toMatchObject({
      status: "due_soon",
      due: "2026-10-15",
      action: "drain",
    });
    expect(at(drain("2026-10-16", []), "start")).toMatchObject({ status: "overdue", due: "2026-10-15" });
  });

  it("start: a drain from 14 days before the first day counts, 15 days before does not", () => {
    expect(at(drain("2026-11-20", ["2026-10-01"]), "start")).toMatchObject({
      status: "ok",
      last: "2026-10-01",
    });
    expect(at(drain("2026-11-20", ["2026-09-30"]), "start")?.status).toBe("overdue");
  });

  it("start: a drain after the first day makes it done, marked late", () => {
    expect(at(drain("2026-11-20", ["2026-10-20"]), "start")).toMatchObject({ status: "ok", late: true });
    expect(at(drain("2026-11-20", ["2026-10-15"]), "start")).not.toHaveProperty("late");
  });

  it("end: due on the last day of use — shown from 14 days before it, overdue the day after it", () => {
    expect(at(drain("2027-03-16", ["2026-10-14"]), "end")).toBeUndefined();
    expect(at(drain("2027-03-17", ["2026-10-14"]), "end")).toMatchObject({
      status: "due_soon",
      due: "2027-03-31",
    });
    expect(at(drain("2027-03-31", ["2026-10-14"]), "end")?.status).toBe("due_soon");
    expect(at(drain("2027-04-01", ["2026-10-14"]), "end")?.status).toBe("overdue");
  });

  it("end: the start's drain does not count for the end; one within 14 days before the last day does", () => {
    expect(at(drain("2027-04-01", ["2026-10-14", "2027-03-16"]), "end")?.status).toBe("overdue");
    expect(at(drain("2027-04-01", ["2026-10-14", "2027-03-17"]), "end")).toMatchObject({
      status: "ok",
      last: "2027-03-17",
    });
    // The end's drain does not make the start's done either.
    expect(at(drain("2027-03-31", ["2027-03-20"]), "start")?.status).toBe("overdue");
  });

  it("end: shown until 30 days after the last day; no start item once out of season", () => {
    expect(at(drain("2027-04-30", []), "end")?.status).toBe("overdue");
    expect(drain("2027-05-01", [])).toEqual([]);
    expect(at(drain("2027-04-01", []), "start")).toBeUndefined();
  });

  it("gives no end item for a season with no last day, and none for household humidifiers", () => {
    expect(drain("2027-03-31", [], { from: "2026-10-15", to: null }).map((i) => i.subject.at)).toEqual([
      "start",
    ]);
    const household = evaluateObligations({
      ...empty("2026-10-20"),
      humidifiers: [{ id: "h1", type: "household", season: { from: "2026-10-15", to: null }, log: [] }],
    }).items;
    expect(household.some((i) => i.code === "HUMIDIFIER_DRAIN")).toBe(false);
  });
});

describe("baths (p.24)", () => {
  const bath = (
    asOf: string,
    checks: { date: string; chlorineMgL: number | null; waterChanged?: boolean }[],
  ) =>
    evaluateObligations({
      ...empty(asOf),
      baths: [
        {
          id: "b1",
          circulating: true,
          checks: checks.map((c) => ({ waterChanged: false, ...c })),
          legionellaTests: [{ date: "2025-12-10" }],
        },
      ],
    }).items;

  it("residual chlorine 0.2–0.4 mg/L, both ends in range", () => {
    expect(isChlorineInRange(0.2)).toBe(true);
    expect(isChlorineInRange(0.4)).toBe(true);
    expect(isChlorineInRange(0.19)).toBe(false);
    expect(isChlorineInRange(0.41)).toBe(false);
    expect(isChlorineInRange(0.1 + 0.3)).toBe(true);
  });

  it("is done by an in-range reading today; an out-of-range one asks to adjust and measure again", () => {
    expect(
      find(bath("2026-12-02", [{ date: "2026-12-02", chlorineMgL: 0.3 }]), "BATH_CHLORINE", { bathId: "b1" })
        ?.status,
    ).toBe("ok");
    const high = find(
      bath("2026-12-02", [
        { date: "2026-12-01", chlorineMgL: 0.3 },
        { date: "2026-12-02", chlorineMgL: 0.5 },
      ]),
      "BATH_CHLORINE",
      { bathId: "b1" },
    );
    expect(high).toMatchObject({
      status: "due_soon",
      action: "adjust_chlorine",
      reading: { chlorineMgL: 0.5, outOfRange: true },
    });
  });

  it("is overdue when nothing was measured yesterday", () => {
    expect(
      find(bath("2026-12-02", [{ date: "2026-11-30", chlorineMgL: 0.3 }]), "BATH_CHLORINE", { bathId: "b1" })
        ?.status,
    ).toBe("overdue");
    expect(
      find(bath("2026-12-02", [{ date: "2026-12-01", chlorineMgL: 0.3 }]), "BATH_CHLORINE", { bathId: "b1" })
        ?.status,
    ).toBe("due_soon");
  });

  it("circulating water changed weekly: due 7 days after the last change", () => {
    const at = (asOf: string) =>
      find(bath(asOf, [{ date: "2026-11-25", chlorineMgL: 0.3, waterChanged: true }]), "BATH_WATER_CHANGE", {
        bathId: "b1",
      });
    expect(at("2026-11-30")?.status).toBe("ok");
    expect(at("2026-12-01")?.status).toBe("due_soon");
    expect(at("2026-12-02")).toMatchObject({ status: "due_soon", due: "2026-12-02" });
    expect(at("2026-12-03")?.status).toBe("overdue");
  });

  it("Legionella test at least yearly", () => {
    expect(find(bath("2026-12-10", []), "BATH_LEGIONELLA_TEST", { bathId: "b1" })).toMatchObject({
      status: "due_soon",
      due: "2026-12-10",
    });
    expect(find(bath("2026-12-11", []), "BATH_LEGIONELLA_TEST", { bathId: "b1" })?.status).toBe("overdue");
    expect(find(bath("2026-11-09", []), "BATH_LEGIONELLA_TEST", { bathId: "b1" })?.status).toBe("ok");
  });
});

describe("staff health and vaccines (p.30–31)", () => {
  const staffInput = (asOf: string, extra: Partial<ObligationInput>) =>
    evaluateObligations({
      ...empty(asOf),
      staff: [{ id: "s1", hiredOn: "2026-11-01" }],
      staffImmunity: [],
      healthChecks: [],
      fluVaccinations: [],
      ...extra,
    }).items;

  it("immunity: the five diseases within 30 days of hiring, listing what is still unknown", () => {
    const partial = [
      { staffId: "s1", disease: "measles" as const, date: "2026-11-01" },
      { staffId: "s1", disease: "rubella" as const, date: "2026-11-01" },
    ];
    expect(
      find(staffInput("2026-12-01", { staffImmunity: partial }), "STAFF_IMMUNITY", { staffId: "s1" }),
    ).toMatchObject({ status: "due_soon", missing: ["varicella", "mumps", "hepatitis_b"] });
    expect(
      find(staffInput("2026-12-02", { staffImmunity: partial }), "STAFF_IMMUNITY", { staffId: "s1" })?.status,
    ).toBe("overdue");
    const all = (["measles", "rubella", "varicella", "mumps", "hepatitis_b"] as const).map((disease) => ({
      staffId: "s1",
      disease,
      date: null,
    }));
    expect(
      find(staffInput("2026-12-02", { staffImmunity: all }), "STAFF_IMMUNITY", { staffId: "s1" })?.status,
    ).toBe("ok");
  });

  it("health check: a year after the last one, or after hiring when that is later", () => {
    const at = (asOf: string, date = "2026-11-20") =>
      find(staffInput(asOf, { healthChecks: [{ staffId: "s1", date }] }), "STAFF_HEALTH_CHECK", {
        staffId: "s1",
      });
    expect(at("2027-11-20")).toMatchObject({ status: "due_soon", due: "2027-11-20" });
    expect(at("2027-11-21")?.status).toBe("overdue");
    // The check on hiring (雇入時) done before the first day counts from the hiring day.
    expect(at("2027-06-10", "2026-10-20")).toMatchObject({ status: "ok", due: "2027-11-01" });
    expect(find(staffInput("2027-11-02", {}), "STAFF_HEALTH_CHECK", { staffId: "s1" })?.status).toBe(
      "overdue",
    );
    expect(find(staffInput("2027-11-01", {}), "STAFF_HEALTH_CHECK", { staffId: "s1" })?.status).toBe(
      "due_soon",
    );
  });

  it("influenza vaccine of the season: due by 31 December, shown October to March only", () => {
    const at = (asOf: string, date?: string) =>
      find(
        staffInput(asOf, { fluVaccinations: date ? [{ personId: "s1", date, declined: false }] : [] }),
        "STAFF_FLU_VACCINE",
        { staffId: "s1", season: 2026 },
      );
    expect(at("2026-12-31")).toMatchObject({ status: "due_soon", due: "2026-12-31" });
    expect(at("2027-01-01")?.status).toBe("overdue");
    expect(at("2027-01-01", "2026-11-10")?.status).toBe("ok");
    // Last season's vaccine does not count.
    expect(at("2027-01-01", "2026-07-31")?.status).toBe("overdue");
    expect(staffInput("2026-09-30", {}).filter((i) => i.code === "STAFF_FLU_VACCINE")).toHaveLength(0);
  });

  it("occupational exposure stays open until its follow-up is finished", () => {
    const items = staffInput("2026-12-02", {
      exposures: [
        { id: "e1", date: "2026-11-20", followUpDoneOn: null },
        { id: "e2", date: "2026-10-01", followUpDoneOn: "2026-11-01" },
      ],
    });
    expect(find(items, "EXPOSURE_FOLLOW_UP", { exposureId: "e1" })?.status).toBe("due_soon");
    expect(find(items, "EXPOSURE_FOLLOW_UP", { exposureId: "e2" })?.status).toBe("ok");
  });
});

describe("daily kitchen check and cleaning round", () => {
  it("is overdue when yesterday had none", () => {
    const at = (dates: string[]) =>
      find(
        evaluateObligations({ ...empty("2026-12-02"), kitchenChecks: dates.map((date) => ({ date })) }).items,
        "KITCHEN_CHECK",
      )?.status;
    expect(at(["2026-11-30"])).toBe("overdue");
    expect(at(["2026-12-01"])).toBe("due_soon");
    expect(at(["2026-12-02"])).toBe("ok");
  });
});

describe("the schedule as data", () => {
  it("has a rule and a source with pages for every code", () => {
    for (const code of OBLIGATION_CODES) {
      const rule = OBLIGATION_SCHEDULE[code];
      expect(rule.code).toBe(code);
      expect(rule.source.pages.length).toBeGreaterThan(0);
      expect(rule.source.quote.length).toBeGreaterThan(10);
    }
  });
});

describe("adding evidence never makes an obligation worse (property)", () => {
  const day = fc
    .integer({ min: 0, max: 500 })
    .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const staffIds = fc.constantFrom("s1", "s2", "s3");
  const base = fc.record({
    asOf: day,
    hires: fc.array(fc.option(day, { nil: null }), { minLength: 3, maxLength: 3 }),
    meetings: fc.array(day, { maxLength: 3 }),
    trainings: fc.array(
      fc.record({
        date: day,
        kind: fc.constantFrom("regular", "new_hire", "drill"),
        attendees: fc.subarray(["s1", "s2", "s3"]),
      }),
      { maxLength: 4 },
    ),
    humidifierLog: fc.array(
      fc.record({ date: day, action: fc.constantFrom("tank_change", "inspection", "cleaning", "drain") }),
      { maxLength: 8 },
    ),
    checks: fc.array(
      fc.record({
        date: day,
        chlorineMgL: fc.option(
          fc.integer({ min: 0, max: 8 }).map((n) => n / 10),
          { nil: null },
        ),
        waterChanged: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    vaccinations: fc.array(fc.record({ personId: staffIds, date: day, declined: fc.boolean() }), {
      maxLength: 3,
    }),
    immunity: fc.array(
      fc.record({
        staffId: staffIds,
        disease: fc.constantFrom("measles", "rubella", "varicella", "mumps", "hepatitis_b"),
        date: fc.option(day, { nil: null }),
      }),
      { maxLength: 6 },
    ),
    daily: fc.array(fc.record({ date: day }), { maxLength: 4 }),
  });
  type Base = typeof base extends fc.Arbitrary<infer T> ? T : never;

  const toInput = (b: Base): ObligationInput => ({
    asOf: b.asOf,
    staff: b.hires.map((hiredOn, i) => ({ id: `s${i + 1}`, hiredOn })),
    committeeMeetings: b.meetings.map((date) => ({ date })),
    trainings: b.trainings as ObligationInput["trainings"],
    humidifiers: [
      {
        id: "h1",
        type: "household",
        season: { from: "2026-01-01", to: null },
        log: b.humidifierLog as ObligationInput["humidifiers"][number]["log"],
      },
      {
        id: "h2",
        type: "builtin",
        season: { from: "2026-03-01", to: "2027-03-31" },
        log: b.humidifierLog as ObligationInput["humidifiers"][number]["log"],
      },
    ],
    guidelineReviews: b.meetings.map((date) => ({ date })),
    staffImmunity: b.immunity as ObligationInput["staffImmunity"],
    healthChecks: b.meetings.map((date) => ({ staffId: "s1", date })),
    residents: [{ id: "r1" }],
    fluVaccinations: b.vaccinations,
    exposures: [],
    baths: [
      {
        id: "b1",
        circulating: true,
        checks: b.checks,
        legionellaTests: b.meetings.map((date) => ({ date })),
      },
      { id: "b2", circulating: false, checks: b.checks, legionellaTests: [] },
    ],
    kitchenChecks: b.daily,
    cleaningRounds: b.daily,
  });

  const key = (i: ObligationItem) => `${i.code} ${JSON.stringify(i.subject)}`;

  it("holds for every item when any list gains records", () => {
    fc.assert(
      fc.property(base, base, (before, more) => {
        const after: Base = {
          ...before,
          meetings: [...before.meetings, ...more.meetings],
          trainings: [...before.trainings, ...more.trainings],
          humidifierLog: [...before.humidifierLog, ...more.humidifierLog],
          checks: [...before.checks, ...more.checks],
          vaccinations: [...before.vaccinations, ...more.vaccinations],
          immunity: [...before.immunity, ...more.immunity],
          daily: [...before.daily, ...more.daily],
        };
        const was = new Map(evaluateObligations(toInput(before)).items.map((i) => [key(i), i.status]));
        const now = evaluateObligations(toInput(after)).items;
        expect(now.map(key)).toEqual([...was.keys()]);
        for (const item of now) {
          expect(statusRank(item.status)).toBeLessThanOrEqual(statusRank(was.get(key(item))!));
        }
      }),
      { numRuns: 300 },
    );
  });
});
