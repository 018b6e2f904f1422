import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as recorded from "../../../web/src/test/cre-fixtures.ts";
import { useTestApp } from "../test/test-app.ts";
import { signIn } from "../test/test-facility.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo.ts";

// The web's recorded CRE answers (packages/web/src/test/cre-fixtures.ts) must be what this server answers for the
// demo: GET /api/cre/cases/:id for the IMP-producing K. pneumoniae and for the E. coli from sputum, and
// GET /api/cre/cases, in Japanese, at the moment the demo was recorded. Ids are random per seed, so they are replaced
// by stable ones in order of appearance. `MAMORI_RECORD_CRE_FIXTURES=1` rewrites the file from these answers (then run
// `npx biome check --write` on it).
const NOW = new Date("2026-11-23T17:47:30.887Z");
const FIXTURES = fileURLToPath(new URL("../../../web/src/test/cre-fixtures.ts", import.meta.url));
const ctx = useTestApp({ clock: () => NOW });

function stableIds<T>(value: T): T {
  const ids = new Map<string, string>();
  const text = JSON.stringify(value).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => {
      let stable = ids.get(id);
      if (!stable) {
        stable = `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, "0")}`;
        ids.set(id, stable);
      }
      return stable;
    },
  );
  return JSON.parse(text) as T;
}

const HEADER = `import type { CreCaseDetail, CreCaseState } from "../api/cre.ts";

// Answers of the CRE API (docs/api.md, "CRE stewardship") as the server gives them for the demo seed at
// ${NOW.toISOString()}, in Japanese: GET /api/cre/cases/:id for the demo's IMP-producing K. pneumoniae bloodstream
// infection (cefiderocol approved) and for the E. coli from sputum awaiting the physician, and GET /api/cre/cases.
// The \`advice\` document is left out (null); ids are replaced by stable ones. Recorded by
// packages/server/src/demo/cre-fixtures.test.ts (MAMORI_RECORD_CRE_FIXTURES=1), which also checks them.
`;

describe("the web's recorded CRE answers", () => {
  it("are the server's answers for the demo", async () => {
    await ctx.db.transaction((tx) => seedDemo(tx, NOW));
    const cookie = await signIn(ctx.app, "demo-physician", DEMO_PASSWORD);
    const get = async (url: string) => {
      const response = await ctx.app.inject({ method: "GET", url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const list = await get("/api/cre/cases?lang=ja");
    const idOf = (organism: string) =>
      list.cases.find((c: { organism: string }) => c.organism === organism)?.id as string;
    const detail = async (id: string) => {
      const body = await get(`/api/cre/cases/${id}?lang=ja`);
      return { ...body, evaluation: { ...body.evaluation, advice: null } };
    };
    const live = stableIds({
      MBL_CASE: await detail(idOf("Klebsiella pneumoniae")),
      PENDING_CASE: await detail(idOf("Escherichia coli")),
      CASE_LIST: list.cases,
    });
    if (process.env.MAMORI_RECORD_CRE_FIXTURES === "1") {
      writeFileSync(
        FIXTURES,
        `${HEADER}
export const MBL_CASE: CreCaseDetail = ${JSON.stringify(live.MBL_CASE, null, 2)};

export const PENDING_CASE: CreCaseDetail = ${JSON.stringify(live.PENDING_CASE, null, 2)};

export const CASE_LIST: CreCaseState[] = ${JSON.stringify(live.CASE_LIST, null, 2)};
`,
      );
      return;
    }
    expect(recorded.MBL_CASE).toEqual(live.MBL_CASE);
    expect(recorded.PENDING_CASE).toEqual(live.PENDING_CASE);
    expect(recorded.CASE_LIST).toEqual(live.CASE_LIST);
  });
});
