import { useState } from "react";
import { ApiError } from "../api/errors.ts";
import type { CsvFile } from "../components/CsvFilePicker.tsx";

export type CsvImportOutcome<T> =
  | { kind: "done"; result: T }
  | { kind: "refused"; error: ApiError }
  | { kind: "failed"; error: unknown };

/**
 * The state of an all-or-nothing CSV import: the chosen file, sending, and the outcome — done, refused by the server
 * with its list of bad rows (the statuses in `refusedStatuses`), or failed for another reason.
 *
 * @param prepare adds what the page keeps with a chosen file (e.g. an import id made once per file)
 */
export function useCsvImport<F extends CsvFile, T>(options: {
  prepare: (chosen: CsvFile) => F;
  send: (file: F) => Promise<T>;
  refusedStatuses?: readonly number[];
}) {
  const refused = options.refusedStatuses ?? [400];
  const [file, setFile] = useState<F | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CsvImportOutcome<T> | null>(null);

  const choose = (chosen: CsvFile | null) => {
    setOutcome(null);
    setFile(chosen && options.prepare(chosen));
  };

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: "done", result: await options.send(file) });
    } catch (error) {
      setOutcome(
        error instanceof ApiError && refused.includes(error.status)
          ? { kind: "refused", error }
          : { kind: "failed", error },
      );
    } finally {
      setBusy(false);
    }
  };

  return { file, busy, outcome, choose, submit };
}
