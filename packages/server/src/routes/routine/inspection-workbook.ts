import type { RecordType } from "@mamori/contract/routine";
import ExcelJS from "exceljs";
import type { PresentedRecord } from "./routine-store.ts";

/** Japanese names of the record types, as an inspector reads them (sheet titles). */
export const RECORD_TYPE_TITLES: Record<RecordType, string> = {
  committee_meeting: "感染対策委員会 議事録",
  guideline_version: "感染対策指針・マニュアルの改訂",
  training: "職員研修の記録",
  staff_hire: "職員の採用日",
  staff_immunity: "職員の既往・予防接種・抗体価",
  staff_health_check: "職員の定期健康診断",
  vaccination: "予防接種の記録",
  occupational_exposure: "針刺し・血液体液曝露の記録",
  humidifier_log: "加湿器の管理記録",
  bath_check: "浴槽水の管理記録（残留塩素）",
  legionella_test: "浴槽水のレジオネラ属菌検査",
  kitchen_check: "厨房の衛生点検",
  cleaning_round: "清掃の記録",
  waste_handover: "感染性廃棄物の引渡し（マニフェスト）",
};

const YES_NO = (v: unknown) => (v === true ? "○" : v === false ? "×" : "");
const LABELS: Record<string, string> = {
  regular: "定期",
  ad_hoc: "臨時",
  new_hire: "新人研修",
  drill: "訓練",
  hygiene: "衛生管理研修",
  other: "その他",
  guideline: "指針",
  manual: "マニュアル",
  measles: "麻しん",
  rubella: "風しん",
  varicella: "水痘",
  mumps: "流行性耳下腺炎",
  hepatitis_b: "B型肝炎",
  history: "既往あり",
  vaccinated: "接種済み",
  antibody_positive: "抗体陽性",
  antibody_negative: "抗体陰性",
  influenza: "インフルエンザ",
  pneumococcal: "肺炎球菌",
  needle_stick: "針刺し",
  blood: "血液",
  body_fluid: "体液",
  tank_change: "タンクの水の交換・清掃",
  inspection: "点検",
  cleaning: "清掃",
  drain: "水抜き",
  not_detected: "不検出",
  detected: "検出",
  self: "本人",
  family: "家族",
  floors: "床",
  toilets: "トイレ",
  bathroom: "浴室",
  dining: "食堂",
  handrails: "手すり",
  sluice_room: "汚物処理室",
  director: "施設長",
  office_manager: "事務長",
  physician: "医師",
  nurse: "看護職員",
  care_worker: "介護職員",
  dietitian: "栄養士",
  counsellor: "生活相談員",
};
const label = (v: unknown) => (typeof v === "string" ? (LABELS[v] ?? v) : "");

type Names = { personNames: Map<string, string>; equipmentNames: Map<string, string> };
type Column = { header: string; width: number; value: (r: PresentedRecord, names: Names) => string | number };

const person: Column = {
  header: "氏名",
  width: 16,
  value: (r, n) => (r.personId ? (n.personNames.get(r.personId) ?? "") : ""),
};
const equipment: Column = {
  header: "機器・浴槽",
  width: 18,
  value: (r, n) => (r.equipmentId ? (n.equipmentNames.get(r.equipmentId) ?? "") : ""),
};
const note: Column = { header: "備考", width: 30, value: (r) => String(r.data.note ?? "") };
const attendees: Column = {
  header: "出席者",
  width: 50,
  // By name: the attendance rows keep no order of their own.
  value: (r, n) =>
    r.attendeeIds
      .map((id) => n.personNames.get(id) ?? "")
      .sort((a, b) => a.localeCompare(b, "ja"))
      .join("、"),
};

/** The columns of each record type after the date. */
export const INSPECTION_COLUMNS: Record<RecordType, Column[]> = {
  committee_meeting: [
    { header: "種別", width: 8, value: (r) => label(r.data.kind) },
    { header: "議題", width: 30, value: (r) => String(r.data.agenda ?? "") },
    {
      header: "議事録",
      width: 60,
      value: (r) =>
        ((r.data.minutes as { role: string; text: string }[] | undefined) ?? [])
          .filter((m) => m.text)
          .map((m) => `【${label(m.role)}】${m.text}`)
          .join("\n"),
    },
    {
      header: "決定事項",
      width: 40,
      value: (r) => ((r.data.decisions as string[] | undefined) ?? []).join("\n"),
    },
    attendees,
    { header: "既読確認", width: 10, value: (r) => r.acknowledgements.length },
  ],
  guideline_version: [
    { header: "文書", width: 12, value: (r) => label(r.data.document) },
    { header: "版", width: 10, value: (r) => String(r.data.version ?? "") },
    { header: "改訂の概要", width: 50, value: (r) => String(r.data.summary ?? "") },
    { header: "確認した職員数", width: 12, value: (r) => r.acknowledgements.length },
  ],
  training: [
    { header: "種別", width: 12, value: (r) => label(r.data.kind) },
    { header: "内容", width: 36, value: (r) => String(r.data.topic ?? "") },
    { header: "出席者数", width: 10, value: (r) => r.attendeeIds.length },
    attendees,
  ],
  staff_hire: [person],
  staff_immunity: [
    person,
    { header: "疾患", width: 16, value: (r) => label(r.data.disease) },
    { header: "確認の根拠", width: 14, value: (r) => label(r.data.basis) },
    note,
  ],
  staff_health_check: [person, note],
  vaccination: [
    person,
    { header: "ワクチン", width: 14, value: (r) => label(r.data.vaccine) },
    { header: "接種", width: 8, value: (r) => (r.data.declined ? "希望せず" : "接種") },
    {
      header: "同意",
      width: 20,
      value: (r) => {
        const c = r.data.consent as { by: string; date: string } | null | undefined;
        return c ? `${label(c.by)}（${c.date}）` : "";
      },
    },
    note,
  ],
  occupational_exposure: [
    person,
    { header: "種類", width: 10, value: (r) => label(r.data.kind) },
    {
      header: "対応・経過観察",
      width: 48,
      value: (r) =>
        [
          String(r.data.followUp ?? ""),
          ...((r.data.steps as { date: string; text: string }[] | undefined) ?? []).map(
            (s) => `${s.date} ${s.text}`,
          ),
        ]
          .filter(Boolean)
          .join("\n"),
    },
    { header: "経過観察終了日", width: 14, value: (r) => String(r.data.followUpDoneOn ?? "") },
  ],
  humidifier_log: [equipment, { header: "実施内容", width: 24, value: (r) => label(r.data.action) }, note],
  bath_check: [
    equipment,
    { header: "測定時刻", width: 10, value: (r) => String(r.data.time ?? "") },
    {
      header: "残留塩素 (mg/L)",
      width: 14,
      value: (r) => (typeof r.data.chlorineMgL === "number" ? r.data.chlorineMgL : ""),
    },
    { header: "基準外", width: 8, value: (r) => (r.flagged ? "基準外" : "") },
    { header: "換水", width: 6, value: (r) => YES_NO(r.data.waterChanged) },
    { header: "清掃", width: 6, value: (r) => YES_NO(r.data.cleaned) },
    note,
  ],
  legionella_test: [
    equipment,
    { header: "結果", width: 10, value: (r) => label(r.data.result) },
    { header: "検査機関", width: 20, value: (r) => String(r.data.laboratory ?? "") },
    note,
  ],
  kitchen_check: [
    { header: "手洗い", width: 8, value: (r) => YES_NO(r.data.handWashing) },
    { header: "器具の洗浄・殺菌", width: 14, value: (r) => YES_NO(r.data.utensils) },
    { header: "検食の保存", width: 10, value: (r) => YES_NO(r.data.foodSamples) },
    { header: "調理従事者の健康確認", width: 16, value: (r) => YES_NO(r.data.staffHealth) },
    note,
  ],
  cleaning_round: [
    {
      header: "清掃した場所",
      width: 40,
      value: (r) => ((r.data.areas as string[] | undefined) ?? []).map(label).join("、"),
    },
    note,
  ],
  waste_handover: [
    { header: "収集運搬業者", width: 24, value: (r) => String(r.data.contractor ?? "") },
    { header: "マニフェスト番号", width: 18, value: (r) => String(r.data.manifestNo ?? "") },
    { header: "容器数", width: 8, value: (r) => Number(r.data.containers ?? 0) },
    note,
  ],
};

/**
 * The evidence of one record type over a period as an Excel workbook (A4 landscape when printed): a title with the
 * facility and period, one row per record with the date, and the type's columns.
 */
export async function inspectionWorkbook(input: {
  facilityName: string;
  type: RecordType;
  from: string;
  to: string;
  records: PresentedRecord[];
  personNames: Map<string, string>;
  equipmentNames: Map<string, string>;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Mamori";
  const title = RECORD_TYPE_TITLES[input.type];
  const sheet = workbook.addWorksheet(title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = INSPECTION_COLUMNS[input.type];
  sheet.addRow([`${input.facilityName}　${title}`]).font = { bold: true, size: 14 };
  sheet.addRow([`期間：${input.from} ～ ${input.to}　件数：${input.records.length}`]);
  sheet.addRow([]);
  const header = sheet.addRow(["日付", ...columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.getColumn(1).width = 12;
  columns.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.width;
  });
  const names = { personNames: input.personNames, equipmentNames: input.equipmentNames };
  for (const record of input.records) {
    const row = sheet.addRow([record.date, ...columns.map((c) => c.value(record, names))]);
    row.alignment = { vertical: "top", wrapText: true };
    if (record.flagged) row.font = { color: { argb: "FFB00020" } };
  }
  sheet.views = [{ state: "frozen", ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
