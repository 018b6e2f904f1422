import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { CsvFilePicker, downloadCsv, ImportRefused } from "../../components/CsvFilePicker.tsx";
import { CreImportErrors } from "../../components/cre/CreImportErrors.tsx";
import { CreNav } from "../../components/cre/CreNav.tsx";
import { canEnterIsolates } from "../../components/cre/cre-roles.ts";
import { STANDARDS, standardKey } from "../../components/cre/isolate-form.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { countDataLines } from "../../lib/csv.ts";
import { newId } from "../../lib/ids.ts";
import { useCsvImport } from "../../lib/use-csv-import.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

/** A sample export in the format of docs/api.md ("CSV of isolates"), with a BOM so Excel opens it as UTF-8. */
export const CRE_TEMPLATE_CSV = `\uFEFF${[
  "patient,organism,specimen,collected,MEPM,IPM,CMZ,LVFX,ST,AMK,mcim_zone_mm,ecim_zone_mm,ic_kit,ic_detected",
  "0012-3456,Klebsiella pneumoniae,blood,2026/1/15,4,2,>32,≤0.12,≤20,≤4,6,17,NG-Test CARBA 5,IMP",
  "0012-7788,Enterobacter cloacae,urine,2026/1/16,2,4,≥64,≤0.25,≤20,≤4,22,,,",
].join("\r\n")}\r\n`;

/**
 * The laboratory imports isolates from its system's CSV export, all or nothing, with every bad row listed. The import
 * id is made once per chosen file, so sending the same file again after a lost answer adds nothing.
 */
export function CreImportPage() {
  const { t } = useTranslation("cre");
  const api = useApi();
  const user = useUser();
  const [standard, setStandard] = useState(standardKey(STANDARDS[0]!));
  const { file, busy, outcome, choose, submit } = useCsvImport({
    prepare: (chosen) => ({ ...chosen, importId: newId() }),
    send: (chosen) => {
      const [body, edition] = standard.split(" ") as ["CLSI" | "EUCAST", string];
      return api.cre.importIsolates(chosen.csv, { importId: chosen.importId, standard: body, edition });
    },
    refusedStatuses: [400, 409],
  });

  if (!canEnterIsolates(user)) return <p className="notice">{t("list.notAllowed")}</p>;

  const downloadTemplate = () => downloadCsv(CRE_TEMPLATE_CSV, "mamori-cre-isolates-sample.csv");

  const lines = file ? countDataLines(file.csv) : 0;
  return (
    <div className="cre">
      <h1>{t("import.title")}</h1>
      <CreNav />
      <section className="card">
        <p>{t("import.lead")}</p>
        <p className="muted">{t("import.columns")}</p>
        <button type="button" className="btn" data-testid="cre-import-template" onClick={downloadTemplate}>
          {t("import.template")}
        </button>
      </section>
      <section className="card">
        <CsvFilePicker label={t("import.choose")} testId="cre-import-file" onChoose={choose} />
        {file && <p data-testid="cre-import-lines">{t("import.rows", { count: lines })}</p>}
        <label className="field">
          <span className="field-label">{t("isolate.standard")}</span>
          <select
            value={standard}
            data-testid="cre-import-standard"
            onChange={(e) => setStandard(e.target.value)}
          >
            {STANDARDS.map((s) => (
              <option key={standardKey(s)} value={standardKey(s)}>
                {standardKey(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="cre-import-submit"
          disabled={!file || lines === 0 || busy}
          onClick={() => void submit()}
        >
          {busy ? t("import.submitting") : t("import.submit")}
        </button>
      </section>
      {outcome?.kind === "done" && (
        <div className="notice notice--ok" role="status" data-testid="cre-import-done">
          <p>
            {t("import.done", { imported: outcome.result.imported, duplicates: outcome.result.duplicates })}{" "}
            <Link href="/cre">{t("nav.list")}</Link>
          </p>
          {outcome.result.ignoredColumns.length > 0 && (
            <p className="small" data-testid="cre-import-ignored">
              {t("import.ignored", { columns: outcome.result.ignoredColumns.join(", ") })}
            </p>
          )}
        </div>
      )}
      {outcome?.kind === "refused" && (
        <ImportRefused
          title={t("import.failed")}
          error={outcome.error}
          rows={(fields) => <CreImportErrors fields={fields} />}
        />
      )}
      {outcome?.kind === "failed" && <ErrorNotice error={outcome.error} />}
    </div>
  );
}
