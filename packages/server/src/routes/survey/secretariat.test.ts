import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "../../accounts/create-user.ts";
import { organisations, surveyResponses } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { MIN_CELL, suppressCells } from "./secretariat.ts";
import { insertSyntheticResponses } from "./synthetic-responses.ts";

const now = new Date("2026-03-31T09:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

describe("small-cell suppression", () => {
  it("hides counts 1–4 and shows 5 (the secretariat's rule: cells under 5 are not shown)", () => {
    const cells = suppressCells(
      [
        { value: "a", count: 20 },
        { value: "b", count: 5 },
        { value: "c", count: 4 },
        { value: "d", count: 1 },
      ],
      30,
    );
    expect(MIN_CELL).toBe(5);
    expect(cells.map((c) => [c.value, c.count, c.suppressed])).toEqual([
      ["a", 20, false],
      ["b", 5, false],
      ["c", null, true],
      ["d", null, true],
    ]);
    expect(cells[1]!.proportion).toBeCloseTo(5 / 30, 12);
  });

  it("hides the next smallest cell too when only one is hidden, so the total does not give it away", () => {
    const cells = suppressCells(
      [
        { value: "a", count: 20 },
        { value: "b", count: 6 },
        { value: "c", count: 4 },
      ],
      30,
    );
    expect(cells.map((c) => c.suppressed)).toEqual([false, true, true]);
    // No small cell: nothing hidden.
    expect(
      suppressCells(
        [
          { value: "a", count: 5 },
          { value: "b", count: 25 },
        ],
        30,
      ).some((c) => c.suppressed),
    ).toBe(false);
  });
});

describe("the secretariat's overview", () => {
  it("counts every submitted response by dimension with proportions, drafts left out, small cells hidden", async () => {
    const [org] = await ctx.db
      .insert(organisations)
      .values({ kind: "secretariat", name: "事務局", requireSecondFactor: false })
      .returning();
    const username = `sec-${randomUUID().slice(0, 8)}`;
    const userId = await createUser(ctx.db, {
      organisationId: org!.id,
      username,
      displayName: "事務局",
      role: "secretariat",
      password: TEST_PASSWORD,
    });
    await insertSyntheticResponses(ctx.db, { count: 60, seed: 7, createdBy: userId, now });
    // A draft is never counted.
    const rows = await ctx.db.select().from(surveyResponses);
    // (Copied from a response of no case: on a shared PostgreSQL another file's web response holds its case once.)
    await ctx.db.insert(surveyResponses).values({
      ...rows.find((r) => r.caseId === null)!,
      id: randomUUID(),
      status: "draft",
      version: 0,
    });
    const cookie = await signIn(ctx.app, username);
    // The secretariat counts every hospital's responses, and on a shared PostgreSQL other test files add theirs at the
    // same time: compare with the rows read just before and after the overview, retried until nothing changed between.
    const fingerprint = (all: (typeof rows)[number][]) =>
      JSON.stringify(all.map((r) => `${r.id}:${r.status}:${r.version}`).sort());
    type Cell = { value: string; count: number | null; suppressed: boolean };
    let body = {} as {
      total: number;
      creTotal: number;
      dimensions: Record<string, { cells: Cell[]; denominator: number }>;
    };
    let current = rows;
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = await ctx.db.select().from(surveyResponses);
      body = (
        await ctx.app.inject({ method: "GET", url: "/api/survey/secretariat/overview", headers: { cookie } })
      ).json();
      current = await ctx.db.select().from(surveyResponses);
      if (fingerprint(before) === fingerprint(current)) break;
    }
    const submitted = current.filter((r) => r.status === "submitted");
    expect(body.total).toBe(submitted.length);
    const cre = submitted.filter((r) => r.isCre === true);
    expect(body.creTotal).toBe(cre.length);
    // Every dimension: shown cells equal the direct count of the rows; hidden cells are exactly the small ones (plus
    // at most one secondary cell), and every shown cell is at least 5.
    const column = {
      prefecture: (r: (typeof rows)[number]) => r.prefecture ?? "unanswered",
      mechanism: (r: (typeof rows)[number]) => r.mechanism ?? "unanswered",
      infectionSite: (r: (typeof rows)[number]) => r.infectionSite ?? "unanswered",
      carbapenemaseTested: (r: (typeof rows)[number]) => r.carbapenemaseTested ?? "unanswered",
      consulted: (r: (typeof rows)[number]) => String(r.consulted ?? "unanswered"),
    };
    let hiddenSomewhere = 0;
    for (const [dim, of] of Object.entries(column)) {
      const base = dim === "prefecture" ? submitted : cre;
      const counts = new Map<string, number>();
      for (const r of base) counts.set(of(r), (counts.get(of(r)) ?? 0) + 1);
      const cells = body.dimensions[dim]!.cells as {
        value: string;
        count: number | null;
        suppressed: boolean;
      }[];
      expect(cells.map((c) => c.value).sort()).toEqual([...counts.keys()].sort());
      for (const cell of cells) {
        const real = counts.get(cell.value)!;
        if (real < 5) expect(cell.suppressed).toBe(true);
        if (cell.suppressed) hiddenSomewhere++;
        else {
          expect(cell.count).toBe(real);
          expect(real).toBeGreaterThanOrEqual(5);
        }
      }
      expect(body.dimensions[dim]!.denominator).toBe(base.length);
    }
    expect(hiddenSomewhere).toBeGreaterThan(0);
    // Paper responses carry no verdict (Mamori's check is taken only when a hospital submits on screen): they all count
    // as "unanswered", beside whatever web responses other tests stored.
    const webVerdicts = cre.filter((r) => r.source === "web" && r.verdict !== null).length;
    expect(cre.filter((r) => r.source === "paper").every((r) => r.verdict === null)).toBe(true);
    const unanswered = body.dimensions.verdict!.cells.find((c) => c.value === "unanswered")!;
    expect(unanswered.suppressed || unanswered.count === cre.length - webVerdicts).toBe(true);
    // No hospital is ever named: the overview holds prefectures and codes only.
    expect(JSON.stringify(body)).not.toContain("hospital");
  });
});
