import { randomUUID } from "node:crypto";
import autocannon, { type Result } from "autocannon";

const SYMPTOMS = [
  "cough",
  "sputum",
  "runny_nose",
  "sore_throat",
  "vomiting",
  "diarrhea",
  "poor_intake",
] as const;
const TOKYO_OFFSET_MS = 9 * 3600_000;

type Observation = {
  id: string;
  personId: string;
  at: string;
  tempC?: number;
  symptoms: string[];
  note?: string;
};

/** One answer: when its request was built and when the answer came, in ms from the start of the run. */
export type Answer = { builtMs: number; doneMs: number; ok: boolean; size: number };

export type WindowFigures = {
  requests: number;
  reqPerS: number;
  obsPerS: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
};

/**
 * Throughput and latency of the requests built at or after `fromS` and answered 200 by `toS` (seconds from the start
 * of the run). A run opens its connections at its start; measuring from a few seconds in leaves out how long a busy
 * server takes to accept 50 new connections, which is not what this benchmark is about.
 */
export function windowFigures(answers: Answer[], fromS: number, toS: number): WindowFigures {
  const inside = answers.filter((a) => a.ok && a.builtMs >= fromS * 1000 && a.doneMs <= toS * 1000);
  const latencies = inside.map((a) => a.doneMs - a.builtMs).sort((a, b) => a - b);
  const q = (p: number) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!
      : Number.NaN;
  const seconds = toS - fromS;
  return {
    requests: inside.length,
    reqPerS: inside.length / seconds,
    obsPerS: inside.reduce((a, x) => a + x.size, 0) / seconds,
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    p99: q(0.99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  };
}

/** A request body the server has not yet acknowledged with 200. */
type Batch = { body: string; size: number };

/** One signed-in care worker: the cookie of one session, used by one connection. */
export type BenchClient = { username: string; cookie: string };
/** A signed-in care worker and the residents of their facility, whom their batches are about. */
export type LoadClient = BenchClient & { personIds: string[] };

/** Signs each user in through `POST /api/auth/login` (Argon2id verification happens here, once per user). */
export async function signInAll(url: string, usernames: string[], password: string): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (const username of usernames) {
    const response = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("mamori_session="));
    if (!session) throw new Error(`sign-in of ${username}: no session cookie`);
    clients.push({ username, cookie: session.split(";")[0]! });
  }
  return clients;
}

/** An instant in the last two hours, written as the Japanese local time with its offset, as a tablet would send it. */
function recentTokyoTime(now: number): string {
  const instant = now - Math.floor(Math.random() * 2 * 3600_000);
  return new Date(instant + TOKYO_OFFSET_MS).toISOString().replace("Z", "+09:00");
}

/** One round entry: mostly "checked, nothing new" with a temperature, sometimes a symptom, rarely a note. */
function makeObservation(personIds: string[], now: number): Observation {
  const observation: Observation = {
    id: randomUUID(),
    personId: personIds[Math.floor(Math.random() * personIds.length)]!,
    at: recentTokyoTime(now),
    symptoms: [],
  };
  if (Math.random() < 0.9) observation.tempC = Math.round(355 + Math.random() * 30) / 10;
  if (Math.random() < 0.15) observation.symptoms.push(SYMPTOMS[Math.floor(Math.random() * SYMPTOMS.length)]!);
  if (Math.random() < 0.05) observation.note = "食事量 半分";
  return observation;
}

/** A batch of 1–`maxBatch` entries, each with a fresh client-made id. */
function makeBatch(personIds: string[], maxBatch: number): Batch {
  const size = 1 + Math.floor(Math.random() * maxBatch);
  const now = Date.now();
  const entries = Array.from({ length: size }, () => makeObservation(personIds, now));
  return { body: JSON.stringify({ observations: entries }), size };
}

/**
 * Drives `POST /api/observations` from signed-in clients and keeps the books: every batch built is "outstanding" until
 * the server answers 200 `{"saved": size, "duplicates": 0}`. Anything else is counted as a failure by status, with a few
 * bodies kept to show. Batches still outstanding when a run stops (in flight, or lost to a timeout) are resent after
 * the runs; the ids make that safe, and then every observation built must be a row.
 */
export class ObservationLoad {
  readonly outstanding = new Map<string, { batch: Batch; cookie: string }>();
  observationsBuilt = 0;
  observationsAcknowledged = 0;
  readonly failures = new Map<string, number>();
  readonly failureSamples: string[] = [];
  private nextClient = 0;
  /** Every answer of the last run, in ms from the run's start: when its request was built and when it came back. */
  answers: Answer[] = [];

  constructor(
    private readonly url: string,
    private readonly clients: LoadClient[],
    private readonly maxBatch: number,
    private readonly path = "/api/observations",
  ) {}

  private fail(kind: string, body: string): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
    if (this.failureSamples.length < 5) this.failureSamples.push(`${kind}: ${body.slice(0, 300)}`);
  }

  /** One autocannon run with `connections` connections for `durationS` seconds; each connection is one client. */
  async run(connections: number, durationS: number, timeoutS = 30): Promise<Result> {
    if (connections > this.clients.length)
      throw new Error(`${connections} connections but ${this.clients.length} clients`);
    this.nextClient = 0;
    this.answers = [];
    const runStartedAt = performance.now();
    const instance = autocannon({
      url: this.url,
      connections,
      duration: durationS,
      // Long enough that slow answers are measured, not dropped from the latency figures as timeouts.
      timeout: timeoutS,
      method: "POST",
      path: this.path,
      setupClient: (client) => {
        const { cookie, personIds } = this.clients[this.nextClient++ % this.clients.length]!;
        let current: { key: string; size: number; builtAt: number } | null = null;
        client.setRequests([
          {
            method: "POST",
            path: this.path,
            setupRequest: (request) => {
              const batch = makeBatch(personIds, this.maxBatch);
              const key = randomUUID();
              this.outstanding.set(key, { batch, cookie });
              this.observationsBuilt += batch.size;
              current = { key, size: batch.size, builtAt: performance.now() };
              return {
                ...request,
                headers: { ...request.headers, "content-type": "application/json", cookie },
                body: batch.body,
              };
            },
            onResponse: (status, body) => {
              const sent = current;
              current = null;
              if (!sent) return this.fail("response without a request", body);
              this.answers.push({
                builtMs: sent.builtAt - runStartedAt,
                doneMs: performance.now() - runStartedAt,
                ok: status === 200,
                size: sent.size,
              });
              if (status !== 200) return this.fail(`HTTP ${status}`, body);
              const answer = JSON.parse(body) as { saved?: number; duplicates?: number };
              if (answer.saved !== sent.size || answer.duplicates !== 0)
                return this.fail("wrong counts", body);
              this.outstanding.delete(sent.key);
              this.observationsAcknowledged += sent.size;
            },
          },
        ]);
      },
    });
    return await instance;
  }

  /**
   * Resends every batch still outstanding with its own client's cookie; each must come back 200 with saved +
   * duplicates equal to its size (saved when the first send never reached the database, duplicates when it did).
   */
  async resendOutstanding(): Promise<{ batches: number; saved: number; duplicates: number }> {
    let saved = 0;
    let duplicates = 0;
    const batches = this.outstanding.size;
    for (const [key, { batch, cookie }] of this.outstanding) {
      const response = await fetch(`${this.url}${this.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: batch.body,
      });
      const text = await response.text();
      if (response.status !== 200) {
        this.fail(`resend HTTP ${response.status}`, text);
        continue;
      }
      const answer = JSON.parse(text) as { saved: number; duplicates: number };
      if (answer.saved + answer.duplicates !== batch.size) {
        this.fail("resend wrong counts", text);
        continue;
      }
      saved += answer.saved;
      duplicates += answer.duplicates;
      this.observationsAcknowledged += batch.size;
      this.outstanding.delete(key);
    }
    return { batches, saved, duplicates };
  }
}
