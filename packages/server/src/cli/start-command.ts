import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app.ts";
import { openSecretBox, SecretKeyError } from "../auth/secret-key.ts";
import { loadConfig } from "../config.ts";
import { connect, DatabaseUnreachableError } from "../db/connect.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { DEMO_PASSWORD, DEMO_USERNAMES, demoUsersPresent, seedDemoIfEmpty } from "../demo/seed-demo.ts";

const webRoot = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/**
 * `mamori start`: migrate, and serve the API and the web app. The demo is seeded into an empty embedded database only
 * (the way to try Mamori); a PostgreSQL server gets it only when asked with `mamori seed-demo`.
 */
export async function run(_args: string[]): Promise<number> {
  const startedAt = performance.now();
  const config = loadConfig();
  const say = (line: string) => process.stderr.write(`mamori: ${line}\n`);
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect(config.database, {
      onRetry: (attempt, of, reason, waitMs) =>
        say(
          `the database cannot be reached (${reason}); trying again in ${waitMs / 1000} s (${attempt} of ${of})`,
        ),
      onIdleConnectionError: (error) =>
        say(`a database connection was lost (${error.message}); it will be replaced on the next request`),
    });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseUnreachableError) {
      say(error.message);
      return 1;
    }
    throw error;
  }
  let secrets: Awaited<ReturnType<typeof openSecretBox>>;
  try {
    secrets = await openSecretBox(connection.db, {
      secretKey: config.secretKey,
      dataDir: config.database.kind === "pglite" ? config.database.dataDir : null,
    });
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    say(error.message);
    await connection.close();
    return 1;
  }
  const fixedNow = config.fixedNow;
  const clock = fixedNow ? () => fixedNow : () => new Date();
  const seeded = config.database.kind === "pglite" && (await seedDemoIfEmpty(connection.db, clock()));
  const app = await buildApp({
    db: connection.db,
    probe: connection.probe,
    clock,
    secrets,
    secureCookies: config.secureCookies,
    logger: config.logLevel,
    ...(existsSync(webRoot) ? { webRoot } : {}),
  });
  await app.listen({ port: config.port, host: config.host });

  const where =
    config.database.kind === "pglite"
      ? `embedded database in ${config.database.dataDir}`
      : "PostgreSQL server";
  const shownHost = config.host === "127.0.0.1" || config.host === "0.0.0.0" ? "localhost" : config.host;
  process.stdout.write(`Mamori is ready on http://${shownHost}:${config.port} (${where})\n`);
  if (config.host === "127.0.0.1") process.stdout.write("Listening on this machine only (HOST to change).\n");
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
