import { useTranslation } from "react-i18next";
import type { PhysicianReportForm, PhysicianReportLine, PhysicianReportTallyRow } from "../../api/forms.ts";
import { formatInstant } from "../../lib/dates.ts";
import { DayHead, FormFrame } from "./FormFrame.tsx";
import { belongsParts, columnDay, periodText } from "./form-text.ts";

/** Blank lines below the names, as on the paper form, for someone added by hand. */
const BLANK_LINES = 2;

/**
 * 付録4③ 医師への報告用紙 as the manual lays it out (p.85): the 発症者状況一覧表 (所属, 氏名, a mark per day, 受診・診断日,
 * 備考), the 【記号の例】 legend, and the 新規発症者 集計表 by floor, 併設サービス and 職員 with 合計. Printed on A4 landscape,
 * always in Japanese like the paper form.
 */
export function PhysicianReportSheet({ form, printedAt }: { form: PhysicianReportForm; printedAt: string }) {
  const { t } = useTranslation("forms");
  const ja = { lng: "ja" } as const;
  const days = form.days;

  const belongs = (line: PhysicianReportLine) => {
    const p = belongsParts(line);
    if (p.key === "section") return t(`physician.sections.${line.section}`, ja);
    return t(`physician.${p.key}`, { ...ja, unit: p.unit, room: p.room });
  };
  const tallyLabel = (row: PhysicianReportTallyRow) =>
    row.kind === "unit" ? (row.unitName ?? "") : t(`physician.tallyRows.${row.kind}`, ja);
  const persons = (n: number) => t("common.persons", { ...ja, count: n });

  return (
    <FormFrame
      testId="physician-sheet"
      landscape
      title={t("physician.title", ja)}
      facilityLine={t("common.facility", { ...ja, name: form.facility.name })}
      period={periodText(days[0]!, days[days.length - 1]!, "ja")}
      footer={
        <p className="form-small">
          {t("common.source", { ...ja, appendix: t("physician.appendix", ja) })}　
          {t("common.printedAt", { ...ja, at: formatInstant(printedAt, form.facility.timeZone, "ja") })}
        </p>
      }
    >
      <h2 className="form-section-title">＜{t("physician.listTitle", ja)}＞</h2>
      <table className="form-table form-table--lines" data-testid="physician-lines">
        <colgroup>
          <col className="fc-belongs" />
          <col className="fc-name" />
          {days.map((day) => (
            <col key={day} className="fc-mark" />
          ))}
          <col className="fc-date" />
          <col className="fc-remarks" />
        </colgroup>
        <thead>
          <tr>
            <th>{t("physician.belongs", ja)}</th>
            <th>{t("physician.name", ja)}</th>
            {days.map((day) => (
              <th key={day}>
                <DayHead day={day} />
              </th>
            ))}
            <th>{t("physician.consultation", ja)}</th>
            <th>{t("physician.remarks", ja)}</th>
          </tr>
        </thead>
        <tbody>
          {form.lines.map((line) => (
            <tr key={line.personId} data-testid={`physician-line-${line.personId}`}>
              <td>{belongs(line)}</td>
              <td>{line.name}</td>
              {line.marks.map((mark, i) => (
                <td key={days[i]} className="t-mark">
                  {mark}
                </td>
              ))}
              <td className="t-center">
                {line.consultationDate ? columnDay(line.consultationDate, "ja") : ""}
              </td>
              <td>{line.remarks}</td>
            </tr>
          ))}
          {form.lines.length === 0 && (
            <tr>
              <td colSpan={days.length + 4} className="form-none">
                {t("physician.none", ja)}
              </td>
            </tr>
          )}
          {Array.from({ length: BLANK_LINES }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blank lines have nothing else to tell them apart.
            <tr key={`blank-${i}`} className="blank">
              <td />
              <td />
              {days.map((day) => (
                <td key={day} />
              ))}
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-legend">{t("physician.legend", ja)}</p>

      <section className="form-tally">
        <h2 className="form-section-title">＜{t("physician.tallyTitle", ja)}＞</h2>
        <table className="form-table form-table--tally" data-testid="physician-tally">
          <colgroup>
            <col className="fc-tally-head" />
            {days.map((day) => (
              <col key={day} />
            ))}
            <col className="fc-total" />
          </colgroup>
          <thead>
            <tr>
              <th />
              {days.map((day) => (
                <th key={day}>
                  <DayHead day={day} />
                </th>
              ))}
              <th>{t("common.total", ja)}</th>
            </tr>
          </thead>
          <tbody>
            {form.tally.map((row) => (
              <tr
                key={row.row}
                data-testid={`tally-${row.kind === "unit" ? (row.unitName ?? row.row) : row.kind}`}
              >
                <th scope="row" className="form-rowhead">
                  {tallyLabel(row)}
                </th>
                {row.counts.map((n, i) => (
                  <td key={days[i]} className={`t-num${n > 0 ? " is-some" : ""}`}>
                    {persons(n)}
                  </td>
                ))}
                <td className="t-num form-total" data-testid="tally-total">
                  {persons(row.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="form-small">{t("physician.noteTally", ja)}</p>
      </section>
    </FormFrame>
  );
}
