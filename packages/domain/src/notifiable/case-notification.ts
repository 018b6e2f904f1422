import { assessNotifiable } from "./assess.ts";
import type { Bilingual, DeadlineKind, NotifiableCategory, NotifiableLaw } from "./table.ts";
import { notifiableSummary } from "./text.ts";

export type CaseNotification = {
  diseaseId: string;
  name: Bilingual;
  law: NotifiableLaw;
  category: NotifiableCategory;
  everyPhysician: boolean;
  deadline: DeadlineKind;
  diagnosedDate: string;
  diagnosisBasis: "diagnosed" | "onset";
  dueDate: string;
  notifiedDate: string | null;
  /** NOTIFY_DEADLINE holds: every physician notifies it, the case's status is one the law notifies, none recorded yet. */
  pending: boolean;
  overdue: boolean;
  summary: Bilingual;
  source: string;
};

/**
 * Whether and by when a recorded case's diagnosis must be notified, as of `today`: the same rule as NOTIFY_DEADLINE
 * (notify-deadline.ts) for one case, for the screens. Null when the case names no disease or the disease is not
 * notifiable on its day of diagnosis (受診・診断日, or the onset when none is recorded).
 *
 * Source: manual 4.3)(2) (p.48) and 付録2 表A2 (p.78–80); notifiable/table.ts.
 * @example caseNotification({ disease: "ehec", status: "confirmed", onsetDate: "2026-12-01" }, "2026-12-02")?.overdue // true
 */
export function caseNotification(
  c: {
    disease: string | null;
    status: "suspected" | "confirmed";
    onsetDate: string;
    diagnosedDate?: string | null;
    notifiedDate?: string | null;
  },
  today: string,
): CaseNotification | null {
  if (!c.disease) return null;
  const diagnosedDate = c.diagnosedDate ?? c.onsetDate;
  const assessment = assessNotifiable(c.disease, diagnosedDate);
  if (!assessment.notifiable) return null;
  const notifiedDate = c.notifiedDate ?? null;
  const pending =
    assessment.everyPhysician &&
    notifiedDate === null &&
    (c.status === "confirmed" || assessment.suspectedNotified);
  return {
    diseaseId: assessment.diseaseId,
    name: assessment.name,
    law: assessment.law,
    category: assessment.category,
    everyPhysician: assessment.everyPhysician,
    deadline: assessment.deadline,
    diagnosedDate,
    diagnosisBasis: c.diagnosedDate ? "diagnosed" : "onset",
    dueDate: assessment.dueDate,
    notifiedDate,
    pending,
    overdue: pending && today > assessment.dueDate,
    summary: { ja: notifiableSummary(assessment, "ja"), en: notifiableSummary(assessment, "en") },
    source: assessment.source,
  };
}
