import { useTranslation } from "react-i18next";

/** "未確認 n人" in large type, green when everyone has been checked. */
export function UncheckedCounter({ unchecked, total }: { unchecked: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div
      className={unchecked === 0 ? "counter counter--done" : "counter"}
      data-testid="unchecked-count"
      data-count={unchecked}
      aria-live="polite"
    >
      <strong>{unchecked === 0 ? t("round.allDone") : t("round.unchecked", { count: unchecked })}</strong>
      <span className="counter-total">{t("round.total", { count: total })}</span>
    </div>
  );
}
