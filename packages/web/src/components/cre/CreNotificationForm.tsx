import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationFormContent } from "../../api/cre-notifications.ts";
import { formatDay } from "../../lib/dates.ts";
import { specimenKindOf } from "./isolate-form.ts";

/**
 * The CRE 発生届 (感染症法 第12条第1項; 5類全数, within 7 days of diagnosis) on one A4 page: the hospital and physician,
 * the organism, specimen, the resistance that meets the notification criteria with its values, the carbapenemase
 * found, the site of infection, the days of specimen, diagnosis and the deadline. What Mamori does not hold (the
 * patient's name, sex, age, address) is left for the hospital's own record, said so on the form. The same form shows a
 * live case and one as it was sent.
 */
export function CreNotificationForm(props: {
  content: NotificationFormContent;
  hospitalName: string;
  /** Null: written by hand. */
  physicianName: string | null;
  /** The health centre it is addressed to; null leaves the blank to write on. */
  healthCentreName: string | null;
  /** Above the title, not printed (back link, print button, sending). */
  toolbar?: ReactNode;
}) {
  const { content, hospitalName, physicianName, healthCentreName, toolbar } = props;
  const { t, i18n } = useTranslation("notify");
  const { t: tCre } = useTranslation("cre");
  const { case: record, evaluation } = content;
  const n = evaluation.notification;
  const kind = specimenKindOf(record.isolate.specimen.type);
  const specimen = kind === "other" ? record.isolate.specimen.type : tCre(`isolate.specimens.${kind}`);
  const day = (value: string | null | undefined) => (value ? formatDay(value, i18n.language) : "");
  const deciding = evaluation.cre.checks.filter((c) => c.result === true);
  const enzymes = evaluation.mechanism.enzymes.map((e) => e.text).join("、");
  const clinical = evaluation.clinical;
  const ja = i18n.language !== "en";

  return (
    <article className="cre notify-form" data-testid="cre-notification-form">
      {toolbar}
      <h1 className="notify-form-title">{t("creForm.title")}</h1>
      <p className="notify-form-to">
        {healthCentreName ? t("creForm.to", { name: healthCentreName }) : t("creForm.toBlank")}
      </p>
      <p>{t("creForm.law")}</p>
      <table className="notify-form-table">
        <tbody>
          <tr>
            <th scope="row">{t("creForm.notifiedOn")}</th>
            <td data-testid="notify-form-notified">
              {n.notifiedOn ? day(n.notifiedOn) : t("creForm.handwrite")}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.hospital")}</th>
            <td>{hospitalName}</td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.physician")}</th>
            <td>{physicianName ?? t("creForm.handwrite")}</td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.disease")}</th>
            <td>
              {t("creForm.diseaseName")}
              <div className="small">{t("creForm.category")}</div>
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.patient")}</th>
            <td>
              {record.patientLabel}
              <div className="small muted">{t("creForm.patientNote")}</div>
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.organism")}</th>
            <td data-testid="notify-form-organism">
              {ja ? `${evaluation.organism.ja ?? ""} ` : ""}
              <i lang="la">{evaluation.organism.name ?? evaluation.organism.input}</i>
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.specimen")}</th>
            <td>{specimen}</td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.method")}</th>
            <td data-testid="notify-form-method">
              {evaluation.cre.criterionText ?? t("creForm.criterionNone")}
              <ul className="notify-form-checks">
                {deciding.map((c) => (
                  <li key={`${c.drug}-${c.method}`}>{c.text}</li>
                ))}
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.enzymes")}</th>
            <td>{enzymes || t("creForm.enzymesNone")}</td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.infection")}</th>
            <td>
              {clinical
                ? `${clinical.site.text}${clinical.urinaryType ? `（${clinical.urinaryType.text}）` : ""}`
                : t("creForm.handwrite")}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.collectedOn")}</th>
            <td>{day(record.isolate.collectedAt?.slice(0, 10))}</td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.diagnosedOn")}</th>
            <td data-testid="notify-form-diagnosed">
              {record.diagnosedOn ? day(record.diagnosedOn) : t("creForm.notDiagnosed")}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("creForm.dueDate")}</th>
            <td data-testid="notify-form-due">{day(n.dueDate)}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
