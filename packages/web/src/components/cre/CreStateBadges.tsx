import { useTranslation } from "react-i18next";
import type { CreCaseState } from "../../api/cre.ts";
import { formatDay } from "../../lib/dates.ts";
import { useParen } from "./cre-lang.ts";

/**
 * The state of a case in words, as badges: work-up pending with the next test, notification by its day (or done, or
 * overdue), survey due, awaiting the physician, and where a cefiderocol order stands.
 */
export function CreStateBadges({ state }: { state: CreCaseState }) {
  const { t, i18n } = useTranslation("cre");
  const paren = useParen();
  const day = (d: string) => formatDay(d, i18n.language);
  const n = state.notification;
  return (
    <ul className="cre-badges" data-testid={`cre-state-${state.id}`}>
      {state.workUp.pending && (
        <li className="badge cre-badge--warn" data-testid="cre-state-workup">
          {t("state.workUp", { tests: state.workUp.nextTests.map((x) => x.text).join(" / ") })}
        </li>
      )}
      {n.notifiedOn ? (
        <li className="badge cre-badge--ok" data-testid="cre-state-notified">
          {t("state.notified", { date: day(n.notifiedOn) })}
        </li>
      ) : n.notifiable === true && n.dueDate ? (
        <li
          className={n.overdue ? "badge cre-badge--alert" : "badge cre-badge--warn"}
          data-testid="cre-state-notify"
          data-due={n.dueDate}
        >
          {n.overdue
            ? t("state.notifyOverdue", { date: day(n.dueDate) })
            : n.dueDateBasis === "report"
              ? t("state.notifyByReport", { date: day(n.dueDate) })
              : t("state.notifyBy", { date: day(n.dueDate) })}
        </li>
      ) : n.notifiable === "indeterminate" ? (
        <li className="badge cre-badge--muted" data-testid="cre-state-notify-undecided">
          {t("state.notifyUndecided")}
        </li>
      ) : null}
      {state.survey.required && (
        <li className="badge cre-badge--info" data-testid="cre-state-survey">
          {t("state.survey")}
        </li>
      )}
      {state.awaitingPhysician && (
        <li className="badge cre-badge--muted" data-testid="cre-state-physician">
          {t("state.awaitingPhysician")}
        </li>
      )}
      {state.cefiderocol.orderStatus !== "not_ordered" && (
        <li
          className={
            state.cefiderocol.orderStatus === "approved"
              ? "badge cre-badge--ok"
              : state.cefiderocol.orderStatus === "declined"
                ? "badge cre-badge--alert"
                : "badge cre-badge--warn"
          }
          data-testid="cre-state-order"
          data-status={state.cefiderocol.orderStatus}
        >
          {t(`state.order_${state.cefiderocol.orderStatus}`)}
          {state.cefiderocol.verdictText && paren(state.cefiderocol.verdictText)}
        </li>
      )}
    </ul>
  );
}
