import { GROUP_TEXT, PERSON_KIND_LABELS } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { diseaseLabel } from "../../alerts/alert-labels.ts";
import type { LineListEntry, LineListResult } from "../../api/surveillance-types.ts";
import { formatDay } from "../../lib/dates.ts";
import { dayMarks, type LineListPrintFloor, lineListByFloor } from "../../surveillance/line-list-view.ts";
import { DayHead, FormFrame } from "../forms/FormFrame.tsx";
import { columnDay, periodText } from "../forms/form-text.ts";

interface Props {
  facility: { name: string; units: readonly { id: string }[] };
  result: LineListResult;
  /** The day it is printed, in the facility's time zone. */
  printedOn: string;
}

/** 部屋, 氏名, 区分, 症状, 発症日, the days, 病名, 受診・診断日 and 終了日. */
const FIXED_COLUMNS = 8;

/**
 * Who is ill now, on paper (A4 landscape): the title, the facility, the day printed and the period at the top of every
 * page; then per floor each case with room, name, kind of person, kind of symptoms, onset, the marks of 付録4③ for
 * each day, the disease and whether it is confirmed, the consultation or diagnosis day, remarks and the day it ended.
 * Always in Japanese, like the manual's forms it sits beside.
 */
export function LineListSheet({ facility, result, printedOn }: Props) {
  const { t, i18n } = useTranslation("surveillance");
  const ja = { lng: "ja" } as const;
  const tAlertsJa = i18n.getFixedT("ja", "alerts");
  const days = result.days;
  const floors = lineListByFloor(
    result.entries,
    facility.units.map((u) => u.id),
  );
  const total = result.entries.length;
  const open = result.entries.filter((e) => e.resolvedDate === null).length;
  const columns = FIXED_COLUMNS + days.length;
  const period = days.length > 0 ? periodText(days[0]!, days[days.length - 1]!, "ja") : "";

  return (
    <FormFrame
      testId="line-list-sheet"
      landscape
      title={t("sheet.title", ja)}
      facilityLine={t("sheet.facility", { ...ja, name: facility.name })}
      period={t("sheet.period", { ...ja, period })}
      aside={
        <span data-testid="line-sheet-printed">
          {t("sheet.printedOn", { ...ja, day: formatDay(printedOn, "ja") })}
        </span>
      }
      footer={<p className="form-legend">{t("lineList.legend", ja)}</p>}
    >
      <p className="line-sheet-total" data-testid="line-sheet-total">
        {t("sheet.total", { ...ja, count: total, open })}
      </p>
      {floors.length === 0 && (
        <p className="form-none" data-testid="line-sheet-empty">
          {t("lineList.empty", ja)}
        </p>
      )}
      {floors.length > 0 && (
        <table className="form-table line-sheet-table" data-testid="line-sheet-table">
          <colgroup>
            <col className="lc-room" />
            <col className="lc-name" />
            <col className="lc-kind" />
            <col className="lc-group" />
            <col className="lc-date" />
            {days.map((day) => (
              <col key={day} className="lc-mark" />
            ))}
            <col className="lc-disease" />
            <col className="lc-date" />
            <col className="lc-date" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t("sheet.room", ja)}</th>
              <th scope="col">{t("sheet.name", ja)}</th>
              <th scope="col">{t("sheet.kind", ja)}</th>
              <th scope="col">{t("sheet.group", ja)}</th>
              <th scope="col">{t("sheet.onset", ja)}</th>
              {days.map((day) => (
                <th key={day} scope="col">
                  <DayHead day={day} />
                </th>
              ))}
              <th scope="col">{t("sheet.disease", ja)}</th>
              <th scope="col">{t("sheet.diagnosed", ja)}</th>
              <th scope="col">{t("sheet.resolved", ja)}</th>
            </tr>
          </thead>
          {floors.map((floor) => (
            <FloorRows key={floor.unitId ?? "none"} floor={floor} columns={columns} tAlertsJa={tAlertsJa} />
          ))}
        </table>
      )}
    </FormFrame>
  );
}

function FloorRows({
  floor,
  columns,
  tAlertsJa,
}: {
  floor: LineListPrintFloor;
  columns: number;
  tAlertsJa: Parameters<typeof diseaseLabel>[0];
}) {
  const { t } = useTranslation("surveillance");
  const ja = { lng: "ja" } as const;
  const testId = `line-sheet-floor-${floor.unitId ?? "none"}`;
  return (
    <tbody className="line-sheet-floor" data-testid={testId}>
      <tr className="line-sheet-floor-head">
        <th scope="colgroup" colSpan={columns} className="form-rowhead">
          {floor.unitName ?? t("lineList.noUnit", ja)}
          <span className="line-sheet-floor-count" data-testid="line-sheet-floor-count">
            {t("sheet.floorCount", { ...ja, count: floor.entries.length, open: floor.open })}
          </span>
        </th>
      </tr>
      {floor.entries.map((entry) => (
        <CaseRow key={entry.key} entry={entry} tAlertsJa={tAlertsJa} />
      ))}
    </tbody>
  );
}

function CaseRow({
  entry,
  tAlertsJa,
}: {
  entry: LineListEntry;
  tAlertsJa: Parameters<typeof diseaseLabel>[0];
}) {
  const { t } = useTranslation("surveillance");
  const ja = { lng: "ja" } as const;
  const subject =
    "group" in entry.subject
      ? GROUP_TEXT[entry.subject.group].name.ja
      : diseaseLabel(tAlertsJa, entry.subject.disease, "ja");
  return (
    <tr data-testid={`line-sheet-row-${entry.person.id}`}>
      <td className="t-center">{entry.room?.name ?? ""}</td>
      <td>{entry.person.name}</td>
      <td className="t-center">{PERSON_KIND_LABELS[entry.person.kind].ja}</td>
      <td>{subject}</td>
      <td className="t-center">{columnDay(entry.onsetDate, "ja")}</td>
      {entry.days.map((day) => (
        <td key={day.date} className="t-mark">
          {dayMarks(day).join("")}
        </td>
      ))}
      <td>
        {entry.disease ? diseaseLabel(tAlertsJa, entry.disease, "ja") : t("lineList.notNamed", ja)}（
        {t(`lineList.status_${entry.status}`, ja)}）
        {entry.remarks && <span className="line-sheet-remarks">{entry.remarks}</span>}
      </td>
      <td className="t-center">{entry.diagnosedDate ? columnDay(entry.diagnosedDate, "ja") : ""}</td>
      <td className="t-center">{entry.resolvedDate ? columnDay(entry.resolvedDate, "ja") : ""}</td>
    </tr>
  );
}
