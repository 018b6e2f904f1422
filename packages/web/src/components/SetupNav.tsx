import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { canManageUsers, canReadCareRecords } from "../lib/roles.ts";
import { useUser } from "../state/SessionProvider.tsx";

const LINKS = [
  { href: "/setup/people", key: "setup.people", testId: "setup-people" },
  { href: "/setup/units", key: "setup.units", testId: "setup-units" },
  { href: "/setup/import", key: "setup.import", testId: "setup-import" },
] as const;
// The reporting rules (rule profile), a page of the surveillance rules.
const RULES_LINK = { href: "/setup/rules", testId: "setup-rules" } as const;
// The facility itself (everyone reads, director and admin edit) and its accounts (admin only).
const ADMIN_LINKS = [
  { href: "/setup/facility", key: "facilitySettings.tab", testId: "setup-facility", show: () => true },
  { href: "/setup/accounts", key: "accounts.tab", testId: "setup-accounts", show: canManageUsers },
] as const;

/** The tabs between the setup pages. */
export function SetupNav() {
  const { t } = useTranslation();
  const { t: tAlerts } = useTranslation("alerts");
  const [location] = useLocation();
  const user = useUser();
  const careFacility = canReadCareRecords(user);
  return (
    <nav className="tabs" aria-label={t("setup.title")}>
      {/* People, units, import and the reporting rules are a care facility's; a hospital keeps none. */}
      {careFacility &&
        LINKS.map((l) => (
          <Link
            key={l.href}
            href={l.href}
            className={location === l.href ? "tab is-on" : "tab"}
            aria-current={location === l.href ? "page" : undefined}
            data-testid={l.testId}
          >
            {t(l.key)}
          </Link>
        ))}
      {careFacility && (
        <Link
          href={RULES_LINK.href}
          className={location === RULES_LINK.href ? "tab is-on" : "tab"}
          aria-current={location === RULES_LINK.href ? "page" : undefined}
          data-testid={RULES_LINK.testId}
        >
          {tAlerts("profiles.title")}
        </Link>
      )}
      {ADMIN_LINKS.filter((l) => l.show(user)).map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className={location === l.href ? "tab is-on" : "tab"}
          aria-current={location === l.href ? "page" : undefined}
          data-testid={l.testId}
        >
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
