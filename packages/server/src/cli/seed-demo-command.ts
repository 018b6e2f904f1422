import { loadConfig } from "../config.ts";
import { connect, DatabaseUnreachableError } from "../db/connect.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemoIfEmpty } from "../demo/seed-demo.ts";

/** `mamori seed-demo`: fills an empty database with the demo; refuses a database that holds anything. */
export async function run(_args: string[]): Promise<number> {
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect(loadConfig().database);
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseUnreachableError) {
      process.stderr.write(`mamori: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    if (!(await seedDemoIfEmpty(connection.db, new Date()))) {
      process.stderr.write(
        "mamori: the database is not empty; the demo is only added to an empty database\n",
      );
      return 1;
    }
    process.stdout.write(`Demo created. Users: ${DEMO_USERNAMES.join(", ")} — password "${DEMO_PASSWORD}"\n`);
    return 0;
  } finally {
    await connection.close();
  }
}
