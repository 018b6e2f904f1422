import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { CreCaseDetail } from "../../api/cre.ts";
import { CefiderocolCard } from "../../components/cre/CefiderocolCard.tsx";
import { ClinicalForm } from "../../components/cre/ClinicalForm.tsx";
import { ClinicalSummary } from "../../components/cre/ClinicalSummary.tsx";
import { ConsultationPanel } from "../../components/cre/ConsultationPanel.tsx";
import { useCreLang, useParen } from "../../components/cre/cre-lang.ts";
import { canEnterIsolates, canRecordClinical } from "../../components/cre/cre-roles.ts";
import {
  ClassificationCard,
  MechanismCard,
  NotificationCard,
  SusceptibilityTable,
} from "../../components/cre/EvaluationCards.tsx";
import { specimenKindOf } from "../../components/cre/isolate-form.ts";
import { TreatmentOptions } from "../../components/cre/TreatmentOptions.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDay } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

/**
 * One CRE case for the physician, the laboratory and the AST, readable on A4: the isolate; CRE or not by the
 * notification criteria with the evidence; notification and its day; the mechanism and the next test; S/I/R; the
 * physician's record of infection and 表7 severity; the treatment options in order with dose, rationale and source;
 * cautions; the cefiderocol verdict with its reasons; and the consultations with the AST's decision.
 */
export function CreCasePage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation("cre");
  const paren = useParen();
  const lang = useCreLang();
  const api = useApi();
  const user = useUser();
  const [detail, setDetail] = useState<CreCaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetail(await api.cre.case(caseId, lang));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, caseId, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !detail)
    return (
      <div className="cre">
        <p>
          <Link href="/cre">‹ {t("case.back")}</Link>
        </p>
        <ErrorNotice error={error} onRetry={() => void load()} />
      </div>
    );
  if (!detail) return <p className="muted">…</p>;

  const { case: record, evaluation, timeZone } = detail;
  const kind = specimenKindOf(record.isolate.specimen.type);
  const specimen = kind === "other" ? record.isolate.specimen.type : t(`isolate.specimens.${kind}`);
  const clinical = evaluation.clinical;
  const showForm = canRecordClinical(user) && (clinical === null || editing);

  return (
    <article className="cre cre-case" data-testid="cre-case" data-case-id={record.id}>
      <div className="cre-toolbar no-print">
        <Link href="/cre">‹ {t("case.back")}</Link>
        <span className="cre-toolbar-actions">
          {canEnterIsolates(user) && (
            <Link href={`/cre/${record.id}/isolate`} className="btn btn-small" data-testid="cre-edit-isolate">
              {t("case.editIsolate")}
            </Link>
          )}
          <button
            type="button"
            className="btn btn-small"
            data-testid="cre-print"
            onClick={() => globalThis.print()}
          >
            {t("case.print")}
          </button>
        </span>
      </div>
      <header className="cre-case-head">
        <h1 data-testid="cre-case-title">
          <span className="cre-patient">{record.patientLabel}</span>{" "}
          <span className="cre-organism-name">
            {lang === "ja" ? (evaluation.organism.ja ?? "") : ""}{" "}
            <i lang="la">{evaluation.organism.name ?? evaluation.organism.input}</i>
          </span>
        </h1>
        <dl className="cre-case-facts">
          <div>
            <dt>{t("case.specimen")}</dt>
            <dd>
              {specimen}
              {paren(record.isolate.specimen.sterileSite ? t("case.sterile") : t("case.nonSterile"))}
            </dd>
          </div>
          {record.isolate.collectedAt && (
            <div>
              <dt>{t("case.collectedAt")}</dt>
              <dd>{formatDay(record.isolate.collectedAt.slice(0, 10), i18n.language)}</dd>
            </div>
          )}
          <div>
            <dt>{t("case.reportedOn")}</dt>
            <dd>{formatDay(record.reportedOn, i18n.language)}</dd>
          </div>
        </dl>
      </header>
      <ErrorNotice error={error} />
      <div className="cre-case-grid">
        <div className="cre-col">
          <ClassificationCard evaluation={evaluation} />
          <NotificationCard evaluation={evaluation} caseId={record.id} />
          <MechanismCard evaluation={evaluation} />
          <SusceptibilityTable evaluation={evaluation} />
        </div>
        <div className="cre-col">
          <section className="card cre-card" aria-labelledby="cre-clinical-title">
            <h2 id="cre-clinical-title">{t("case.clinical")}</h2>
            {clinical ? (
              <ClinicalSummary clinical={clinical} record={record} />
            ) : (
              <p className="notice" data-testid="cre-awaiting-physician">
                {t("case.awaitingPhysician")}
              </p>
            )}
            {canRecordClinical(user) && clinical && !editing && (
              <button
                type="button"
                className="btn btn-small no-print"
                data-testid="cre-clinical-edit"
                onClick={() => setEditing(true)}
              >
                {t("clinicalForm.edit")}
              </button>
            )}
            {showForm && (
              <div className="no-print">
                <h3>{t("clinicalForm.title")}</h3>
                <ClinicalForm
                  key={record.version}
                  record={record}
                  onSaved={(saved) => {
                    setDetail(saved);
                    setEditing(false);
                  }}
                  onCancel={clinical ? () => setEditing(false) : undefined}
                />
              </div>
            )}
          </section>
          {clinical && <TreatmentOptions clinical={clinical} />}
          {clinical && <CefiderocolCard clinical={clinical} record={record} timeZone={timeZone} />}
          <ConsultationPanel record={record} timeZone={timeZone} onRecorded={() => void load()} />
        </div>
      </div>
    </article>
  );
}
