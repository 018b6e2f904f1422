import { assessNotifiable } from "../notifiable/assess.ts";
import type { DeadlineKind, NotifiableCategory, NotifiableLaw } from "../notifiable/table.ts";
import type { Alert, NotifyDeadlineEvidence } from "./alerts.ts";
import type { RecordedCaseInput } from "./inputs.ts";
import { dayNumberOf, isoDayOf } from "./local-day.ts";
import { RULE_SOURCES } from "./rule-sources.ts";

/**
 * NOTIFY_DEADLINE for recorded cases: a diagnosis of a disease that every physician must notify (全数把握 under
 * 感染症法, or food poisoning under 食品衛生法) raises the alert on each day from the day of diagnosis until the day the
 * notification is recorded (`notifiedDate`), with the deadline of the rule in force on the day of diagnosis.
 *
 * A suspected case raises it only where the law notifies suspected cases too (1類, some 2類, 新型インフルエンザ等,
 * food poisoning). The day of diagnosis is the case's 受診・診断日, or its onset when none was recorded (said in the
 * evidence). Sentinel diseases (定点把握) are notified by designated institutions only and raise nothing.
 *
 * Source: manual 4.3)(2) 医師の対応 (p.48) and 付録2 表A2 (p.78–80); notifiable/table.ts for the dated rules.
 * @example notifyDeadlineAlerts([{ personId: "r1", disease: "ehec", status: "confirmed", onsetDate: "2026-01-09" }], d0, d1, "mhlw-2005")
 */
export function notifyDeadlineAlerts(
  cases: readonly RecordedCaseInput[],
  firstDay: number,
  lastDay: number,
  profileId: string,
): Alert[] {
  // One alert per person, disease and day (contracts/evaluate.md): of two open diagnoses, the earlier deadline.
  const byKey = new Map<string, Alert & { code: "NOTIFY_DEADLINE" }>();
  cases.forEach((recorded, i) => {
    const diagnosedDate = recorded.diagnosedDate ?? recorded.onsetDate;
    let diagnosedDay: number;
    try {
      diagnosedDay = dayNumberOf(diagnosedDate);
    } catch {
      throw new RangeError(
        `cases[${i}].${recorded.diagnosedDate ? "diagnosedDate" : "onsetDate"}: not an ISO date`,
      );
    }
    const assessment = assessNotifiable(recorded.disease, diagnosedDate);
    if (!assessment.notifiable || !assessment.everyPhysician) return;
    if (recorded.status === "suspected" && !assessment.suspectedNotified) return;
    let notifiedDay = Number.POSITIVE_INFINITY;
    if (recorded.notifiedDate) {
      try {
        notifiedDay = dayNumberOf(recorded.notifiedDate);
      } catch {
        throw new RangeError(`cases[${i}].notifiedDate: not an ISO date`);
      }
    }
    const dueDay = dayNumberOf(assessment.dueDate);
    for (let day = Math.max(firstDay, diagnosedDay); day <= lastDay && day < notifiedDay; day++) {
      const evidence: NotifyDeadlineEvidence = {
        source: RULE_SOURCES.NOTIFY_DEADLINE,
        diseaseId: assessment.diseaseId,
        name: assessment.name,
        law: assessment.law satisfies NotifiableLaw,
        category: assessment.category satisfies NotifiableCategory,
        deadline: assessment.deadline satisfies DeadlineKind,
        status: recorded.status,
        diagnosedDate,
        diagnosisBasis: recorded.diagnosedDate ? "diagnosed" : "onset",
        dueDate: assessment.dueDate,
        daysLeft: dueDay - day,
        overdue: day > dueDay,
        notifiedDate: null,
        lawSource: assessment.source,
      };
      const key = `${day}|${recorded.personId}|${recorded.disease}`;
      const held = byKey.get(key);
      if (
        held &&
        (held.evidence.dueDate < evidence.dueDate ||
          (held.evidence.dueDate === evidence.dueDate &&
            (held.evidence.diagnosedDate < evidence.diagnosedDate ||
              (held.evidence.diagnosedDate === evidence.diagnosedDate &&
                // Whatever the input order: a total order on the rest of the evidence.
                JSON.stringify(held.evidence) <= JSON.stringify(evidence)))))
      ) {
        continue;
      }
      byKey.set(key, {
        code: "NOTIFY_DEADLINE",
        subject: { personId: recorded.personId, disease: recorded.disease },
        day: isoDayOf(day),
        profile: profileId,
        evidence,
      });
    }
  });
  return [...byKey.values()];
}
