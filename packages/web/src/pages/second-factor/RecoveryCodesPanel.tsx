import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDay, todayIn } from "../../lib/dates.ts";
import { useUser } from "../../state/SessionProvider.tsx";

/** The recovery codes, shown once: to print on A4 or copy, then "I have kept them". */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation("secondFactor");
  const user = useUser();
  const [copied, setCopied] = useState(false);
  const today = formatDay(todayIn("Asia/Tokyo"), i18n.language);

  const copy = async () => {
    try {
      await globalThis.navigator.clipboard.writeText(codes.join("\n"));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section data-testid="recovery-codes">
      <h2>{t("codes.title")}</h2>
      <div className="only-print">
        <p>
          <strong>{t("codes.printTitle")}</strong>
        </p>
        <p>{t("codes.printFor", { name: user.displayName, username: user.username })}</p>
        <p>{t("codes.printedOn", { date: today })}</p>
      </div>
      <p>{t("codes.lead")}</p>
      <p className="notice notice--warn no-print">{t("codes.keep")}</p>
      <ol className="recovery-list">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="recovery-actions no-print">
        <button type="button" className="btn" data-testid="recovery-print" onClick={() => globalThis.print()}>
          {t("codes.print")}
        </button>
        <button type="button" className="btn" data-testid="recovery-copy" onClick={() => void copy()}>
          {t("codes.copy")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="recovery-done" onClick={onDone}>
          {t("codes.done")}
        </button>
      </div>
      {copied && (
        <p className="notice notice--ok no-print" role="status">
          {t("codes.copied")}
        </p>
      )}
    </section>
  );
}
