import type { NotifyMessages } from "./notify.ja.ts";

export const notifyEn: NotifyMessages = {
  label: "Notification to the health centre",
  due: "{{deadline}} — due {{day}}",
  dueToday: "due today",
  daysLeft: "{{count}} days left",
  overdue: "{{count}} days past the deadline",
  done: "Notified {{day}}",
  suspectedNotNeeded: "To be notified once confirmed",
  fromOnset: "No diagnosis day recorded: counted from the onset",
  notifiedDate: "Day notified to the health centre",
  notifiedHint:
    "The day the physician notified the health centre. Recording it clears the alert. Not a future day, not before the diagnosis.",
  deadline: {
    immediate: "immediately on diagnosis",
    within_7_days: "within 7 days of diagnosis",
    next_monday: "by the following Monday",
    first_of_next_month: "by the first of next month",
  },
};
