import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";

/** The two outbreak forms, one tab each. */
export function FormsNav() {
  const { t } = useTranslation("forms");
  const [location] = useLocation();
  const tabs = [
    { href: "/forms/weekly", label: t("tabs.weekly"), testId: "forms-tab-weekly" },
    { href: "/forms/physician-report", label: t("tabs.physician"), testId: "forms-tab-physician" },
  ];
  return (
    <nav className="form-tabs no-print" aria-label={t("nav.forms")}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          data-testid={tab.testId}
          aria-current={location.startsWith(tab.href) ? "page" : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
