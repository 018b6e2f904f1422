import { creIsolateSchema, resolveOrganism } from "@mamori/domain/cre";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { FieldError } from "../../api/types.ts";
import { CarbapenemaseTests } from "../../components/cre/CarbapenemaseTests.tsx";
import { CreNav } from "../../components/cre/CreNav.tsx";
import { useCreLang } from "../../components/cre/cre-lang.ts";
import { fieldErrorMap, formatPath } from "../../components/cre/cre-messages.ts";
import { canEnterIsolates } from "../../components/cre/cre-roles.ts";
import {
  emptyIsolateForm,
  fromIsolate,
  type IsolateForm,
  micCellProblem,
  SPECIMENS,
  type SpecimenKind,
  STANDARDS,
  standardKey,
  toIsolateInput,
  zoneCellProblem,
} from "../../components/cre/isolate-form.ts";
import { MicGrid } from "../../components/cre/MicGrid.tsx";
import { OrganismPicker } from "../../components/cre/OrganismPicker.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { newId } from "../../lib/ids.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

/** Field errors of the form as the server names them (`isolate.mic.meropenem`), from the CRE rules' own schema. */
function localProblems(form: IsolateForm): FieldError[] {
  const fields: FieldError[] = [];
  if (form.patientLabel.trim() === "")
    fields.push({ path: "patientLabel", message: "expected the hospital's patient number or initials" });
  else if (form.patientLabel.trim().length > 40)
    fields.push({ path: "patientLabel", message: "at most 40 characters: a patient number or initials" });
  const parsed = creIsolateSchema.safeParse(toIsolateInput(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      fields.push({ path: `isolate.${formatPath(issue.path)}`, message: issue.message });
  }
  return fields;
}

/**
 * The laboratory enters an isolate (or corrects one): patient label, organism from the picker, specimen, the MIC grid
 * with qualifiers, zones and carbapenemase tests. Each cell is checked as it is typed; the whole isolate is checked with
 * the CRE rules' schema before it is sent, and again by the server, whose field errors are shown at their cells.
 */
export function CreIsolatePage({ caseId }: { caseId?: string }) {
  const { t } = useTranslation("cre");
  const lang = useCreLang();
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<IsolateForm>(emptyIsolateForm);
  const [version, setVersion] = useState<number | null>(null);
  const [id] = useState(() => caseId ?? newId());
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [loading, setLoading] = useState(caseId !== undefined);

  useEffect(() => {
    if (caseId === undefined) return;
    let cancelled = false;
    api.cre.case(caseId, lang).then(
      (detail) => {
        if (cancelled) return;
        setForm(fromIsolate(detail.case.isolate, detail.case.patientLabel));
        setVersion(detail.case.version);
        setLoading(false);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, caseId, lang]);

  if (!canEnterIsolates(user)) return <p className="notice">{t("list.notAllowed")}</p>;
  if (loading) return <p className="muted">{t("isolate.saving")}</p>;

  const update = (patch: Partial<IsolateForm>) => {
    setForm((f) => ({ ...f, ...patch }));
  };
  const errors = fieldErrorMap(t, fields);
  const resolved = form.organism.trim() === "" ? null : resolveOrganism(form.organism);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const local = localProblems(form);
    setFields(local);
    const cellsBad =
      Object.values(form.mic).some((c) => micCellProblem(c) !== null) ||
      Object.values(form.zone).some((z) => zoneCellProblem(z) !== null);
    if (local.length > 0 || cellsBad) return;
    setBusy(true);
    try {
      const isolate = toIsolateInput(form);
      const patientLabel = form.patientLabel.trim();
      const saved =
        caseId === undefined
          ? await api.cre.createCase({ id, patientLabel, isolate }, lang)
          : await api.cre.updateCase(caseId, { version: version ?? 0, patientLabel, isolate }, lang);
      navigate(`/cre/${saved.case.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setFields(e.fields);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const setSpecimen = (kind: SpecimenKind) => {
    const spec = SPECIMENS.find((s) => s.kind === kind)!;
    update({ specimenKind: kind, sterileSite: spec.sterile });
  };

  return (
    <div className="cre">
      <h1>{caseId === undefined ? t("isolate.titleNew") : t("isolate.titleEdit")}</h1>
      <CreNav />
      <p className="muted">{t("isolate.lead")}</p>
      <form
        className="cre-isolate-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        data-testid="cre-isolate-form"
      >
        <section className="card cre-isolate-head">
          <label className="field">
            <span className="field-label">{t("isolate.patientLabel")}</span>
            <input
              value={form.patientLabel}
              maxLength={60}
              autoComplete="off"
              aria-invalid={errors.has("patientLabel") ? true : undefined}
              data-testid="cre-patient"
              onChange={(e) => update({ patientLabel: e.target.value })}
            />
            <span className="hint">{t("isolate.patientHint")}</span>
            {errors.get("patientLabel") && <span className="field-error">{errors.get("patientLabel")}</span>}
          </label>
          <OrganismPicker
            value={form.organism}
            onChange={(organism) => update({ organism })}
            error={errors.get("isolate.organism")}
          />
          <div className="cre-specimen">
            <label className="field">
              <span className="field-label">{t("isolate.specimen")}</span>
              <select
                value={form.specimenKind}
                data-testid="cre-specimen"
                onChange={(e) => setSpecimen(e.target.value as SpecimenKind)}
              >
                {SPECIMENS.map((s) => (
                  <option key={s.kind} value={s.kind}>
                    {t(`isolate.specimens.${s.kind}`)}
                  </option>
                ))}
              </select>
            </label>
            {form.specimenKind === "other" && (
              <label className="field">
                <span className="field-label">{t("isolate.specimenOther")}</span>
                <input
                  value={form.specimenOther}
                  data-testid="cre-specimen-other"
                  onChange={(e) => update({ specimenOther: e.target.value })}
                />
                {errors.get("isolate.specimen.type") && (
                  <span className="field-error">{errors.get("isolate.specimen.type")}</span>
                )}
              </label>
            )}
            <label className="field--check cre-check">
              <input
                type="checkbox"
                checked={form.sterileSite}
                data-testid="cre-specimen-sterile"
                onChange={(e) => update({ sterileSite: e.target.checked })}
              />
              {t("isolate.sterile")}
            </label>
          </div>
          <label className="field">
            <span className="field-label">{t("isolate.collected")}</span>
            <input
              type="date"
              value={form.collectedAt}
              data-testid="cre-collected"
              onChange={(e) => update({ collectedAt: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t("isolate.standard")}</span>
            <select
              value={form.standard}
              data-testid="cre-standard"
              onChange={(e) => update({ standard: e.target.value })}
            >
              {STANDARDS.map((s) => (
                <option key={standardKey(s)} value={standardKey(s)}>
                  {standardKey(s)}
                </option>
              ))}
            </select>
          </label>
        </section>
        <section className="card">
          <h2>{t("isolate.micTitle")}</h2>
          <p className="hint">{t("isolate.micHint")}</p>
          <MicGrid
            mic={form.mic}
            zone={form.zone}
            onMic={(drug, cell) => setForm((f) => ({ ...f, mic: { ...f.mic, [drug]: cell } }))}
            onZone={(drug, text) => setForm((f) => ({ ...f, zone: { ...f.zone, [drug]: text } }))}
            serverErrors={errors}
          />
          <p className="hint">* {t("availability.notMarketed")}</p>
        </section>
        <section className="card">
          <h2>{t("isolate.carbapenemaseTitle")}</h2>
          <CarbapenemaseTests
            value={form}
            onChange={update}
            enterobacterales={resolved?.known ? resolved.enterobacterales : true}
            serverErrors={errors}
          />
        </section>
        {fields.length > 0 && (
          <div className="notice notice--error" role="alert" data-testid="cre-isolate-errors">
            <p>{t("isolate.fixErrors")}</p>
          </div>
        )}
        <ErrorNotice error={error} />
        <div className="form-actions">
          <Link href={caseId ? `/cre/${caseId}` : "/cre"} className="btn">
            {t("isolate.cancel")}
          </Link>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cre-isolate-save">
            {busy ? t("isolate.saving") : caseId === undefined ? t("isolate.save") : t("isolate.saveEdit")}
          </button>
        </div>
      </form>
    </div>
  );
}
