import { useTranslation } from "react-i18next";
import { useUser } from "../state/SessionProvider.tsx";

/**
 * For health-centre, municipal and secretariat users: what they will see here (submitted reports and shared daily
 * counts) and that nothing has been submitted yet. No facility's own records are shown or fetched.
 */
export function OverseerHomePage() {
  const { t } = useTranslation();
  const user = useUser();
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
