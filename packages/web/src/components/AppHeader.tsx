import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { canReadCareRecords, canReadFacility, isOverseer, setupHome } from "../lib/roles.ts";
import { canUseRoutine } from "../lib/routine-roles.ts";
import { canUseForms } from "../pages/forms/forms-roles.ts";
import { canUseRecords } from "../pages/records/records-roles.ts";
import { usePendingCount } from "../state/OutboxProvider.tsx";
import { useSession, useUser } from "../state/SessionProvider.tsx";
import { hasCreHome } from "./cre/cre-roles.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { PasswordChangeDialog } from "./PasswordChangeDialog.tsx";
import { isOfficer } from "./reports/report-text.ts";
import { UnreadReports } from "./reports/UnreadReports.tsx";

/** The bar on every page: Mamori, the organisation, who is signed in, the language, and sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const pending = usePendingCount();
  const [changingPassword, setChangingPassword] = useState(false);
  const setup = isOverseer(user) ? null : setupHome(user);

  const onSignOut = () => {
    if (pending > 0 && !globalThis.confirm(t("header.confirmSignOut", { count: pending }))) return;
    void signOut();
  };

  return (
    <header className="app-header no-print">
      <Link href="/" className="brand" data-testid="nav-home">
        {t("app.name")}
      </Link>
      <nav className="app-nav">
        {isOfficer(user) ? (
          <Link href="/" data-testid="nav-inbox">
            {t("navInbox", { ns: "reports" })}
            <UnreadReports />
          </Link>
        ) : (
          <Link href="/">{t("header.home")}</Link>
        )}
        {user.abilities?.region && (
          <Link href="/region" data-testid="nav-region">
            {t("nav", { ns: "region" })}
          </Link>
        )}
        {/* A hospital's laboratory, AST and physicians have the CRE screens only (App.tsx): no reports page. */}
        {user.organisation.kind === "facility" && canReadFacility(user) && !hasCreHome(user) && (
          <Link href="/reports" data-testid="nav-reports">
            {t("nav", { ns: "reports" })}
          </Link>
        )}
        {!isOverseer(user) && canUseRecords(user) && (
          <Link href="/records" data-testid="nav-records">
            {t("records.nav", { ns: "alerts" })}
          </Link>
        )}
        {user.organisation.kind === "facility" && canUseRoutine(user) && (
          <Link href="/routine" data-testid="nav-routine">
            {t("nav", { ns: "routine" })}
          </Link>
        )}
        {!isOverseer(user) && canUseForms(user) && (
          <Link href="/forms/weekly" data-testid="nav-forms">
            {t("nav.forms", { ns: "forms" })}
          </Link>
        )}
        {!isOverseer(user) && canReadCareRecords(user) && (
          <Link href="/disinfection" data-testid="nav-disinfection">
            {t("nav.disinfection", { ns: "forms" })}
          </Link>
        )}
        {setup && (
          <Link href={setup} data-testid="nav-setup">
            {t("header.setup")}
          </Link>
        )}
      </nav>
      <div className="app-who">
        <span className="app-org" data-testid="header-org">
          {user.organisation.name}
        </span>
        <span className="app-user" data-testid="header-user">
          {user.displayName}
          <span className="muted"> · {t(`roles.${user.role}`)}</span>
        </span>
      </div>
      {pending > 0 && (
        <span className="sync sync--pending sync--header" data-testid="outbox-status">
          {t("header.pending", { count: pending })}
        </span>
      )}
      <LanguageSwitch />
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="change-password"
        onClick={() => setChangingPassword(true)}
      >
        {t("password.open")}
      </button>
      {changingPassword && <PasswordChangeDialog onClose={() => setChangingPassword(false)} />}
      <Link href="/settings/two-step" className="btn btn-ghost" data-testid="nav-second-factor">
        {t("settings.open", { ns: "secondFactor" })}
      </Link>
      <button type="button" className="btn btn-ghost" data-testid="sign-out" onClick={onSignOut}>
        {t("header.signOut")}
      </button>
    </header>
  );
}
