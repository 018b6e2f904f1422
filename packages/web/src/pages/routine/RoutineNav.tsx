import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import {
  canManageRoutine,
  canRecordHealth,
  canRecordHygiene,
  canSeeObligations,
} from "../../lib/routine-roles.ts";
import { useUser } from "../../state/SessionProvider.tsx";

/** Tabs between the routine screens a role may use. */
export function RoutineNav() {
  const { t } = useTranslation("routine");
  const user = useUser();
  const [location] = useLocation();
  const links = [
    ...(canSeeObligations(user) ? [{ href: "/routine", label: t("tabs.due"), id: "due" }] : []),
    ...(canRecordHygiene(user)
      ? [{ href: "/routine/hygiene", label: t("tabs.hygiene"), id: "hygiene" }]
      : []),
    ...(canManageRoutine(user)
      ? [
          { href: "/routine/committee", label: t("tabs.committee"), id: "committee" },
          { href: "/routine/training", label: t("tabs.training"), id: "training" },
        ]
      : []),
    ...(canSeeObligations(user) || canRecordHygiene(user)
      ? [{ href: "/routine/guideline", label: t("tabs.guideline"), id: "guideline" }]
      : []),
    ...(canRecordHealth(user) ? [{ href: "/routine/health", label: t("tabs.health"), id: "health" }] : []),
    ...(canSeeObligations(user)
      ? [{ href: "/routine/inspection", label: t("tabs.inspection"), id: "inspection" }]
      : []),
    ...(canManageRoutine(user)
      ? [
          { href: "/routine/equipment", label: t("tabs.equipment"), id: "equipment" },
          { href: "/routine/settings", label: t("tabs.settings"), id: "settings" },
        ]
      : []),
  ];
  return (
    <nav className="tabs no-print" aria-label={t("title")}>
      {links.map((l) => {
        const on = location === l.href;
        return (
          <Link
            key={l.href}
            href={l.href}
            className={on ? "tab is-on" : "tab"}
            aria-current={on ? "page" : undefined}
            data-testid={`routine-tab-${l.id}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
