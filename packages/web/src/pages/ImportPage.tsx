import { useTranslation } from "react-i18next";
import { CsvFilePicker, downloadCsv, ImportRefused } from "../components/CsvFilePicker.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { ImportErrors } from "../components/ImportErrors.tsx";
import { SetupNav } from "../components/SetupNav.tsx";
import { countDataLines, templateCsv } from "../lib/csv.ts";
import { canEditPeople } from "../lib/roles.ts";
import { useCsvImport } from "../lib/use-csv-import.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

/** CSV import of residents: a template to download, a file to choose, and every bad row listed when it is refused. */
export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const { file, busy, outcome, choose, submit } = useCsvImport({
    prepare: (chosen) => chosen,
    send: (chosen) => api.importPeople(chosen.csv),
  });

  if (!canEditPeople(user)) return <p className="notice">{t("setup.notAllowed")}</p>;

  const downloadTemplate = () =>
    downloadCsv(templateCsv(facility?.units ?? []), "mamori-residents-template.csv");

  const lines = file ? countDataLines(file.csv) : 0;

  return (
    <div className="setup">
      <h1>{t("setup.title")}</h1>
      <SetupNav />
      <section className="card">
        <h2>{t("setup.import")}</h2>
        <p>{t("import.lead")}</p>
        <p className="muted">{t("import.columns")}</p>
        <p className="muted">{t("import.kinds")}</p>
        <button type="button" className="btn" data-testid="import-template" onClick={downloadTemplate}>
          {t("import.template")}
        </button>
      </section>
      <section className="card">
        <CsvFilePicker label={t("import.choose")} testId="import-file" onChoose={choose} />
        {file && (
          <p data-testid="import-lines">
            {lines === 0 ? t("import.empty") : t("import.rows", { count: lines })}
          </p>
        )}
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-submit"
          disabled={!file || lines === 0 || busy}
          onClick={() => void submit()}
        >
          {busy ? t("import.submitting") : t("import.submit")}
        </button>
      </section>
      {outcome?.kind === "done" && (
        <p className="notice notice--ok" role="status" data-testid="import-done">
          {t("import.done", { count: outcome.result.imported })}
        </p>
      )}
      {outcome?.kind === "refused" && (
        <ImportRefused
          title={t("import.failed")}
          error={outcome.error}
          rows={(fields) => <ImportErrors fields={fields} />}
        />
      )}
      {outcome?.kind === "failed" && <ErrorNotice error={outcome.error} />}
    </div>
  );
}
