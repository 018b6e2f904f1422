import { useTranslation } from "react-i18next";
import { indexOfPath } from "../api/errors.ts";
import type { FieldError } from "../api/types.ts";
import { fieldErrorText } from "../lib/error-text.ts";

/**
 * Every bad row of a refused import, grouped by row: "2件目（ファイルの3行目）— 種別: …". The server counts data rows
 * from 1 (`rows[1]` is the first line under the header), so row i is line i + 1 of the file.
 */
export function ImportErrors({ fields }: { fields: readonly FieldError[] }) {
  const { t, i18n } = useTranslation();
  const byRow = new Map<number | null, FieldError[]>();
  for (const f of fields) {
    const index = indexOfPath(f.path, "rows");
    byRow.set(index, [...(byRow.get(index) ?? []), f]);
  }
  const ordered = [...byRow.entries()].sort(([a], [b]) => (a ?? -1) - (b ?? -1));
  return (
    <ul className="import-errors" data-testid="import-errors">
      {ordered.map(([index, list]) => (
        <li
          key={index ?? "file"}
          data-testid={index === null ? "import-error-file" : `import-error-row-${index}`}
        >
          <strong>
            {index === null ? t("import.general") : t("import.rowN", { n: index, line: index + 1 })}
          </strong>
          <ul>
            {list.map((f) => (
              <li key={`${f.path}:${f.message}`}>{fieldErrorText(t, i18n.language, f)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
