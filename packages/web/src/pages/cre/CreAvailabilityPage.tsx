import { type CreDrugKey, creDrugList, defaultCreAvailability } from "@mamori/domain/cre";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreAvailability } from "../../api/cre.ts";
import { CreNav } from "../../components/cre/CreNav.tsx";
import { canManageAvailability } from "../../components/cre/cre-roles.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { asLang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

/** The drugs the advice may offer: those the guide's treatment section names (drugs.ts `treatmentDrug`). */
const TREATMENT_DRUGS = creDrugList().filter((d) => d.treatmentDrug);

/**
 * The hospital's formulary for the CRE advice: which of the guide's treatment drugs the hospital has. The AST and
 * administrators change it; everyone else sees it.
 */
export function CreAvailabilityPage() {
  const { t, i18n } = useTranslation("cre");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const editable = canManageAvailability(user);
  const [stored, setStored] = useState<CreAvailability | null>(null);
  const [drugs, setDrugs] = useState<CreDrugKey[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.cre.availability().then(
      (a) => {
        if (cancelled) return;
        setStored(a);
        setDrugs(a.drugs);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const save = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const a = await api.cre.setAvailability(drugs);
      setStored(a);
      setDrugs(a.drugs);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cre">
      <h1>{t("availability.title")}</h1>
      <CreNav />
      <p className="muted">{t("availability.lead")}</p>
      <ErrorNotice error={error} />
      {stored && (
        <section className="card" data-testid="cre-availability">
          <p className="small muted" data-testid="cre-availability-default">
            {stored.isDefault
              ? t("availability.default")
              : t("availability.updated", { at: stored.updatedAt?.slice(0, 10) ?? "" })}
          </p>
          <ul className="cre-drug-list">
            {TREATMENT_DRUGS.map((d) => (
              <li key={d.key}>
                <label className="field--check cre-check">
                  <input
                    type="checkbox"
                    checked={drugs.includes(d.key)}
                    disabled={!editable}
                    data-testid={`cre-drug-${d.key}`}
                    onChange={(e) =>
                      setDrugs((list) =>
                        e.target.checked ? [...list, d.key] : list.filter((k) => k !== d.key),
                      )
                    }
                  />
                  {d.name[lang]}
                  {!d.marketedInJapan && (
                    <span className="badge cre-badge--muted">{t("availability.notMarketed")}</span>
                  )}
                </label>
              </li>
            ))}
          </ul>
          {editable ? (
            <div className="form-actions">
              {saved && (
                <span className="cre-saved" role="status" data-testid="cre-availability-saved">
                  {t("availability.saved")}
                </span>
              )}
              <button
                type="button"
                className="btn"
                data-testid="cre-availability-reset"
                onClick={() => setDrugs(defaultCreAvailability())}
              >
                {t("availability.reset")}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                data-testid="cre-availability-save"
                onClick={() => void save()}
              >
                {busy ? t("availability.saving") : t("availability.save")}
              </button>
            </div>
          ) : (
            <p className="hint">{t("availability.readOnly")}</p>
          )}
        </section>
      )}
    </div>
  );
}
