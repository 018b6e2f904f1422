import { allows, type Permission } from "@mamori/contract/permissions";
import { asc, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyRequest } from "fastify";
import { currentUser } from "../../auth/guard.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Executor } from "../../db/database.ts";
import { surveyResponses } from "../../db/schema/index.ts";
import { forbidden } from "../../errors.ts";
import { answersByLinkId, answerText, deidentifyResponse } from "./questionnaire-response.ts";

/** The survey secretariat's user, after checking the role may do `permission`; everyone else gets 403. */
export function authorizeSecretariat(request: FastifyRequest, permission: Permission): SessionUser {
  const user = currentUser(request);
  if (!allows(user, permission)) throw forbidden();
  return user;
}

/** Cells smaller than this are not shown (a count of 1–4 could point at one hospital or patient). */
export const MIN_CELL = 5;

export const OVERVIEW_DIMENSIONS = [
  "isCre",
  "prefecture",
  "mechanism",
  "infectionSite",
  "verdict",
  "carbapenemaseTested",
  "consulted",
] as const;
export type OverviewDimension = (typeof OVERVIEW_DIMENSIONS)[number];

export type OverviewCell = {
  value: string;
  count: number | null;
  proportion: number | null;
  suppressed: boolean;
};

/**
 * Suppresses the small cells of one dimension: every count of 1–4 is hidden, and when exactly one cell is hidden the
 * next smallest is hidden too, so that no hidden count can be worked out from the total (secondary suppression).
 * Proportions are of `denominator` and hidden with their counts.
 */
export function suppressCells(
  cells: { value: string; count: number }[],
  denominator: number,
): OverviewCell[] {
  const hidden = new Set(cells.filter((c) => c.count > 0 && c.count < MIN_CELL).map((c) => c.value));
  if (hidden.size === 1) {
    const next = cells
      .filter((c) => !hidden.has(c.value) && c.count > 0)
      .sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.value);
  }
  return cells.map((c) =>
    hidden.has(c.value)
      ? { value: c.value, count: null, proportion: null, suppressed: true }
      : {
          value: c.value,
          count: c.count,
          proportion: denominator > 0 ? c.count / denominator : null,
          suppressed: false,
        },
  );
}

const UNANSWERED = "unanswered";

/**
 * The secretariat's overview of every submitted response (current versions): how many, and by CRE or not, prefecture,
 * mechanism, infection site, the cefiderocol verdict, whether a carbapenemase confirmation test was done and whether
 * an ID physician or the AST was consulted. The clinical dimensions count the CRE responses only (a "no" to 設問1 ends
 * the survey, 参考2 ②). One grouped scan; small cells suppressed.
 */
export async function surveyOverview(db: Executor) {
  type Row = {
    is_cre: boolean | null;
    prefecture: string | null;
    mechanism: string | null;
    infection_site: string | null;
    verdict: string | null;
    carbapenemase_tested: string | null;
    consulted: boolean | null;
    g: number;
    n: number;
  };
  const result = (await db.execute(sql`
    select is_cre, prefecture, mechanism, infection_site, verdict, carbapenemase_tested, consulted,
      grouping(is_cre, prefecture, mechanism, infection_site, verdict, carbapenemase_tested, consulted)::int as g,
      count(*)::int as n
    from ${surveyResponses}
    where ${surveyResponses.status} = 'submitted'
    group by grouping sets ((), (is_cre), (prefecture), (is_cre, mechanism), (is_cre, infection_site), (is_cre, verdict),
      (is_cre, carbapenemase_tested), (is_cre, consulted))`)) as unknown as { rows: Row[] };
  const rows = result.rows;
  // grouping() sets one bit per column left out, first column highest: 7 columns → bit 6 is is_cre.
  const bit = {
    isCre: 6,
    prefecture: 5,
    mechanism: 4,
    infectionSite: 3,
    verdict: 2,
    carbapenemaseTested: 1,
    consulted: 0,
  };
  const kept = (g: number, dims: (keyof typeof bit)[]) =>
    Object.entries(bit).every(([d, b]) => ((g >> b) & 1) === (dims.includes(d as keyof typeof bit) ? 0 : 1));
  const text = (v: string | boolean | null) => (v === null ? UNANSWERED : String(v));
  const total = rows.find((r) => kept(r.g, []))?.n ?? 0;
  const creTotal = rows.find((r) => kept(r.g, ["isCre"]) && r.is_cre === true)?.n ?? 0;
  const column = {
    mechanism: "mechanism",
    infectionSite: "infection_site",
    verdict: "verdict",
    carbapenemaseTested: "carbapenemase_tested",
    consulted: "consulted",
  } as const;
  const dimensions = {} as Record<OverviewDimension, { denominator: number; cells: OverviewCell[] }>;
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
    b.count - a.count || a.value.localeCompare(b.value);
  const isCreCells = rows
    .filter((r) => kept(r.g, ["isCre"]))
    .map((r) => ({ value: text(r.is_cre), count: r.n }));
  dimensions.isCre = { denominator: total, cells: suppressCells(isCreCells.sort(byCount), total) };
  const prefCells = rows
    .filter((r) => kept(r.g, ["prefecture"]))
    .map((r) => ({ value: text(r.prefecture), count: r.n }));
  dimensions.prefecture = { denominator: total, cells: suppressCells(prefCells.sort(byCount), total) };
  for (const [dim, col] of Object.entries(column) as [
    keyof typeof column,
    (typeof column)[keyof typeof column],
  ][]) {
    const cells = rows
      .filter((r) => kept(r.g, ["isCre", dim]) && r.is_cre === true)
      .map((r) => ({ value: text(r[col]), count: r.n }));
    dimensions[dim] = { denominator: creTotal, cells: suppressCells(cells.sort(byCount), creTotal) };
  }
  return { total, creTotal, minCell: MIN_CELL, dimensions };
}

const linkIdOrder = (a: string, b: string) => {
  const pa = a.replace(/^q/, "").split(".").map(Number);
  const pb = b.replace(/^q/, "").split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
};

/**
 * Every submitted response de-identified for the secretariat: no hospital, no case, no patient label, no free text;
 * dates moved by the response's own shift; an opaque id. Ordered by id so the export's order tells nothing.
 */
export async function deidentifiedResponses(db: Executor) {
  const rows = await db
    .select({
      id: surveyResponses.id,
      source: surveyResponses.source,
      questionnaireUrl: surveyResponses.questionnaireUrl,
      questionnaireVersion: surveyResponses.questionnaireVersion,
      version: surveyResponses.version,
      prefecture: surveyResponses.prefecture,
      verdict: surveyResponses.verdict,
      response: surveyResponses.response,
      submittedAt: surveyResponses.submittedAt,
      dateShiftDays: surveyResponses.dateShiftDays,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.status, "submitted"))
    .orderBy(asc(surveyResponses.id));
  return rows.map((r) => ({
    exportId: r.id,
    source: r.source,
    questionnaire: `${r.questionnaireUrl}|${r.questionnaireVersion}`,
    version: r.version,
    prefecture: r.prefecture,
    verdict: r.verdict,
    resource: deidentifyResponse(r.response, r.id, r.dateShiftDays, r.submittedAt),
  }));
}

type Deidentified = Awaited<ReturnType<typeof deidentifiedResponses>>;

/** The table behind the CSV and Excel exports: fixed columns, then one column per linkId in questionnaire order. */
export function exportTable(items: Deidentified): { header: string[]; rows: string[][] } {
  const answerMaps = items.map((i) => answersByLinkId(i.resource));
  const linkIds = [...new Set(answerMaps.flatMap((m) => [...m.keys()]))].sort(linkIdOrder);
  const header = [
    "export_id",
    "questionnaire",
    "version",
    "source",
    "prefecture",
    "submitted_on",
    "verdict",
    ...linkIds,
  ];
  const rows = items.map((item, i) => [
    item.exportId,
    item.questionnaire,
    String(item.version),
    item.source,
    item.prefecture ?? "",
    String(item.resource.authored ?? ""),
    item.verdict ?? "",
    ...linkIds.map((id) => (answerMaps[i]!.get(id) ?? []).map(answerText).join(" / ")),
  ]);
  return { header, rows };
}

const csvCell = (v: string) => {
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(table: { header: string[]; rows: string[][] }): string {
  return `\uFEFF${[table.header, ...table.rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export async function toXlsx(table: { header: string[]; rows: string[][] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("回答");
  sheet.addRow(table.header);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function toBundle(items: Deidentified, now: Date) {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: now.toISOString(),
    total: items.length,
    entry: items.map((i) => ({ fullUrl: `urn:uuid:${i.exportId}`, resource: i.resource })),
  };
}
