import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { SetupNav } from "../../components/SetupNav.tsx";
import { asLang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { canChooseProfile } from "../records/records-roles.ts";
import type { ProfileDescription } from "./profile-text.ts";
import "../../components/alerts/alerts.css";

type ProfileText = typeof import("./profile-text.ts");

/**
 * The facility's reporting rules: each shipped rule profile in plain words (when a report is due per group, the
 * 24-hour cluster, the end of an outbreak), the one in use marked; the director or administrator chooses.
 */
export function RuleProfilePage() {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility, reload } = useFacility();
  const [text, setText] = useState<ProfileText | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // The profiles come with their schema: loaded with this page only, not with the round.
  useEffect(() => {
    let cancelled = false;
    import("./profile-text.ts").then(
      (module) => !cancelled && setText(module),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const mayChoose = canChooseProfile(user);
  const profiles: ProfileDescription[] = text ? text.describeBuiltInProfiles(t, lang) : [];

  const choose = async (profile: ProfileDescription) => {
    setBusy(profile.id);
    setError(null);
    setSaved(null);
    try {
      await api.updateFacility({ ruleProfile: profile.id });
      await reload();
      setSaved(t("profiles.saved", { name: profile.name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="setup">
      <h1>{t("profiles.title")}</h1>
      <SetupNav />
      <p className="records-lead">{t("profiles.lead")}</p>
      {!mayChoose && <p className="notice">{t("profiles.notAllowed")}</p>}
      {saved && (
        <p className="notice notice--ok" role="status" data-testid="profile-saved">
          {saved}
        </p>
      )}
      <ErrorNotice error={error} />
      {(!text || !facility) && !error && <p className="muted">{t("profiles.loading")}</p>}
      <div className="profile-list">
        {facility &&
          profiles.map((profile) => {
            const current = facility.ruleProfile === profile.id;
            return (
              <section
                key={profile.id}
                className={current ? "profile-card is-current" : "profile-card"}
                data-testid={`profile-${profile.id}`}
                data-current={current ? "true" : "false"}
              >
                <div className="profile-card-head">
                  <h2>{profile.name}</h2>
                  {current ? (
                    <span className="profile-current">{t("profiles.current")}</span>
                  ) : (
                    mayChoose && (
                      <button
                        type="button"
                        className="btn btn-primary"
                        data-testid={`profile-choose-${profile.id}`}
                        disabled={busy !== null}
                        onClick={() => void choose(profile)}
                      >
                        {t("profiles.choose")}
                      </button>
                    )
                  )}
                </div>
                {profile.description && <p>{profile.description}</p>}
                <table className="table profile-rules">
                  <thead>
                    <tr>
                      <th>{t("profiles.group")}</th>
                      <th>{t("profiles.criterionA")}</th>
                      <th>{t("profiles.criterionB")}</th>
                      <th>{t("profiles.end")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {profile.rows.map((row) => (
                      <tr key={row.key} data-testid={`profile-${profile.id}-${row.key}`}>
                        <th scope="row">{row.subject}</th>
                        <td>{row.criterionA}</td>
                        <td>{row.criterionB}</td>
                        <td>{row.end}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p data-testid={`profile-${profile.id}-cluster`}>
                  {t("profiles.clusterLine", { rule: profile.cluster })}
                </p>
              </section>
            );
          })}
      </div>
    </div>
  );
}
