/** What a database call was for, from its SQL text. */
export type QueryKind =
  | "session lookup"
  | "person check"
  | "begin"
  | "insert observations"
  | "insert audit"
  | "commit"
  | "rollback"
  | "one-statement write"
  | "other";

/** One timed call during a request: a query, or the wait for a pooled connection. */
export type Span = { kind: QueryKind | "pool wait"; startMs: number; ms: number };

/** One HTTP request as the profiling server saw it; times in ms from the request's arrival. */
export type RequestTrace = {
  method: string;
  url: string;
  status: number;
  totalMs: number;
  handlerStartMs?: number;
  handlerEndMs?: number;
  spans: Span[];
};

export function classifyQuery(text: string): QueryKind {
  const t = text.trimStart().toLowerCase();
  if (t.startsWith("begin")) return "begin";
  if (t.startsWith("commit")) return "commit";
  if (t.startsWith("rollback")) return "rollback";
  if (t.includes('from "sessions"')) return "session lookup";
  if (t.startsWith('select "id" from "people"')) return "person check";
  if (t.startsWith('insert into "observations"')) return "insert observations";
  if (t.startsWith('insert into "audit_log"')) return "insert audit";
  if (t.startsWith("with input as")) return "one-statement write";
  return "other";
}
