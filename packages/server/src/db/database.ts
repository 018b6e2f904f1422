import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";

/** The one database type application code sees, whichever driver (PGlite or node-postgres) is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction or the database itself: commands accept either so callers decide the transaction's extent. */
export type Executor = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;
