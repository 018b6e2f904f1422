import { organismPickerList } from "@mamori/domain/cre";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { CreCaseState } from "../../api/cre.ts";
import { CreNav } from "../../components/cre/CreNav.tsx";
import { CreStateBadges } from "../../components/cre/CreStateBadges.tsx";
import { useCreLang } from "../../components/cre/cre-lang.ts";
import { canEnterIsolates, canReadCre } from "../../components/cre/cre-roles.ts";
import { specimenKindOf } from "../../components/cre/isolate-form.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDay } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

const JA_NAME = new Map(organismPickerList().map((e) => [e.name, e.ja]));

/**
 * The hospital's CRE cases with their state: counts of what is waiting (work-up, notification, survey, the AST's
 * approval) and one line per case. Also the home page of the laboratory and the AST.
 */
export function CreCasesPage() {
  const { t, i18n } = useTranslation("cre");
  const lang = useCreLang();
  const api = useApi();
  const user = useUser();
  const [cases, setCases] = useState<CreCaseState[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const readable = canReadCre(user);

  useEffect(() => {
    if (!readable) return;
    let cancelled = false;
    api.cre.cases(lang).then(
      (list) => !cancelled && setCases(list),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, lang, readable]);

  if (!readable)
    return (
      <div className="cre">
        <h1>{t("title")}</h1>
        <CreNav />
        <p className="notice">{t("list.notAllowed")}</p>
      </div>
    );

  const count = (test: (c: CreCaseState) => boolean) => cases?.filter(test).length ?? 0;
  const counters = [
    { id: "workup", label: t("list.countWorkUp"), n: count((c) => c.workUp.pending) },
    {
      id: "notify",
      label: t("list.countNotify"),
      n: count((c) => c.notification.notifiable === true && !c.notification.notifiedOn),
    },
    { id: "survey", label: t("list.countSurvey"), n: count((c) => c.survey.required) },
    {
      id: "order",
      label: t("list.countOrder"),
      n: count((c) => c.cefiderocol.orderStatus === "awaiting_decision"),
    },
  ];

  return (
    <div className="cre cre-list-page">
      <div className="cre-title">
        <h1>{t("list.title")}</h1>
        <p className="muted">{user.organisation.name}</p>
      </div>
      <CreNav />
      <p className="muted">{t("list.lead")}</p>
      <ErrorNotice error={error} />
      {cases && (
        <ul className="cre-counters" data-testid="cre-counters">
          {counters.map((c) => (
            <li
              key={c.id}
              className={c.n > 0 ? "cre-counter is-on" : "cre-counter"}
              data-testid={`cre-count-${c.id}`}
            >
              <span className="cre-counter-n">{c.n}</span>
              <span className="cre-counter-label">{c.label}</span>
            </li>
          ))}
        </ul>
      )}
      {cases === null && !error && <p className="muted">…</p>}
      {cases?.length === 0 && (
        <div className="notice" data-testid="cre-empty">
          <p>{t("list.empty")}</p>
          {canEnterIsolates(user) && <Link href="/cre/new">{t("nav.newIsolate")}</Link>}
        </div>
      )}
      {cases && cases.length > 0 && (
        <ul className="cre-cases" data-testid="cre-cases">
          {cases.map((c) => {
            const kind = specimenKindOf(c.specimen.type);
            const ja = c.organismName ? JA_NAME.get(c.organismName) : undefined;
            return (
              <li key={c.id} className="cre-case-line" data-testid={`cre-case-row-${c.id}`}>
                <Link href={`/cre/${c.id}`} className="cre-case-link" data-testid={`cre-case-link-${c.id}`}>
                  <span className="cre-case-patient">{c.patientLabel}</span>
                  <span className="cre-case-organism">
                    {lang === "ja" && ja ? ja : <i lang="la">{c.organismName ?? c.organism}</i>}
                    <span className="muted small">
                      {" "}
                      · {kind === "other" ? c.specimen.type : t(`isolate.specimens.${kind}`)} ·{" "}
                      {t("list.reported")} {formatDay(c.reportedOn, i18n.language)}
                    </span>
                  </span>
                  <span className="cre-case-result">
                    <span
                      className={
                        c.cre === true
                          ? "badge cre-badge--alert"
                          : c.cre === false
                            ? "badge"
                            : "badge cre-badge--muted"
                      }
                      data-testid="cre-case-cre"
                      data-value={String(c.cre)}
                    >
                      {c.cre === true
                        ? t("tri.creTrue")
                        : c.cre === false
                          ? t("tri.creFalse")
                          : t("tri.creUndecided")}
                    </span>{" "}
                    <span className="small">{c.mechanism.text}</span>
                  </span>
                  <CreStateBadges state={c} />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
