import {
  ALERT_TEXT,
  type PersonAlert,
  type PersonAlertCode,
  renderAlertWhy,
} from "@mamori/domain/surveillance";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay, sourceLine } from "../../alerts/alert-labels.ts";
import { asLang } from "../../lib/labels.ts";
import { Dialog } from "../Dialog.tsx";
import "./alerts.css";

interface Props {
  personId: string;
  personName: string;
  /** The person's hints of the day, most urgent first. */
  hints: readonly PersonAlert[];
}

/**
 * A person's hints of the day in the round, as short badges; a tap shows why each one was raised (the reading, the
 * symptoms, the rule and the manual's page) and what to do, in the manual's words. "Consider", never a diagnosis.
 */
export function PersonHints({ personId, personName, hints }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const [open, setOpen] = useState<PersonAlertCode | null>(null);
  const close = useCallback(() => setOpen(null), []);
  if (hints.length === 0) return null;

  const first = hints.find((hint) => hint.code === open);
  const ordered = first ? [first, ...hints.filter((hint) => hint !== first)] : hints;

  return (
    <div className="person-hints" data-testid={`hints-${personId}`}>
      {hints.map((hint) => (
        <button
          key={hint.code}
          type="button"
          className={`hint-badge hint--${hint.code}`}
          data-testid={`hint-${personId}-${hint.code}`}
          data-code={hint.code}
          aria-label={t("hints.open", { name: personName, label: t(`hints.label.${hint.code}`) })}
          onClick={() => setOpen(hint.code)}
        >
          {t(`hints.label.${hint.code}`)}
        </button>
      ))}
      {open !== null && (
        <Dialog
          title={t("hints.dialogTitle", { name: personName, day: shortDay(hints[0]?.day ?? "", lang) })}
          closeLabel={t("hints.close")}
          onClose={close}
          testId="hint-dialog"
        >
          <p className="notice hint-not-diagnosis">{t("hints.notDiagnosis")}</p>
          {ordered.map((hint) => (
            <section key={hint.code} className="hint-detail" data-testid={`hint-detail-${hint.code}`}>
              <h3>{ALERT_TEXT[hint.code].title[lang]}</h3>
              <dl className="alert-facts">
                <dt>{t("card.why")}</dt>
                <dd data-testid="hint-why">{renderAlertWhy(hint, lang, { personName: () => personName })}</dd>
                <dt>{t("card.next")}</dt>
                <dd data-testid="hint-advice">{ALERT_TEXT[hint.code].advice[lang]}</dd>
                <dt>{t("card.source")}</dt>
                <dd className="alert-source">{sourceLine(t, hint.evidence.source)}</dd>
              </dl>
            </section>
          ))}
        </Dialog>
      )}
    </div>
  );
}

/** Says so when the hints could not be loaded, so that no hint is not read as nothing to notice. */
export function HintsUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation("alerts");
  if (!error) return null;
  return (
    <p className="notice" role="status" data-testid="hints-unavailable">
      {t("hints.unavailable")}
    </p>
  );
}
