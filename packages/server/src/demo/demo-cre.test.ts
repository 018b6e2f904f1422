import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../db/schema/index.ts";
import { makeHospital } from "../routes/cre/cre-test-support.ts";
import { useTestApp } from "../test/test-app.ts";
import { seedDemoCre } from "./demo-cre.ts";

const NOW = new Date("2026-11-23T06:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

describe("the demo hospital's CRE cases", () => {
  it("show an approved MBL case, a notifiable non-CP cystitis and a pending work-up", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const userIds = new Map<string, string>();
    for (const [role, demo] of [
      ["lab_technologist", "demo-lab"],
      ["physician", "demo-physician"],
      ["ast_member", "demo-ast"],
    ] as const) {
      const [user] = await ctx.db.select().from(users).where(eq(users.username, h.usernames[role]!));
      userIds.set(demo, user!.id);
    }
    await ctx.db.transaction((tx) =>
      seedDemoCre(tx, { hospitalId: h.id, userIds, now: NOW, timeZone: "Asia/Tokyo" }),
    );
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.physician! },
    });
    const [pending, cystitis, mbl] = list.json().cases;
    expect(mbl).toMatchObject({
      organism: "Klebsiella pneumoniae",
      mechanism: { code: "MBL" },
      notification: { notifiable: true, notifiedOn: "2026-11-21", overdue: false },
      survey: { required: true },
      cefiderocol: { ordered: true, verdict: "appropriate", orderStatus: "approved" },
    });
    // Diagnosed 24 h before 2026-11-23 06:00 JST → 2026-11-22; due 7 days later.
    expect(cystitis).toMatchObject({
      organism: "Enterobacter cloacae",
      mechanism: { code: "NON_CP" },
      notification: { notifiable: true, dueDate: "2026-11-29", dueDateBasis: "diagnosis", notifiedOn: null },
      cefiderocol: { ordered: false },
    });
    expect(pending).toMatchObject({
      organism: "Escherichia coli",
      cre: true,
      awaitingPhysician: true,
      workUp: { pending: true },
    });
    const detail = await ctx.app.inject({
      method: "GET",
      url: `/api/cre/cases/${cystitis.id}`,
      headers: { cookie: h.cookies.physician! },
    });
    // Non-CP-CRE cystitis with active FQ/ST: a non-β-lactam alone comes first (guide ① まとめ, ②).
    expect(detail.json().evaluation.clinical.options[0].drugs[0].key).toBe("levofloxacin");
  });
});
