import { PREFECTURES } from "@mamori/domain/input";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import type { PaperFormSummary } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useApi } from "../../state/ApiContext.tsx";

/**
 * The secretariat's paper responses (事務連絡 2024-01-25 別添2: 「Web アンケートでの回答が困難な場合は、紙面での回答も
 * 可能」): each received form registered under the clerk's own number, then keyed in by two people.
 */
export function PaperFormsPage() {
  const { t } = useTranslation("survey");
  const api = useApi();
  const [, navigate] = useLocation();
  const [forms, setForms] = useState<PaperFormSummary[] | null>(null);
  const [label, setLabel] = useState("");
  const [prefecture, setPrefecture] = useState("");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.survey.paperForms().then(setForms, setError);
  }, [api]);
  const register = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.survey.createPaperForm({
        id: crypto.randomUUID(),
        label: label.trim(),
        prefecture: prefecture || null,
      });
      navigate(`/survey/paper-entry/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const state = (f: PaperFormSummary) =>
    f.responseId
      ? t("paper.done")
      : f.entries.length === 2
        ? t("paper.toSettle")
        : t("paper.entriesMade", { count: f.entries.length });
  return (
    <section className="survey-page">
      <div className="print-toolbar">
        <h1>{t("paper.title")}</h1>
        <Link href="/survey/secretariat" className="btn btn-ghost">
          {t("paper.toOverview")}
        </Link>
      </div>
      <p className="muted">{t("paper.lead")}</p>
      <ErrorNotice error={error} />
      <form className="paper-register" onSubmit={(e) => void register(e)} data-testid="paper-register">
        <label>
          {t("paper.label")}
          <input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={100}
            required
            data-testid="paper-label"
          />
        </label>
        <label>
          {t("paper.prefecture")}
          <select
            value={prefecture}
            onChange={(e) => setPrefecture(e.target.value)}
            data-testid="paper-prefecture"
          >
            <option value="">{t("paper.prefectureUnknown")}</option>
            {PREFECTURES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={label.trim() === ""}>
          {t("paper.add")}
        </button>
      </form>
      {forms?.length === 0 && <p>{t("paper.empty")}</p>}
      {forms && forms.length > 0 && (
        <ul className="survey-list" data-testid="paper-forms">
          {forms.map((f) => (
            <li key={f.id} className="survey-row">
              <div>
                <strong>{f.label}</strong> <span>{f.prefecture ?? t("paper.prefectureUnknown")}</span>
              </div>
              <span className="survey-state">{state(f)}</span>
              <Link href={`/survey/paper-entry/${f.id}`} className="btn">
                {t("paper.open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
