import type { CaseNotification } from "@mamori/domain/notifiable";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import { asLang } from "../../lib/labels.ts";
import "./notify.css";

interface Props {
  notification: CaseNotification;
  /** The facility's today: how many days are left is counted to it. */
  today: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether a diagnosis must be notified to the health centre and by when (感染症法 / 食品衛生法; manual p.48, 付録2):
 * the law and category in words, the deadline as people write it (期限 12月2日(水)), how many days are left or past,
 * or the day it was notified.
 */
export function NotificationStatus({ notification: n, today }: Props) {
  const { t, i18n } = useTranslation("notify");
  const lang = asLang(i18n.language);
  const left = daysBetween(today, n.dueDate);
  const state = n.notifiedDate ? "done" : n.overdue ? "overdue" : n.pending ? "pending" : "info";
  return (
    <div className={`notify-status notify-status--${state}`} data-testid="notify-status" data-state={state}>
      <span className="notify-status-label">{t("label")}</span>{" "}
      <span data-testid="notify-summary">{n.summary[lang]}</span>
      {n.notifiedDate ? (
        <strong data-testid="notify-done"> {t("done", { day: shortDay(n.notifiedDate, lang) })}</strong>
      ) : n.pending ? (
        <strong data-testid="notify-due">
          {" "}
          {t("due", { deadline: t(`deadline.${n.deadline}`), day: shortDay(n.dueDate, lang) })}（
          {left < 0
            ? t("overdue", { count: -left })
            : left === 0
              ? t("dueToday")
              : t("daysLeft", { count: left })}
          ）
        </strong>
      ) : n.everyPhysician ? (
        <span> {t("suspectedNotNeeded")}</span>
      ) : null}
      {n.pending && n.diagnosisBasis === "onset" && <span className="muted small"> {t("fromOnset")}</span>}
    </div>
  );
}
