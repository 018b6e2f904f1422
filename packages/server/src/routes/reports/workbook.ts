import {
  DISEASE_LABELS,
  type GroupedDisease,
  SYMPTOM_LABELS,
  type SymptomCode,
} from "@mamori/domain/surveillance";
import ExcelJS from "exceljs";

/**
 * The report of 付録1① item 4 as an Excel workbook. Municipalities each have their own form (manual p.48: 各市町村指定の
 * 報告書用紙書式), so the layout is a template: its cells are addressed by defined names (名前の定義), and any workbook
 * that defines some of the names below is filled without code. A name that ends a column of a table (`progress_*`)
 * addresses the first row; the rows below it are filled one per day.
 */
export const REPORT_CELL_NAMES = [
  "facility_name",
  "facility_type",
  "facility_users",
  "facility_staff",
  "report_kind",
  "criterion",
  "group",
  "as_of_day",
  "submitted_at",
  "first_onset",
  "users_new",
  "users_cumulative",
  "staff_new",
  "staff_cumulative",
  "total_new",
  "total_cumulative",
  "hospitalised",
  "deaths",
  "symptoms",
  "diagnoses",
  "tests",
  "measures",
  "specimens",
  "contact_name",
  "contact_phone",
  "remarks",
  "floors",
] as const;
export const REPORT_TABLE_NAMES = [
  "progress_day",
  "progress_new_users",
  "progress_new_staff",
  "progress_cumulative",
  "progress_ill",
  "progress_hospitalised",
  "progress_deaths",
] as const;

type Tally = { new: number; cumulative: number };
type Content = {
  facility: { name: string; type: string; users: number; staff: number };
  asOfDay: string;
  firstOnset: string | null;
  persons: { users: Tally; staff: Tally; total: Tally };
  byFloor: { name: string | null; users: Tally; staff: Tally }[];
  symptoms: { code: string; persons: number }[];
  hospitalised: number;
  deaths: number;
  diagnoses: { disease: string; persons: number }[];
  progress: {
    day: string;
    newUsers: number;
    newStaff: number;
    cumulative: number;
    ill: number;
    hospitalised: number;
    deaths: number;
  }[];
  contact: { name: string; phone: string };
  specimens: { kept: boolean; kinds: string[]; note: string };
  tests: string;
  measures: { day: string; text: string }[];
  remarks: string;
};

const KIND = { first: "第1報", follow_up: "続報", final: "最終報" } as Record<string, string>;
const CRITERION = {
  A: "ア 死亡者又は重篤患者が1週間内に2名以上",
  B: "イ 患者又は疑われる者が10名以上又は全利用者の半数以上",
  C: "ウ 通常の発生動向を上回り、施設長が報告を必要と認めた",
} as Record<string, string>;
const GROUP = {
  GI: "嘔吐・下痢（感染性胃腸炎等）",
  ILI: "発熱・呼吸器症状（インフルエンザ等）",
  SKIN: "発疹・かゆみ（疥癬等）",
} as Record<string, string>;
const TYPE = {
  elderly_care: "高齢者介護施設",
  childcare: "児童福祉施設",
  disability: "障害者施設",
  hospital: "病院",
} as Record<string, string>;
const SPECIMEN = { blood: "血液", stool: "便", vomit: "吐物", other: "その他" } as Record<string, string>;
/** A day as people here write it: 12月2日(水). */
export function japaneseDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日(${"日月火水木金土"[d.getUTCDay()]})`;
}

export type ReportForWorkbook = {
  kind: string;
  criterion: string;
  group: string;
  submittedAt: string | null;
  content: Record<string, unknown>;
};

/** The value of every single-cell name, from the report as presented. */
export function reportCellValues(
  report: ReportForWorkbook,
): Record<(typeof REPORT_CELL_NAMES)[number], string | number> {
  const c = report.content as unknown as Content;
  return {
    facility_name: c.facility.name,
    facility_type: TYPE[c.facility.type] ?? c.facility.type,
    facility_users: c.facility.users,
    facility_staff: c.facility.staff,
    report_kind: KIND[report.kind] ?? report.kind,
    criterion: CRITERION[report.criterion] ?? report.criterion,
    group: GROUP[report.group] ?? report.group,
    as_of_day: japaneseDay(c.asOfDay),
    submitted_at: report.submittedAt ? japaneseDay(report.submittedAt.slice(0, 10)) : "未提出",
    first_onset: c.firstOnset ? japaneseDay(c.firstOnset) : "",
    users_new: c.persons.users.new,
    users_cumulative: c.persons.users.cumulative,
    staff_new: c.persons.staff.new,
    staff_cumulative: c.persons.staff.cumulative,
    total_new: c.persons.total.new,
    total_cumulative: c.persons.total.cumulative,
    hospitalised: c.hospitalised,
    deaths: c.deaths,
    symptoms: c.symptoms
      .map((s) => `${SYMPTOM_LABELS[s.code as SymptomCode]?.ja ?? s.code} ${s.persons}名`)
      .join("、"),
    diagnoses: c.diagnoses
      .map((d) => `${DISEASE_LABELS[d.disease as GroupedDisease]?.ja ?? d.disease} ${d.persons}名`)
      .join("、"),
    tests: c.tests,
    measures: c.measures.map((m) => `${japaneseDay(m.day)} ${m.text}`).join("\n"),
    specimens: c.specimens.kept
      ? `確保あり（${c.specimens.kinds.map((k) => SPECIMEN[k] ?? k).join("・")}）${c.specimens.note ? ` ${c.specimens.note}` : ""}`
      : "確保なし",
    contact_name: c.contact.name,
    contact_phone: c.contact.phone,
    remarks: c.remarks,
    floors: c.byFloor
      .map(
        (f) =>
          `${f.name ?? "その他"}: 利用者 ${f.users.cumulative}名（新規${f.users.new}）・職員 ${f.staff.cumulative}名（新規${f.staff.new}）`,
      )
      .join("\n"),
  };
}

/** The Mamori default form: one sheet with the names defined on it. A municipality's own form replaces it. */
export function defaultReportTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("報告書", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { width: 26 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
  ];
  ws.getCell("A1").value = "社会福祉施設等における感染症等発生時に係る報告";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const rows: [string, (typeof REPORT_CELL_NAMES)[number]][] = [
    ["報告の種類", "report_kind"],
    ["施設名", "facility_name"],
    ["施設の種別", "facility_type"],
    ["利用者数", "facility_users"],
    ["職員数", "facility_staff"],
    ["報告の基準", "criterion"],
    ["症状の種類", "group"],
    ["集計日", "as_of_day"],
    ["提出日", "submitted_at"],
    ["最初の発症日", "first_onset"],
    ["有症者 利用者（新規）", "users_new"],
    ["有症者 利用者（累計）", "users_cumulative"],
    ["有症者 職員（新規）", "staff_new"],
    ["有症者 職員（累計）", "staff_cumulative"],
    ["有症者 合計（新規）", "total_new"],
    ["有症者 合計（累計）", "total_cumulative"],
    ["階・ユニットごと", "floors"],
    ["主な症状", "symptoms"],
    ["入院者数", "hospitalised"],
    ["死亡者数", "deaths"],
    ["検査・診断", "diagnoses"],
    ["検査の状況", "tests"],
    ["施設の対応", "measures"],
    ["検体の確保", "specimens"],
    ["連絡担当者", "contact_name"],
    ["連絡先", "contact_phone"],
    ["備考", "remarks"],
  ];
  rows.forEach(([label, name], i) => {
    const r = i + 3;
    ws.getCell(`A${r}`).value = label;
    ws.mergeCells(`B${r}:G${r}`);
    ws.getCell(`B${r}`).alignment = { wrapText: true, vertical: "top" };
    wb.definedNames.add(`'報告書'!$B$${r}`, name);
  });
  const head = rows.length + 4;
  ws.getCell(`A${head}`).value = "経過記録表";
  ws.getCell(`A${head}`).font = { bold: true };
  const headers = ["日付", "新規 利用者", "新規 職員", "累計", "有症者", "入院（累計）", "死亡（累計）"];
  headers.forEach((h, i) => {
    ws.getCell(head + 1, i + 1).value = h;
  });
  REPORT_TABLE_NAMES.forEach((name, i) => {
    wb.definedNames.add(`'報告書'!$${String.fromCharCode(65 + i)}$${head + 2}`, name);
  });
  return wb;
}

/** The first cell a defined name addresses in a workbook, or null when the template does not use the name. */
function namedCell(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell | null {
  const ranges = wb.definedNames.getRanges(name)?.ranges ?? [];
  const range = ranges[0];
  if (!range) return null;
  const match = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)/.exec(range);
  if (!match) return null;
  const ws = wb.getWorksheet(match[1]!);
  return ws ? ws.getCell(`${match[2]}${match[3]}`) : null;
}

/** Fills a template (the default form or a municipality's own) with the report and returns the xlsx bytes. */
export async function fillReportWorkbook(wb: ExcelJS.Workbook, report: ReportForWorkbook): Promise<Buffer> {
  const values = reportCellValues(report);
  for (const name of REPORT_CELL_NAMES) {
    const cell = namedCell(wb, name);
    if (cell) cell.value = values[name];
  }
  const progress = (report.content as unknown as Content).progress;
  const column: Record<
    (typeof REPORT_TABLE_NAMES)[number],
    (p: Content["progress"][number]) => string | number
  > = {
    progress_day: (p) => japaneseDay(p.day),
    progress_new_users: (p) => p.newUsers,
    progress_new_staff: (p) => p.newStaff,
    progress_cumulative: (p) => p.cumulative,
    progress_ill: (p) => p.ill,
    progress_hospitalised: (p) => p.hospitalised,
    progress_deaths: (p) => p.deaths,
  };
  for (const name of REPORT_TABLE_NAMES) {
    const first = namedCell(wb, name);
    if (!first) continue;
    const ws = first.worksheet;
    progress.forEach((p, i) => {
      ws.getCell(Number(first.row) + i, Number(first.col)).value = column[name](p);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report in the default form, or in a municipality's own template when one is given as xlsx bytes. */
export async function reportWorkbook(report: ReportForWorkbook, template?: Buffer): Promise<Buffer> {
  let wb = defaultReportTemplate();
  if (template) {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
  }
  return fillReportWorkbook(wb, report);
}
