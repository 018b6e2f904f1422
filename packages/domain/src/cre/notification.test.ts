import { describe, expect, it } from "vitest";
import { classifyCre } from "./cre-criteria.ts";
import { parseMic } from "./mic.ts";
import { assessNotification, notificationDueDate } from "./notification.ts";
import { notificationCriteria } from "./notification-criteria.ts";

// 感染症法 届出基準 (cre-reference.md §1.3): sterile specimens qualify directly; non-sterile ones need the physician's
// judgement that the isolate is causative; carriers are not notified; within 7 days (法第12条第1項).
const criteria = notificationCriteria();
const cre = classifyCre({ mic: { meropenem: parseMic("4") }, zoneMm: {} }, true, criteria);
const notCre = classifyCre(
  { mic: { meropenem: parseMic("0.25"), imipenem: parseMic("0.5") }, zoneMm: {} },
  true,
  criteria,
);
const undecided = classifyCre(
  { mic: { meropenem: parseMic("≤4"), imipenem: parseMic("≤1") }, zoneMm: {} },
  true,
  criteria,
);

describe("notification", () => {
  it("sterile specimen (blood): notifiable within 7 days", () => {
    expect(assessNotification(cre, { sterileSite: true, causative: null }, criteria)).toMatchObject({
      notifiable: true,
      deadlineDays: 7,
      reason: "STERILE_SITE",
    });
  });

  it("non-sterile specimen (sputum) judged causative: notifiable", () => {
    expect(assessNotification(cre, { sterileSite: false, causative: true }, criteria).notifiable).toBe(true);
  });

  it("non-sterile specimen not judged causative (carriage): not notifiable", () => {
    expect(assessNotification(cre, { sterileSite: false, causative: false }, criteria)).toMatchObject({
      notifiable: false,
      reason: "NON_STERILE_NOT_CAUSATIVE",
    });
  });

  it("non-sterile specimen awaiting judgement: indeterminate", () => {
    expect(assessNotification(cre, { sterileSite: false, causative: null }, criteria).notifiable).toBe(
      "indeterminate",
    );
  });

  it("not a CRE: not notifiable; undecided CRE: indeterminate", () => {
    expect(assessNotification(notCre, { sterileSite: true, causative: true }, criteria).notifiable).toBe(
      false,
    );
    expect(assessNotification(undecided, { sterileSite: true, causative: true }, criteria)).toMatchObject({
      notifiable: "indeterminate",
      reason: "CRE_UNDECIDED",
    });
  });

  it("due date: diagnosis day + 7 calendar days, across month and year ends", () => {
    expect(notificationDueDate("2026-01-30", 7)).toBe("2026-02-06");
    expect(notificationDueDate("2024-02-25", 7)).toBe("2024-03-03");
    expect(notificationDueDate("2026-12-31", 7)).toBe("2027-01-07");
    expect(() => notificationDueDate("2026/01/30", 7)).toThrow();
  });
});
