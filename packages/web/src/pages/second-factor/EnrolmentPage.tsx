import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../api/types.ts";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";
import { useSession, useUser } from "../../state/SessionProvider.tsx";
import { EnrolmentPanel } from "./EnrolmentPanel.tsx";
import "./second-factor.css";

/**
 * Right after the password, for a user whose role requires a second factor and who has none: nothing else opens until
 * it is set up.
 */
export function EnrolmentPage() {
  const { t } = useTranslation("secondFactor");
  const { t: tc } = useTranslation();
  const user = useUser();
  const { adopt, signOut } = useSession();
  // The user the server answered after the first number; taken only once the recovery codes were kept, so that the
  // codes stay on screen until then.
  const enrolled = useRef<User | null>(null);

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <div className="signin-card enrol-card" data-testid="enrol-page">
        <h1 className="signin-brand">{tc("app.name")}</h1>
        <h2>{t("enrol.title")}</h2>
        <p>{t("enrol.requiredLead")}</p>
        <EnrolmentPanel
          username={user.username}
          needsPassword={false}
          onEnrolled={(next) => {
            enrolled.current = next;
          }}
          onFinished={() => {
            if (enrolled.current) adopt(enrolled.current);
          }}
        />
        <div className="enrol-actions no-print">
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t("enrol.signOut")}
          </button>
        </div>
      </div>
    </main>
  );
}
