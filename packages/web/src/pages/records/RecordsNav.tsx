import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { useUser } from "../../state/SessionProvider.tsx";
import { canRecordBath, canRecordCases } from "./records-roles.ts";

/** The tabs between the records screens a role may use. */
export function RecordsNav() {
  const { t } = useTranslation("alerts");
  const user = useUser();
  const [location] = useLocation();
  const links = [
    ...(canRecordCases(user)
      ? [
          { href: "/records/cases", label: t("records.cases"), testId: "records-cases" },
          { href: "/records/antibiotics", label: t("records.antibiotics"), testId: "records-antibiotics" },
        ]
      : []),
    ...(canRecordBath(user)
      ? [{ href: "/records/bath", label: t("records.bath"), testId: "records-bath" }]
      : []),
  ];
  return (
    <nav className="tabs no-print" aria-label={t("records.title")}>
      {links.map((l) => {
        const on = location === l.href || location.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            className={on ? "tab is-on" : "tab"}
            aria-current={on ? "page" : undefined}
            data-testid={l.testId}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
