import { fileURLToPath } from "node:url";
import type { Config } from "../config.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { Database } from "./database.ts";
import * as schema from "./schema/index.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export type Connection = { db: Database; close: () => Promise<void> };

/**
 * Opens the configured database and applies pending migrations (forward only). The embedded database is locked for the
 * life of the connection.
 */
export async function connect(database: Config["database"]): Promise<Connection> {
  if (database.kind === "postgres") {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Database, close: () => pool.end() };
  }
  const release = lockDataDir(database.dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(database.dataDir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
