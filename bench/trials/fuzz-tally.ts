import type { Answer } from "./transport.ts";

type Note = {
  /** The field or parameter the bad input was in: a 4xx must say what is wrong, naming it where it can. */
  field?: string;
  /** A 1 MB input: its refusal's time is reported apart. */
  oneMb?: boolean;
  /** An input that must not be accepted (a CSRF-able content type, nothing to change …). */
  mustRefuse?: boolean;
};

/** Mamori's errors (`{error: {message, fields}}`), or the router's and Node's own (`{error, message}`). */
type ErrorBody = { error?: { message?: unknown; fields?: { path?: unknown }[] } | string; message?: unknown };

/** A 400 slower than this is reported: a refusal should cost next to nothing. */
const SLOW_400_MS = 50;

/** The fuzz trial's books: requests, failures (5xx, no answer, accepted refusals), how 4xx name fields, timings. */
export class FuzzTally {
  routes = 0;
  requests = 0;
  private readonly failures: string[] = [];
  private readonly accepted: string[] = [];
  private readonly unexplained: string[] = [];
  private readonly raceProblems: string[] = [];
  private namedField = 0;
  private messageOnly = 0;
  private readonly slow400s: { ms: number; what: string }[] = [];
  private readonly times400: number[] = [];
  private readonly timesOneMb: number[] = [];
  private count400 = 0;
  private over50 = 0;
  private closedAtHeaderLimit = 0;
  private slowestOneMb = { ms: 0, what: "" };
  private readonly races: string[] = [];

  note(route: string, what: string, answer: Answer, note: Note = {}): void {
    this.requests++;
    const where = `${route} — ${what}`;
    if (answer.closedAtHeaderLimit) this.closedAtHeaderLimit++;
    else if (answer.status === 0) this.failures.push(`no answer: ${where}: ${answer.error}`);
    else if (answer.status >= 500)
      this.failures.push(`${answer.status}: ${where}: ${answer.body.slice(0, 200)}`);
    if (note.mustRefuse && answer.status >= 200 && answer.status < 300)
      this.accepted.push(`${answer.status}: ${where}`);
    if (answer.status === 400) {
      this.count400++;
      this.times400.push(answer.ms);
      if (answer.ms > SLOW_400_MS) this.over50++;
      this.slow400s.push({ ms: answer.ms, what: where });
      this.slow400s.sort((a, b) => b.ms - a.ms);
      this.slow400s.splice(5);
    }
    if (note.oneMb) this.timesOneMb.push(answer.ms);
    if (note.oneMb && answer.ms > this.slowestOneMb.ms)
      this.slowestOneMb = { ms: answer.ms, what: `${where} (${answer.status})` };
    if (note.field !== undefined && answer.status >= 400 && answer.status < 500)
      this.explained(where, note.field, answer);
  }

  /** Whether a refusal says what was wrong: a field path naming the input, or at least a message. */
  private explained(where: string, field: string, answer: Answer): void {
    let body: ErrorBody = {};
    try {
      body = JSON.parse(answer.body) as ErrorBody;
    } catch {
      // not JSON: neither
    }
    const error = typeof body.error === "object" ? body.error : undefined;
    const message = error?.message ?? body.message;
    const paths = (error?.fields ?? []).map((f) => String(f.path ?? ""));
    const leaf =
      field
        .split(/[.[\]]/)
        .filter(Boolean)
        .at(-1) ?? field;
    if (paths.some((p) => p.includes(leaf) || field.startsWith(p.replace(/^(query|params)\./, ""))))
      this.namedField++;
    else if (typeof message === "string" && message) this.messageOnly++;
    else this.unexplained.push(`${answer.status} without a message: ${where}: ${answer.body.slice(0, 120)}`);
  }

  /** Ten creations of one new username at once: exactly one account, the others refused. */
  race(route: string, answers: Answer[]): void {
    const counts = new Map<number, number>();
    for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
    const text = [...counts].map(([s, n]) => `${n}×${s}`).join(" ");
    this.races.push(`${route}: ${text}`);
    const created = answers.filter((a) => a.status >= 200 && a.status < 300).length;
    if (created > 1)
      this.raceProblems.push(`${route}: ten creations of one username made ${created} (${text})`);
  }

  /** The five slowest 400s, to look into. */
  slowest(): string[] {
    return this.slow400s.map((s) => `${Math.round(s.ms)} ms: ${s.what}`);
  }

  problems(): string[] {
    return [
      ...this.failures,
      ...this.accepted.map((a) => `accepted what must be refused: ${a}`),
      ...this.unexplained,
      ...this.raceProblems,
    ];
  }

  summary(): string {
    const ms = (n: number) => `${Math.round(n)} ms`;
    return (
      `${this.routes} routes, ${this.requests} requests, ${this.failures.length} 5xx or unanswered ` +
      `(${this.closedAtHeaderLimit} URLs over the 16 KB header limit whose 431 was lost to the connection's reset), ` +
      `${this.accepted.length} accepted that must be refused; 4xx for a bad field or parameter: ` +
      `${this.namedField} naming it, ${this.messageOnly} with a message only, ${this.unexplained.length} neither; ` +
      `${this.count400} 400s (median ${ms(percentile(this.times400, 0.5))}, 99th percentile ` +
      `${ms(percentile(this.times400, 0.99))}, ${this.over50} slower than ${SLOW_400_MS} ms, slowest ${ms(this.slow400s[0]?.ms ?? 0)} ` +
      `(${this.slow400s[0]?.what}); ${this.timesOneMb.length} 1 MB inputs answered in ` +
      `${ms(percentile(this.timesOneMb, 0.5))} median, slowest ` +
      `${ms(this.slowestOneMb.ms)} (${this.slowestOneMb.what}); one username ten times at once: ${this.races.join(", ") || "no route"}`
    );
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
