import { PERSON_KIND_LABELS } from "@mamori/domain/surveillance";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDay, formatInstant } from "../lib/dates.ts";
import { REPORT_COLUMNS, type ReportColumn, type ReportLine } from "../round/daily-report.ts";

interface Props {
  facilityName: string;
  unitName: string;
  day: string;
  lines: readonly ReportLine[];
  timeZone: string;
  printedAt: string;
}

const COLUMN_KEYS: Record<ReportColumn, ParseKeys> = {
  vomiting: "print.colVomiting",
  diarrhea: "print.colDiarrhea",
  cough: "print.colCough",
  throat: "print.colThroat",
  rash: "print.colRash",
  other: "print.colOther",
};

/** Blank lines kept below the names, as on the paper form, for someone added by hand. */
const MIN_BLANK_LINES = 3;
const MIN_LINES = 20;
/** 部屋, 氏名, 発熱, the six symptom columns, 備考 and 確認印. */
const COLUMN_COUNT = 3 + REPORT_COLUMNS.length + 2;

/**
 * The 健康調査日報 of 付録4① for one unit and day, laid out as the manual's form on A4: the title, the date, 記入者,
 * one line per person, the 確認印 column left empty for the stamp, and the form's two footnotes quoted with the
 * facility's own fever rule beside them. Title, date and unit repeat on every printed page. The paper is always in
 * Japanese, like the form it replaces.
 */
export function DailyReportSheet({ facilityName, unitName, day, lines, timeZone, printedAt }: Props) {
  const { t } = useTranslation();
  const { t: tRound } = useTranslation("round");
  const ja = (key: ParseKeys, options?: Record<string, unknown>) => t(key, { lng: "ja", ...options });
  const jr = (key: ParseKeys<"round">) => tRound(key, { lng: "ja" });
  const blanks = Math.max(MIN_BLANK_LINES, MIN_LINES - lines.length);

  return (
    <article className="sheet" data-testid="daily-report" lang="ja">
      <table className="sheet-table">
        <colgroup>
          <col className="c-room" />
          <col className="c-name" />
          <col className="c-fever" />
          {REPORT_COLUMNS.map((c) => (
            <col key={c} className={`c-${c}`} />
          ))}
          <col className="c-remarks" />
          <col className="c-stamp" />
        </colgroup>
        <thead>
          {/* In the table's head, so that a printer repeats the title, the date and the unit on every page. */}
          <tr className="sheet-head-row">
            <td colSpan={COLUMN_COUNT} className="sheet-head" data-testid="report-head">
              <h1 className="sheet-title">{ja("print.title")}</h1>
              <div className="sheet-meta">
                <div>
                  <span className="sheet-facility">{facilityName}</span>
                  <span className="sheet-unit" data-testid="report-unit">
                    {ja("print.unit")}：{unitName}
                  </span>
                </div>
                <div className="sheet-date" data-testid="report-date">
                  {formatDay(day, "ja")}
                </div>
              </div>
              <div className="sheet-writer">{ja("print.writer")}</div>
            </td>
          </tr>
          <tr>
            <th scope="col">{ja("print.colRoom")}</th>
            <th scope="col">{ja("print.colName")}</th>
            <th scope="col">{ja("print.colFever")}</th>
            {REPORT_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {ja(COLUMN_KEYS[c])}
              </th>
            ))}
            <th scope="col">{jr("print.remarks")}</th>
            <th scope="col" data-testid="report-stamp-head">
              {jr("print.stamp")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.personId} data-testid={`report-row-${line.personId}`}>
              <td className="t-center">{line.room}</td>
              <td>
                {line.name}
                {line.kind !== "resident" && (
                  <span className="sheet-kind">{PERSON_KIND_LABELS[line.kind].ja}</span>
                )}
              </td>
              <td className="t-center">
                {line.temperature}
                {line.temperatureClass === "fever" && (
                  <span className="mark mark--fever">{ja("fever.fever")}</span>
                )}
                {line.temperatureClass === "low_grade_fever" && (
                  <span className="mark mark--low">{ja("fever.low_grade_fever")}</span>
                )}
              </td>
              {REPORT_COLUMNS.map((c) => (
                <td key={c} className="t-center">
                  {line.cells[c].join("・")}
                </td>
              ))}
              <td>
                {line.status === "unchecked" && (
                  <span className="sheet-unchecked">{ja("print.unchecked")}</span>
                )}
                {line.status === "clear" && line.notes.length === 0 && ja("print.clear")}
                {line.notes.join("／")}
              </td>
              {/* Left empty for the stamp of whoever checks the sheet. */}
              <td className="stamp" data-testid="report-stamp" />
            </tr>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blank lines have nothing else to tell them apart.
            <tr key={`blank-${i}`} className="blank">
              {Array.from({ length: COLUMN_COUNT }, (_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a blank line are only positions.
                <td key={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="sheet-foot">
        <div className="sheet-notes" data-testid="report-form-note">
          <p className="sheet-note-label">{jr("print.formNote")}</p>
          <p>{ja("print.noteFever")}</p>
          <p>{ja("print.noteGi")}</p>
        </div>
        <p className="sheet-rule" data-testid="report-rule">
          {jr("print.rule")}
        </p>
        <p className="sheet-small">
          {ja("print.source")}　{ja("print.printedAt", { at: formatInstant(printedAt, timeZone, "ja") })}
        </p>
      </footer>
    </article>
  );
}
