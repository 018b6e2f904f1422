import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { connect } from "../db/connect.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { DEMO_PASSWORD, DEMO_USERNAMES, demoUsersPresent, seedDemoIfEmpty } from "../demo/seed-demo.ts";

const webRoot = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** `mamori start`: migrate, seed the demo into an empty database, and serve the API and the web app. */
export async function run(_args: string[]): Promise<number> {
  const startedAt = performance.now();
  const config = loadConfig();
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`mamori: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const fixedNow = config.fixedNow;
  const clock = fixedNow ? () => fixedNow : () => new Date();
  const seeded = await seedDemoIfEmpty(connection.db, clock());
  const app = await buildApp({
    db: connection.db,
    clock,
    secureCookies: config.secureCookies,
    logger: false,
    ...(existsSync(webRoot) ? { webRoot } : {}),
  });
  await app.listen({ port: config.port, host: config.host });

  const where =
    config.database.kind === "pglite"
      ? `embedded database in ${config.database.dataDir}`
      : "PostgreSQL server";
  process.stdout.write(`Mamori is ready on http://localhost:${config.port} (${where})\n`);
  if (seeded) process.stdout.write("Demo data created in the empty database.\n");
  if (fixedNow)
    process.stdout.write(`The clock is fixed at ${fixedNow.toISOString()} (MAMORI_FIXED_NOW, for tests).\n`);
  if (seeded || (await demoUsersPresent(connection.db))) {
    process.stdout.write(`Demo users: ${DEMO_USERNAMES.join(", ")} — password "${DEMO_PASSWORD}"\n`);
  }
  process.stdout.write(`ready in ${Math.round(performance.now() - startedAt)} ms\n`);

  const stop = async () => {
    await app.close();
    await connection.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return await new Promise<number>(() => {});
}
