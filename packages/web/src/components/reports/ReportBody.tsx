import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { Report, ReportContent } from "../../api/reports.ts";
import type { Lang } from "../../lib/labels.ts";
import { diseaseText, symptomText } from "./report-text.ts";

// The report's printed body (A4): split from the report page, which adds the toolbar, editing and messages.

function Tallies({
  label,
  users,
  staff,
}: {
  label: string;
  users: ReportContent["persons"]["users"];
  staff: ReportContent["persons"]["staff"];
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{users.new}</td>
      <td>{users.cumulative}</td>
      <td>{staff.new}</td>
      <td>{staff.cumulative}</td>
    </tr>
  );
}

/** The report as the offices receive it and as it prints on A4: outline, persons, symptoms, measures, progress. */
export function ReportBody({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useTranslation("reports");
  const c = report.content;
  const ev = report.evidence;
  const count = ev.evidence.count as number | undefined;
  const threshold = ev.evidence.threshold as number | undefined;
  return (
    <>
      <section className="report-section" data-testid="report-evidence">
        <h2>{t("evidence.heading")}</h2>
        <p>
          <strong>{t(`criterion.${report.criterion}`)}</strong>
        </p>
        <p>
          {ev.holds && ev.day
            ? count !== undefined && threshold !== undefined && threshold !== null
              ? t("evidence.holds", { day: shortDay(ev.day, lang), count, threshold })
              : t("evidence.holdsNoCount", { day: shortDay(ev.day, lang) })
            : t("evidence.notHolds")}
        </p>
        <p className="muted">{t("evidence.snapshot")}</p>
      </section>

      <section className="report-section">
        <p>
          {t("outline", {
            type: t(`facilityType.${c.facility.type as "elderly_care"}`, { defaultValue: c.facility.type }),
            users: c.facility.users,
            staff: c.facility.staff,
          })}
        </p>
      </section>

      <section className="report-section" data-testid="report-numbers">
        <h2>{t("numbers.heading")}</h2>
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th rowSpan={2}>{t("numbers.floor")}</th>
                <th colSpan={2}>{t("numbers.users")}</th>
                <th colSpan={2}>{t("numbers.staff")}</th>
              </tr>
              <tr>
                <th>{t("numbers.new")}</th>
                <th>{t("numbers.cumulative")}</th>
                <th>{t("numbers.new")}</th>
                <th>{t("numbers.cumulative")}</th>
              </tr>
            </thead>
            <tbody>
              {c.byFloor.map((f) => (
                <Tallies
                  key={f.unitId ?? "none"}
                  label={f.name ?? t("numbers.noFloor")}
                  users={f.users}
                  staff={f.staff}
                />
              ))}
            </tbody>
            <tfoot>
              <Tallies label={t("numbers.total")} users={c.persons.users} staff={c.persons.staff} />
            </tfoot>
          </table>
        </div>
        <dl className="report-facts">
          <dt>{t("numbers.total")}</dt>
          <dd data-testid="report-total">
            {t("numbers.new")} {t("numbers.persons", { count: c.persons.total.new })}・
            {t("numbers.cumulative")} {t("numbers.persons", { count: c.persons.total.cumulative })}
          </dd>
          <dt>{t("numbers.firstOnset")}</dt>
          <dd>{c.firstOnset ? shortDay(c.firstOnset, lang) : "—"}</dd>
          <dt>{t("numbers.hospitalised")}</dt>
          <dd data-testid="report-hospitalised">{t("numbers.persons", { count: c.hospitalised })}</dd>
          <dt>{t("numbers.deaths")}</dt>
          <dd data-testid="report-deaths">{t("numbers.persons", { count: c.deaths })}</dd>
        </dl>
      </section>

      <section className="report-section">
        <h2>{t("symptoms")}</h2>
        {c.symptoms.length === 0 ? (
          <p className="muted">{t("noSymptoms")}</p>
        ) : (
          <p data-testid="report-symptoms">
            {c.symptoms
              .map((s) => `${symptomText(s.code, lang)} ${t("numbers.persons", { count: s.persons })}`)
              .join("、")}
          </p>
        )}
        <h2>{t("diagnoses")}</h2>
        {c.diagnoses.length === 0 ? (
          <p className="muted">{t("noDiagnoses")}</p>
        ) : (
          <p>
            {c.diagnoses
              .map((d) => `${diseaseText(d.disease, lang)} ${t("numbers.persons", { count: d.persons })}`)
              .join("、")}
          </p>
        )}
        {c.tests && (
          <>
            <h3>{t("tests")}</h3>
            <p className="report-text">{c.tests}</p>
          </>
        )}
      </section>

      <section className="report-section">
        <h2>{t("measures")}</h2>
        {c.measures.length === 0 ? (
          <p className="muted">{t("noMeasures")}</p>
        ) : (
          <ul className="report-measures" data-testid="report-measures">
            {c.measures.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once; the same day and text may repeat
              <li key={`${m.day}-${i}`}>
                <span className="report-day">{shortDay(m.day, lang)}</span> {m.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="report-section">
        <h2>{t("specimens.heading")}</h2>
        <p data-testid="report-specimens">
          {c.specimens.kept
            ? `${t("specimens.kept")}（${c.specimens.kinds.map((k) => t(`specimens.kinds.${k}`)).join("・")}）`
            : t("specimens.notKept")}
          {c.specimens.note && ` ${c.specimens.note}`}
        </p>
        <h2>{t("contact.heading")}</h2>
        <p data-testid="report-contact">
          {c.contact.name || "—"}
          {c.contact.phone && `（${c.contact.phone}）`}
        </p>
        {c.remarks && (
          <>
            <h2>{t("remarks")}</h2>
            <p className="report-text" data-testid="report-remarks">
              {c.remarks}
            </p>
          </>
        )}
      </section>

      <section className="report-section report-progress">
        <h2>{t("progress.heading")}</h2>
        <div className="report-table-wrap">
          <table className="report-table" data-testid="report-progress">
            <thead>
              <tr>
                <th>{t("progress.day")}</th>
                <th>{t("progress.newUsers")}</th>
                <th>{t("progress.newStaff")}</th>
                <th>{t("progress.cumulative")}</th>
                <th>{t("progress.ill")}</th>
                <th>{t("progress.hospitalised")}</th>
                <th>{t("progress.deaths")}</th>
              </tr>
            </thead>
            <tbody>
              {c.progress.map((p) => (
                <tr key={p.day}>
                  <th scope="row">{shortDay(p.day, lang)}</th>
                  <td>{p.newUsers}</td>
                  <td>{p.newStaff}</td>
                  <td>{p.cumulative}</td>
                  <td>{p.ill}</td>
                  <td>{p.hospitalised}</td>
                  <td>{p.deaths}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
