import type { Tri } from "@mamori/domain/cre";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { CreEvaluation } from "../../api/cre.ts";
import { formatDay } from "../../lib/dates.ts";
import { useParen, useSourceText } from "./cre-lang.ts";

const triClass = (value: Tri, positive = "cre-flag--alert") =>
  value === true ? positive : value === false ? "cre-flag--ok" : "cre-flag--undecided";
const triKey = (value: Tri) => (value === true ? "True" : value === false ? "False" : "Undecided");
const mark = (value: Tri) => (value === true ? "✓" : value === false ? "✗" : "?");

/** CRE or not by the notification criteria, which criterion, and each comparison with the reported value. */
export function ClassificationCard({ evaluation }: { evaluation: CreEvaluation }) {
  const { t } = useTranslation("cre");
  const { cre, cpeScreen } = evaluation;
  return (
    <section className="card cre-card" aria-labelledby="cre-classification-title">
      <h2 id="cre-classification-title">{t("case.classification")}</h2>
      <p
        className={`cre-flag ${triClass(cre.value)}`}
        data-testid="cre-classification"
        data-value={String(cre.value)}
      >
        {t(`tri.cre${triKey(cre.value)}`)}
      </p>
      {cre.criterionText && (
        <p data-testid="cre-criterion">
          <strong>{t("case.criterion")}:</strong> {cre.criterionText}
        </p>
      )}
      <p className="cre-label">{t("case.evidence")}</p>
      <ul className="cre-checks" data-testid="cre-evidence">
        {cre.checks.map((c) => (
          <li key={`${c.drug}-${c.method}`} data-result={String(c.result)}>
            <span className={`cre-mark ${triClass(c.result)}`} aria-hidden="true">
              {mark(c.result)}
            </span>{" "}
            {c.text}
          </li>
        ))}
      </ul>
      {cre.missing.length > 0 && (
        <p className="muted">{t("case.missing", { drugs: cre.missing.map((d) => d.name).join("、") })}</p>
      )}
      <p className="cre-screen" data-testid="cre-cpe-screen" data-value={String(cpeScreen.positive)}>
        <strong>{t(`tri.screen${triKey(cpeScreen.positive)}`)}</strong>: {cpeScreen.reason}
      </p>
    </section>
  );
}

/** Whether the case is notified (infection, not carriage), and by which day: 7 days from the diagnosis. */
export function NotificationCard({ evaluation, caseId }: { evaluation: CreEvaluation; caseId: string }) {
  const { t, i18n } = useTranslation("cre");
  const { t: tNotify } = useTranslation("notify");
  const sourceText = useSourceText();
  const n = evaluation.notification;
  return (
    <section className="card cre-card" aria-labelledby="cre-notification-title">
      <h2 id="cre-notification-title">{t("case.notification")}</h2>
      <p
        className={`cre-flag ${triClass(n.notifiable, "cre-flag--warn")}`}
        data-testid="cre-notification"
        data-notifiable={String(n.notifiable)}
      >
        {t(`tri.notifiable${triKey(n.notifiable)}`)}
      </p>
      <p>{n.reasonText}</p>
      {n.dueDate && (
        <dl className="facts">
          <dt>{t("case.dueDate")}</dt>
          <dd data-testid="cre-notification-due" data-date={n.dueDate} data-basis={n.dueDateBasis ?? ""}>
            {n.dueDateBasis === "report"
              ? t("case.dueByReport", { date: formatDay(n.dueDate, i18n.language) })
              : formatDay(n.dueDate, i18n.language)}
            {n.overdue && <span className="badge cre-badge--alert"> {t("case.overdue")}</span>}
          </dd>
          <dt>{t("case.notifiedOn")}</dt>
          <dd data-testid="cre-notified-on">
            {n.notifiedOn ? formatDay(n.notifiedOn, i18n.language) : t("case.notNotified")}
          </dd>
        </dl>
      )}
      {n.notifiable !== false && (
        <p className="no-print">
          <Link
            href={`/cre/${caseId}/notification`}
            className="btn btn-small"
            data-testid="cre-notification-form-link"
          >
            {tNotify("creForm.open")}
          </Link>
        </p>
      )}
      <p className="cre-source">
        {t("case.source")}: {sourceText(n.source)}
      </p>
    </section>
  );
}

/** The carbapenemase category, the enzymes found, and the next test of the laboratory path (図1). */
export function MechanismCard({ evaluation }: { evaluation: CreEvaluation }) {
  const { t } = useTranslation("cre");
  const sourceText = useSourceText();
  const m = evaluation.mechanism;
  return (
    <section className="card cre-card" aria-labelledby="cre-mechanism-title">
      <h2 id="cre-mechanism-title">{t("case.mechanism")}</h2>
      <p className="cre-flag cre-flag--info" data-testid="cre-mechanism" data-category={m.category}>
        {m.text}
      </p>
      {m.enzymes.length > 0 && (
        <p>
          <strong>{t("case.enzymes")}:</strong> {m.enzymes.map((e) => e.text).join("、")}
        </p>
      )}
      <div data-testid="cre-next-tests" data-count={m.nextTests.length}>
        {m.nextTests.length > 0 ? (
          <p className="notice cre-next">
            <strong>{t("case.nextTests")}:</strong> {m.nextTests.map((x) => x.text).join(" / ")}
          </p>
        ) : (
          <p className="muted">{t("case.noNextTest")}</p>
        )}
      </div>
      {m.notes.length > 0 && (
        <ul className="cre-notes">
          {m.notes.map((note) => (
            <li key={note.code}>{note.text}</li>
          ))}
        </ul>
      )}
      <p className="cre-source">
        {t("case.source")}: {sourceText(m.source)}
      </p>
    </section>
  );
}

/** S/I/R of each reported drug, read from the case's standard and edition. */
export function SusceptibilityTable({ evaluation }: { evaluation: CreEvaluation }) {
  const { t } = useTranslation("cre");
  const paren = useParen();
  return (
    <section className="card cre-card cre-sir-card" aria-labelledby="cre-susceptibility-title">
      <h2 id="cre-susceptibility-title">
        {t("case.susceptibility")} <span className="muted small">({evaluation.standard})</span>
      </h2>
      <table className="table cre-sir" data-testid="cre-susceptibility">
        <thead>
          <tr>
            <th scope="col">{t("case.drug")}</th>
            <th scope="col">{t("case.value")}</th>
            <th scope="col">{t("case.category")}</th>
            <th scope="col">{t("case.breakpoint")}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.susceptibility.map((s) => (
            <tr key={s.key} data-testid={`cre-sir-${s.key}`} data-category={s.category}>
              <th scope="row">{s.name}</th>
              <td>
                {s.value}
                {s.method === "disk" ? " mm" : ""}
              </td>
              <td className={`cre-sir--${s.category}`}>
                {s.categoryText}
                {s.bracketed && (
                  <span className="small muted" data-testid={`cre-sir-${s.key}-bracketed`}>
                    {paren(t("case.bracketed"))}
                  </span>
                )}
              </td>
              <td className="small">{s.breakpoint ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
