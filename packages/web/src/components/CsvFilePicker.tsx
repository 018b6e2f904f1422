import type { ChangeEvent, ReactNode } from "react";
import type { ApiError } from "../api/errors.ts";
import { decodeCsv } from "../lib/csv.ts";

/** A chosen CSV file, decoded (UTF-8 with or without BOM, or Shift_JIS as Excel saves it). */
export type CsvFile = { name: string; csv: string };

/** The file field of an import: gives the chosen file decoded, or null when the choice is cleared. */
export function CsvFilePicker({
  label,
  testId,
  onChoose,
}: {
  label: string;
  testId: string;
  onChoose: (file: CsvFile | null) => void;
}) {
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) {
      onChoose(null);
      return;
    }
    onChoose({ name: chosen.name, csv: decodeCsv(new Uint8Array(await chosen.arrayBuffer())) });
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type="file" accept=".csv,text/csv" data-testid={testId} onChange={(e) => void choose(e)} />
    </label>
  );
}

/** Offers `csv` as a download named `fileName` (an import's template or sample). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An import refused as a whole: `title`, then every bad row (`rows`, given the fields) or the server's reason. */
export function ImportRefused({
  title,
  error,
  rows,
}: {
  title: string;
  error: ApiError;
  rows: (fields: ApiError["fields"]) => ReactNode;
}) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{title}</p>
      {error.fields.length > 0 ? rows(error.fields) : <p>{error.message}</p>}
    </div>
  );
}
