import { builtInQuestionnaire, type QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { PaperChoice, PaperForm } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { EntryDifferences, type EntryNo } from "../../questionnaire/EntryDifferences.tsx";
import { QuestionnaireForm } from "../../questionnaire/QuestionnaireForm.tsx";
import { useApi } from "../../state/ApiContext.tsx";

const EMPTY: QuestionnaireResponse = {
  resourceType: "QuestionnaireResponse",
  status: "in-progress",
  item: [],
};

/** The entry this clerk keys: their own if made, else the free one — never both (double entry is two people). */
export function entrySlot(form: Pick<PaperForm, "entries" | "responseId">): EntryNo | null {
  if (form.responseId) return null;
  const mine = form.entries.find((e) => e.mine);
  if (mine) return mine.entryNo;
  if (form.entries.length >= 2) return null;
  return form.entries.some((e) => e.entryNo === 1) ? 2 : 1;
}

/**
 * One paper form keyed in twice. Each clerk keys the whole form on the screen questionnaire without seeing the other's
 * entry; once both are in, the items read differently are shown side by side and settled by choosing the reading that
 * matches the paper (a clerk who misread corrects their own entry and saves it again); the settled answers are then
 * registered as a paper response and counted.
 */
export function PaperEntryPage({ id }: { id: string }) {
  const { t } = useTranslation("survey");
  const api = useApi();
  const questionnaire = useMemo(() => builtInQuestionnaire("cre-cefiderocol")!, []);
  const [form, setForm] = useState<PaperForm | null>(null);
  const [draft, setDraft] = useState<QuestionnaireResponse | null>(null);
  const [editing, setEditing] = useState(false);
  const [choices, setChoices] = useState<Partial<Record<string, PaperChoice>>>({});
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  // Kept across retries, so that a resend after a dropped connection registers one response.
  const ids = useRef({ submissionId: crypto.randomUUID(), responseId: crypto.randomUUID() });

  const show = useCallback((next: PaperForm) => {
    setForm(next);
    const mine = next.entries.find((e) => e.mine);
    setDraft(mine?.response ?? EMPTY);
    setEditing(!mine && entrySlot(next) !== null);
  }, []);
  useEffect(() => {
    api.survey.paperForm(id).then(show, setError);
  }, [api, id, show]);

  if (!form || !draft) return <ErrorNotice error={error} />;
  const slot = entrySlot(form);
  const mine = form.entries.find((e) => e.mine);
  const first = form.entries.find((e) => e.entryNo === 1);
  const second = form.entries.find((e) => e.entryNo === 2);
  const differences = form.differences;

  const run = async (call: () => Promise<PaperForm>) => {
    setError(null);
    setMissing(null);
    try {
      show(await call());
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.some((f) => f.path.startsWith("response."))) {
        setMissing(e.fields.map((f) => f.path.replace(/^response\./, "")));
      } else setError(e);
    }
  };
  const save = () => slot && run(() => api.survey.savePaperEntry(id, slot, draft));
  const settle = () =>
    run(() =>
      api.survey.resolvePaperForm(id, {
        ...ids.current,
        choices: Object.fromEntries(
          Object.entries(choices).filter(([linkId]) => differences?.some((d) => d.linkId === linkId)),
        ) as Record<string, PaperChoice>,
      }),
    );
  const settled = (c: PaperChoice | undefined) =>
    c !== undefined && (typeof c !== "object" || c.answer.length > 0);
  const allChosen = (differences ?? []).every((d) => settled(choices[d.linkId]));
  const itemText = (linkId: string) =>
    linkId.replace(/^q(\d+)(\..*)?$/, (_m, n, rest) => `設問${n}${rest ?? ""}`);

  return (
    <section className="survey-page">
      <div className="print-toolbar">
        <h1>
          {t("paper.formTitle", { label: form.label })}
          {form.prefecture && <span className="muted"> {form.prefecture}</span>}
        </h1>
        <Link href="/survey/paper-entry" className="btn btn-ghost">
          {t("paper.toList")}
        </Link>
      </div>
      <ul className="paper-entries" data-testid="paper-entries">
        {([1, 2] as const).map((n) => {
          const entry = form.entries.find((e) => e.entryNo === n);
          return (
            <li key={n} data-testid={`paper-entry-${n}`}>
              <strong>{t("paper.entry", { n })}</strong>{" "}
              {entry
                ? entry.mine
                  ? t("paper.yours")
                  : t("paper.by", { name: entry.enteredBy })
                : t("paper.notYet")}
            </li>
          );
        })}
      </ul>
      <ErrorNotice error={error} />
      {form.responseId && (
        <p className="notice notice-ok" data-testid="paper-resolved">
          {t("paper.resolved")}
        </p>
      )}
      {!form.responseId && slot === null && !differences && (
        <p className="notice" data-testid="paper-wait">
          {t("paper.otherMustEnter")}
        </p>
      )}
      {!form.responseId && mine && !differences && !editing && (
        <p className="notice" data-testid="paper-wait-other">
          {t("paper.waitOther")}
        </p>
      )}
      {!form.responseId && differences && first && second && !editing && (
        <div className="paper-settle">
          <h2>{t("paper.differences")}</h2>
          {differences.length === 0 ? (
            <p data-testid="paper-agree">{t("paper.noDifferences")}</p>
          ) : (
            <>
              <p className="muted">{t("paper.differencesLead", { count: differences.length })}</p>
              <EntryDifferences
                questionnaire={questionnaire}
                first={first.response}
                second={second.response}
                linkIds={differences.map((d) => d.linkId)}
                choices={choices}
                onChoose={(linkId, n) => setChoices((c) => ({ ...c, [linkId]: n }))}
              />
            </>
          )}
          {missing && missing.length > 0 && (
            <p className="notice notice-error" role="alert" data-testid="paper-missing">
              {t("paper.incomplete", { list: missing.map(itemText).join("、") })}
            </p>
          )}
          <div className="survey-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!allChosen}
              data-testid="paper-settle"
              onClick={() => void settle()}
            >
              {t("paper.resolve")}
            </button>
          </div>
        </div>
      )}
      {!form.responseId && mine && !editing && (
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="paper-edit-mine"
          onClick={() => setEditing(true)}
        >
          {t("paper.editMine")}
        </button>
      )}
      {!form.responseId && slot !== null && editing && (
        <div className="paper-keying">
          <h2>{t("paper.keying", { n: slot })}</h2>
          <p className="muted">{t("paper.keyingLead")}</p>
          <QuestionnaireForm questionnaire={questionnaire} response={draft} onChange={setDraft} everyRole />
          <div className="survey-actions">
            {mine && (
              <button type="button" className="btn btn-ghost" onClick={() => show(form)}>
                {t("paper.cancelEdit")}
              </button>
            )}
            <button
              type="button"
              className="btn btn-primary"
              data-testid="paper-save-entry"
              onClick={() => void save()}
            >
              {t("paper.saveEntry")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
