import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { OverviewDimension, SurveyOverview } from "../../api/survey.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useApi } from "../../state/ApiContext.tsx";

const ORDER: OverviewDimension[] = [
  "isCre",
  "mechanism",
  "infectionSite",
  "verdict",
  "carbapenemaseTested",
  "consulted",
  "prefecture",
];

/**
 * The survey secretariat's overview: counts and shares of every submitted response by dimension, small cells hidden,
 * and the de-identified downloads. No hospital and no patient appears here.
 */
export function SecretariatOverviewPage() {
  const { t, i18n } = useTranslation("survey");
  const api = useApi();
  const [overview, setOverview] = useState<SurveyOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.survey.overview().then(setOverview, setError);
  }, [api]);
  const label = (value: string) => {
    const key = `secretariat.value.${value}`;
    return i18n.exists(key, { ns: "survey" }) ? t(key as never) : value;
  };
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section className="survey-page">
      <h1>{t("secretariat.title")}</h1>
      <p className="muted">{t("secretariat.lead")}</p>
      <p>
        <Link href="/survey/paper-entry" className="btn" data-testid="to-paper-entry">
          {t("secretariat.paper")}
        </Link>
      </p>
      <ErrorNotice error={error} />
      {overview && (
        <>
          <p data-testid="overview-total">
            {t("secretariat.total", { total: overview.total, cre: overview.creTotal })}
          </p>
          <div className="survey-exports">
            <h2>{t("secretariat.exportTitle")}</h2>
            <p className="muted">{t("secretariat.exportNote")}</p>
            <a className="btn" href="/api/survey/secretariat/export?format=csv" download>
              {t("secretariat.csv")}
            </a>{" "}
            <a className="btn" href="/api/survey/secretariat/export?format=xlsx" download>
              {t("secretariat.xlsx")}
            </a>{" "}
            <a className="btn" href="/api/survey/secretariat/export?format=fhir" download="cre-survey.json">
              {t("secretariat.fhir")}
            </a>
          </div>
          <div className="survey-dimensions">
            {ORDER.map((dim) => (
              <table key={dim} className="survey-table" data-testid={`dim-${dim}`}>
                <caption>{t(`secretariat.dimension.${dim}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col" />
                    <th scope="col">{t("secretariat.count")}</th>
                    <th scope="col">{t("secretariat.share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.dimensions[dim].cells.map((cell) => (
                    <tr key={cell.value} className={cell.suppressed ? "suppressed" : undefined}>
                      <th scope="row">{label(cell.value)}</th>
                      <td>{cell.suppressed ? t("secretariat.suppressed") : cell.count}</td>
                      <td>{cell.proportion === null ? "—" : percent.format(cell.proportion)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
