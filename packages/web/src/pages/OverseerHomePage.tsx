import { useTranslation } from "react-i18next";
import { isOverseer } from "../lib/roles.ts";
import { useUser } from "../state/SessionProvider.tsx";

/**
 * For health-centre, municipal and secretariat users: what they will see here (submitted reports and shared daily
 * counts) and that nothing has been submitted yet. No facility's own records are shown or fetched. Other users
 * without the facility's round (a hospital's lab technologists and AST members) are told so plainly.
 */
export function OverseerHomePage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!isOverseer(user)) {
    return (
      <div className="overseer" data-testid="no-facility-home">
        <h1>{user.organisation.name}</h1>
        <p className="notice">{t("overseer.noFacility")}</p>
      </div>
    );
  }
  return (
    <div className="overseer" data-testid="overseer-home">
      <h1>{t("overseer.title", { org: user.organisation.name })}</h1>
      <p>{t("overseer.lead")}</p>
      <p className="notice" data-testid="overseer-nothing">
        {t("overseer.nothing")}
      </p>
      <p className="muted">{t("overseer.privacy")}</p>
    </div>
  );
}
