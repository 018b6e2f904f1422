import { defineConfig } from "vitest/config";
import { BROWSER_REQUIRED, CHROMIUM_PATH } from "./e2e/support/chromium-path.ts";
import { skippedJourneysWarning } from "./e2e/support/skipped-journeys.ts";

// One runner, four projects: pure domain and contract, server against PGlite (always) and PostgreSQL (when DATABASE_URL is set),
// web components in jsdom, and browser journeys against a started server.
const withPostgres = Boolean(process.env.DATABASE_URL);
// Without Chromium the journeys are left out, loudly, at the start and at the end of the run — except where they are
// required (CI), where they run and fail at launch.
const withBrowser = Boolean(CHROMIUM_PATH) || BROWSER_REQUIRED;
if (!withBrowser) console.warn(skippedJourneysWarning());

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: ["packages/domain/src/**/*.test.ts", "packages/contract/src/**/*.test.ts"],
          environment: "node",
          globalSetup: withBrowser ? [] : ["e2e/support/skipped-journeys.ts"],
        },
      },
      {
        test: {
          name: "server-pglite",
          include: ["packages/server/src/**/*.test.ts"],
          environment: "node",
          env: { MAMORI_TEST_DB: "pglite" },
          globalSetup: ["packages/server/src/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: "server-postgres",
                include: ["packages/server/src/**/*.test.ts"],
                environment: "node" as const,
                env: { MAMORI_TEST_DB: "postgres" },
                globalSetup: ["packages/server/src/test/global-setup.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "web",
          include: ["packages/web/src/**/*.test.tsx", "packages/web/src/**/*.test.ts"],
          environment: "jsdom",
        },
      },
      ...(withBrowser ? [e2eProject()] : []),
    ],
  },
});

function e2eProject() {
  return {
    test: {
      name: "e2e",
      include: ["e2e/**/*.test.ts"],
      globalSetup: ["e2e/support/e2e-global-setup.ts"],
      // A page waits on the server and the browser: a one-second poll fails on a busy machine, not on a wrong page.
      expect: { poll: { timeout: 10_000 } },
      environment: "node" as const,
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  };
}
