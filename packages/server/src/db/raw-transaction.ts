import type { Database } from "./database.ts";

/** A statement of a hot path: its SQL text and a name, under which PostgreSQL parses and plans it once per connection. */
export type NamedStatement = { name: string; text: string };

/** Runs one statement inside the transaction and returns its rows. */
export type RawQuery = <Row = Record<string, unknown>>(
  statement: NamedStatement,
  values: unknown[],
) => Promise<Row[]>;

type PgPoolClient = {
  query: (q: { name: string; text: string; values: unknown[] } | string) => Promise<{ rows: unknown[] }>;
  release: (destroy?: boolean | Error) => void;
};
type PgPool = { connect: () => Promise<PgPoolClient>; totalCount: number };
type Pglite = {
  transaction: <T>(
    fn: (tx: { query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> }) => Promise<T>,
  ) => Promise<T>;
};

/**
 * A transaction of plain SQL statements on the driver behind the Drizzle database, for a path where building queries
 * per request costs more than the database does (`POST /api/observations`). On PostgreSQL the statements are prepared
 * (by name, once per pooled connection); on the embedded PGlite they run as given. Commits when `fn` resolves, rolls
 * back when it throws; a connection that failed mid-way is dropped from the pool rather than reused.
 */
export async function rawTransaction<T>(
  db: Database,
  fn: (query: RawQuery) => Promise<T>,
  options: {
    settings?: Record<string, "on">;
    /** Called when the work is done and COMMIT is about to be sent (not when the transaction is rolled back). */
    committing?: () => void;
  } = {},
): Promise<T> {
  const client = (db as unknown as { $client: PgPool | Pglite }).$client;
  // Settings of this transaction only (SET LOCAL), sent with its BEGIN: no round trip of their own.
  const settings = Object.keys(options.settings ?? {}).map((name) => {
    if (!/^mamori\.[a-z_]+$/.test(name)) throw new Error(`not a Mamori setting: ${name}`);
    return `set local ${name} = 'on'`;
  });
  if ("transaction" in client && !("totalCount" in client)) {
    return client.transaction(async (tx) => {
      for (const setting of settings) await tx.query(setting, []);
      const result = await fn(async <Row>(statement: NamedStatement, values: unknown[]) => {
        const answer = await tx.query(statement.text, values);
        return answer.rows as Row[];
      });
      options.committing?.();
      return result;
    });
  }
  const pool = client as PgPool;
  const connection = await pool.connect();
  let broken: Error | undefined;
  try {
    // BEGIN is not awaited on its own: the first statement is queued behind it on the connection, which sends it the
    // moment BEGIN is answered, instead of after a turn of a busy event loop. A failed BEGIN fails that statement.
    let begun: Promise<unknown> | null = connection.query(["begin", ...settings].join("; "));
    begun.catch(() => {}); // awaited below; never left unhandled should fn throw first
    const result = await fn(async <Row>(statement: NamedStatement, values: unknown[]) => {
      const answer = connection.query({ name: statement.name, text: statement.text, values });
      if (begun) {
        const beginning = begun;
        begun = null;
        answer.catch(() => {});
        await beginning;
      }
      return (await answer).rows as Row[];
    });
    if (begun) await begun;
    options.committing?.();
    await connection.query("commit");
    return result;
  } catch (error) {
    try {
      await connection.query("rollback");
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    connection.release(broken);
  }
}
