import { useTranslation } from "react-i18next";
import { indexOfPath } from "../../api/errors.ts";
import type { FieldError } from "../../api/types.ts";
import { creMessage } from "./cre-messages.ts";

/**
 * Every bad cell of a refused isolate import, grouped by row: "3件目（ファイルの4行目）— MEPM: …". The server counts
 * data rows from 1 and names the column as the file does (`rows[3].MEPM`).
 */
export function CreImportErrors({ fields }: { fields: readonly FieldError[] }) {
  const { t } = useTranslation("cre");
  const byRow = new Map<number | null, FieldError[]>();
  for (const f of fields) {
    const index = indexOfPath(f.path, "rows");
    byRow.set(index, [...(byRow.get(index) ?? []), f]);
  }
  const ordered = [...byRow.entries()].sort(([a], [b]) => (a ?? -1) - (b ?? -1));
  return (
    <ul className="import-errors" data-testid="cre-import-errors">
      {ordered.map(([index, list]) => (
        <li
          key={index ?? "file"}
          data-testid={index === null ? "cre-import-error-file" : `cre-import-error-row-${index}`}
        >
          <strong>
            {index === null ? t("import.general") : t("import.rowN", { n: index, line: index + 1 })}
          </strong>
          <ul>
            {list.map((f) => {
              const column = f.path.replace(/^rows\[\d+\]\.?/, "");
              return (
                <li key={`${f.path}:${f.message}`}>
                  {column && column !== "header" && column !== "rows" ? `${column}: ` : ""}
                  {creMessage(t, f.message)}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
