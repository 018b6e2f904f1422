import { FORM_COLUMN_LABELS } from "@mamori/domain/forms";
import { useTranslation } from "react-i18next";
import type { WeeklyTrendForm } from "../../api/forms.ts";
import { formatInstant } from "../../lib/dates.ts";
import { DayHead, FormFrame } from "./FormFrame.tsx";
import { periodText, weekOfMonth } from "./form-text.ts";

/**
 * 付録4② 施設全体での傾向把握 as the manual lays it out (p.84): 「年 月 第 週」 and 入所者数 at the top, one row per symptom,
 * seven day columns of 新たな発症者数 and 合計(人). Printed on A4 portrait, always in Japanese like the paper form.
 */
export function WeeklyTrendSheet({ form, printedAt }: { form: WeeklyTrendForm; printedAt: string }) {
  const { t } = useTranslation("forms");
  const ja = { lng: "ja" } as const;
  const week = weekOfMonth(form.weekStart);
  return (
    <FormFrame
      testId="weekly-sheet"
      title={t("weekly.title", ja)}
      facilityLine={t("common.facility", { ...ja, name: form.facility.name })}
      period={periodText(form.days[0]!, form.days[form.days.length - 1]!, "ja")}
      aside={
        <>
          <span>{t("weekly.week", { ...ja, year: week.year, month: week.month, n: week.n })}</span>
          <span data-testid="weekly-residents">
            {t("weekly.residents", { ...ja, count: form.residents })}
          </span>
        </>
      }
      footer={
        <>
          <p>{t("weekly.noteOnset", ja)}</p>
          <p>{t("weekly.noteFever", ja)}</p>
          <p className="form-small">
            {t("common.source", { ...ja, appendix: t("weekly.appendix", ja) })}　
            {t("common.printedAt", { ...ja, at: formatInstant(printedAt, form.facility.timeZone, "ja") })}
          </p>
        </>
      }
    >
      <table className="form-table form-table--weekly">
        <colgroup>
          <col className="fc-symptom" />
          {form.days.map((day) => (
            <col key={day} />
          ))}
          <col className="fc-total" />
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2}>{t("weekly.symptom", ja)}</th>
            {form.days.map((day) => (
              <th key={day}>
                <DayHead day={day} />
              </th>
            ))}
            <th rowSpan={2}>{t("weekly.totalPersons", ja)}</th>
          </tr>
          <tr>
            <th colSpan={form.days.length} className="form-subhead">
              {t("weekly.newOnsets", ja)}
            </th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((row) => (
            <tr key={row.column} data-testid={`weekly-row-${row.column}`}>
              <th scope="row" className="form-rowhead">
                {FORM_COLUMN_LABELS[row.column].ja}
              </th>
              {row.counts.map((n, i) => (
                <td key={form.days[i]} className={`t-num${n > 0 ? " is-some" : ""}`}>
                  {n}
                </td>
              ))}
              <td className="t-num form-total" data-testid={`weekly-total-${row.column}`}>
                {row.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </FormFrame>
  );
}
