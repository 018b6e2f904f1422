import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { asLang, formatTempC, kindLabel, type Lang, symptomLabel } from "../lib/labels.ts";
import type { RoundRow } from "../round/round-state.ts";
import { FeverBadge } from "./FeverBadge.tsx";
import { KindBadge } from "./KindBadge.tsx";

interface Props {
  row: RoundRow;
  /** Whether this user may record (and the day is not in the future). */
  canRecord: boolean;
  onClear: (row: RoundRow) => void;
  onOpen: (row: RoundRow) => void;
  /** The person's hints of the day (the surveillance rules), shown under the row. */
  hints?: ReactNode;
}

type RoundT = TFunction<"round">;
type MainT = TFunction;

/** Room, name and, for anyone but a long-stay resident, their kind: "101号室 吉田 和子（ショートステイ）". */
export function rowWho(row: RoundRow, lang: Lang, tr: RoundT): string {
  const { person } = row;
  const name =
    person.kind === "resident"
      ? person.name
      : tr("row.kind", { name: person.name, kind: kindLabel(person.kind, lang) });
  return `${person.room ?? tr("row.noRoom")} ${name}`;
}

/**
 * What a screen reader says for a row: who, then the day's state — 未確認, 変わりなし, or the finding (38.4℃ 発熱、嘔吐),
 * and whether it still waits to be sent. The visible room and name come first, so speech control finds the row by them.
 */
export function rowLabel(row: RoundRow, lang: Lang, t: MainT, tr: RoundT): string {
  const parts: string[] = [];
  if (row.status === "unchecked") parts.push(t("round.statusUnchecked"));
  if (row.status === "clear") parts.push(t("round.statusClear"));
  if (row.status === "finding") {
    const fever = [
      row.maxTempC === null ? null : tr("row.temp", { temp: formatTempC(row.maxTempC) }),
      row.temperatureClass === "fever" || row.temperatureClass === "low_grade_fever"
        ? t(`fever.${row.temperatureClass}`)
        : null,
    ].filter((x) => x !== null);
    if (fever.length > 0) parts.push(fever.join(" "));
    for (const code of row.symptoms) parts.push(symptomLabel(code, lang));
  } else if (row.maxTempC !== null) {
    parts.push(tr("row.temp", { temp: formatTempC(row.maxTempC) }));
  }
  if (row.pending) parts.push(t("round.pending"));
  if (row.rejected) parts.push(t("round.rejected"));
  return tr("row.label", { who: rowWho(row, lang, tr), state: parts.join(lang === "ja" ? "、" : ", ") });
}

/**
 * One person of the round: room, name, kind; what the day holds so far; and, while nobody has checked them, a one-tap
 * "変わりなし". Tapping the row opens the entry for temperature and symptoms.
 */
export function PersonRow({ row, canRecord, onClear, onOpen, hints }: Props) {
  const { t, i18n } = useTranslation();
  const { t: tr } = useTranslation("round");
  const lang = asLang(i18n.language);
  const { person, status } = row;

  return (
    <li
      className={`row row--${status}`}
      data-testid={`row-${person.id}`}
      data-person-name={person.name}
      data-status={status}
      data-pending={row.pending ? "true" : "false"}
    >
      <button
        type="button"
        className="row-main"
        data-testid={`open-${person.id}`}
        onClick={() => onOpen(row)}
        aria-label={rowLabel(row, lang, t, tr)}
      >
        <span className="row-room">{person.room ?? "—"}</span>
        <span className="row-who">
          <span className="row-name">{person.name}</span>
          <KindBadge kind={person.kind} />
        </span>
        <span className="row-summary">
          {status === "unchecked" && (
            <span className="state state--unchecked">{t("round.statusUnchecked")}</span>
          )}
          {status === "clear" && (
            <span className="state state--clear">
              <span aria-hidden="true">✓</span> {t("round.statusClear")}
            </span>
          )}
          {row.maxTempC !== null && (
            <span className="row-temp" data-testid={`temp-${person.id}`}>
              {formatTempC(row.maxTempC)}℃
            </span>
          )}
          <FeverBadge temperatureClass={row.temperatureClass} />
          {row.symptoms.map((code) => (
            <span
              key={code}
              className="badge badge--symptom"
              data-testid={`row-symptom-${person.id}-${code}`}
            >
              {symptomLabel(code, lang)}
            </span>
          ))}
          {row.pending && (
            <span className="sync sync--pending" data-testid={`pending-${person.id}`}>
              {t("round.pending")}
            </span>
          )}
          {row.rejected && (
            <span className="sync sync--rejected" data-testid={`rejected-${person.id}`}>
              {t("round.rejected")}
            </span>
          )}
        </span>
      </button>
      {hints}
      {canRecord && status === "unchecked" && (
        <button
          type="button"
          className="btn btn-clear"
          data-testid={`clear-${person.id}`}
          aria-label={tr("row.clearLabel", { who: rowWho(row, lang, tr) })}
          onClick={() => onClear(row)}
        >
          {t("round.clear")}
        </button>
      )}
    </li>
  );
}
