import { describe, expect, it } from "vitest";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { RecordedCaseInput } from "./inputs.ts";
import { residents, tokyo } from "./test-scenario.ts";

function notifyAlerts(cases: RecordedCaseInput[], asOfDay: string, lookbackDays = 1) {
  return evaluateFacility({
    facility: { id: "f1" },
    people: residents(3),
    observations: [],
    cases,
    asOf: tokyo(asOfDay, "12:00"),
    lookbackDays,
  }).alerts.filter((alert) => alert.code === "NOTIFY_DEADLINE");
}

const cre = (extra: Partial<RecordedCaseInput> = {}): RecordedCaseInput => ({
  personId: "r01",
  disease: "cre",
  status: "confirmed",
  onsetDate: "2026-11-24",
  diagnosedDate: "2026-11-25",
  ...extra,
});

describe("NOTIFY_DEADLINE (manual p.48 「保健所等への届出を行う必要があります」; 付録2 表A2, p.78–80)", () => {
  it("CRE (「7日以内に届出（全数）」): due on day 7 after diagnosis, overdue on day 8", () => {
    const alerts = notifyAlerts([cre()], "2026-12-03", 2);
    expect(alerts.map((a) => [a.day, a.evidence.dueDate, a.evidence.daysLeft, a.evidence.overdue])).toEqual([
      ["2026-12-02", "2026-12-02", 0, false],
      ["2026-12-03", "2026-12-02", -1, true],
    ]);
    expect(alerts[0]).toMatchObject({
      subject: { personId: "r01", disease: "cre" },
      evidence: {
        category: "5",
        deadline: "within_7_days",
        diagnosedDate: "2026-11-25",
        diagnosisBasis: "diagnosed",
      },
    });
  });

  it("is raised from the day of diagnosis, not before", () => {
    const alerts = notifyAlerts([cre()], "2026-11-25", 3);
    expect(alerts.map((a) => a.day)).toEqual(["2026-11-25"]);
  });

  it("ends on the day the notified date is recorded", () => {
    const alerts = notifyAlerts([cre({ notifiedDate: "2026-11-27" })], "2026-11-28", 4);
    expect(alerts.map((a) => a.day)).toEqual(["2026-11-25", "2026-11-26"]);
  });

  it("counts from the onset when no diagnosis day is recorded, and says so", () => {
    const [alert] = notifyAlerts([cre({ diagnosedDate: null })], "2026-11-24");
    expect(alert?.evidence).toMatchObject({
      diagnosedDate: "2026-11-24",
      diagnosisBasis: "onset",
      dueDate: "2026-12-01",
    });
  });

  it("a suspected CRE case is not notified; a suspected food poisoning is, at once (食品衛生法: 「疑いのある者」)", () => {
    expect(notifyAlerts([cre({ status: "suspected" })], "2026-11-26")).toEqual([]);
    const [food] = notifyAlerts(
      [{ personId: "r02", disease: "food_poisoning", status: "suspected", onsetDate: "2026-11-26" }],
      "2026-11-26",
    );
    expect(food?.evidence).toMatchObject({
      law: "food_sanitation_act",
      deadline: "immediate",
      dueDate: "2026-11-26",
    });
  });

  it("EHEC (3類) is due the day it is diagnosed; norovirus and influenza (定点) raise nothing", () => {
    const alerts = notifyAlerts(
      [
        { personId: "r01", disease: "ehec", status: "confirmed", onsetDate: "2026-11-26" },
        { personId: "r02", disease: "norovirus", status: "confirmed", onsetDate: "2026-11-26" },
        { personId: "r03", disease: "influenza", status: "confirmed", onsetDate: "2026-11-26" },
      ],
      "2026-11-27",
    );
    expect(alerts.map((a) => [a.subject, a.evidence.overdue])).toEqual([
      [{ personId: "r01", disease: "ehec" }, true],
    ]);
  });

  it("COVID-19 diagnosed on 2023-05-07 (全数, 直ちに) is raised; on 2023-05-08 (5類定点) it is not", () => {
    const covid = (day: string): RecordedCaseInput => ({
      personId: "r01",
      disease: "covid19",
      status: "confirmed",
      onsetDate: day,
      diagnosedDate: day,
    });
    expect(notifyAlerts([covid("2023-05-07")], "2023-05-07")).toHaveLength(1);
    expect(notifyAlerts([covid("2023-05-08")], "2023-05-08")).toEqual([]);
  });

  it("is one alert per person, disease and day: of two open diagnoses, the earlier deadline", () => {
    const alerts = notifyAlerts([cre({ diagnosedDate: "2026-11-26" }), cre()], "2026-11-26");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.evidence.diagnosedDate).toBe("2026-11-25");
  });

  it("names the field of a diagnosis day that is not a date", () => {
    expect(() => notifyAlerts([cre({ notifiedDate: "2026-13-01" })], "2026-11-26")).toThrow(
      "cases[0].notifiedDate",
    );
  });
});
