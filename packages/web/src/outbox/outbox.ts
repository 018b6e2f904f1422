import { ApiError, indexOfPath, isRetryable } from "../api/errors.ts";
import type { FieldError, NewObservation, SaveResult } from "../api/types.ts";

/**
 * The outbox of the daily round: every observation is stored on the device first, then sent, and kept until the server
 * has acknowledged it. A resend carries the same client-made id, so the server counts it as a duplicate, never twice.
 */

export type OutboxStatus = "pending" | "rejected" | "sent";

export interface OutboxItem {
  observation: NewObservation;
  /** The facility day the entry belongs to, so the round can show it before the server has it. */
  day: string;
  unitId: string | null;
  queuedAt: string;
  attempts: number;
  status: OutboxStatus;
  /** Why the server refused it (validation or conflict); only for `rejected`. */
  error?: { id: string; message: string; fields: FieldError[] };
}

export interface FlushOutcome {
  sent: number;
  rejected: number;
  /** Something is still queued because the server could not be reached or answered with a temporary error. */
  retryLater: boolean;
  /** The session has ended; sending resumes after sign-in. */
  unauthenticated: boolean;
}

export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OutboxOptions {
  storage: OutboxStorage;
  /** Storage key; one per signed-in user so a shared tablet never sends one user's entries under another's name. */
  key: string;
  send: (observations: NewObservation[]) => Promise<SaveResult>;
  /** Takes back entries the server may hold (the round's 元に戻す); absent, only unsent entries can be taken back. */
  withdraw?: (ids: string[]) => Promise<unknown>;
  batchSize?: number;
  /** Waits between retries after a failed send, the last one repeating. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Partial<OutboxItem>;
  return (
    typeof item.observation === "object" &&
    item.observation !== null &&
    typeof item.observation.id === "string" &&
    typeof item.day === "string" &&
    (item.status === "pending" || item.status === "rejected")
  );
}

export class Outbox {
  private readonly options: OutboxOptions;
  private queue: OutboxItem[];
  /** Acknowledged in this session; kept in memory only, so the round shows them until it reloads from the server. */
  private readonly sent = new Map<string, OutboxItem>();
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<FlushOutcome> | null = null;
  /** The ids of the batch being sent right now: whether the server has them is not known until it answers. */
  private onWire = new Set<string>();
  private next: Promise<FlushOutcome> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private started = false;
  private snapshot: readonly OutboxItem[] | null = null;

  constructor(options: OutboxOptions) {
    this.options = options;
    this.queue = this.load();
  }

  /** Every item: waiting, refused, and acknowledged in this session, oldest first. The array is stable between changes. */
  items(): readonly OutboxItem[] {
    this.snapshot ??= [...this.sent.values(), ...this.queue].sort((a, b) =>
      a.queuedAt.localeCompare(b.queuedAt),
    );
    return this.snapshot;
  }

  pendingCount(): number {
    return this.queue.filter((item) => item.status === "pending").length;
  }

  /** Subscribes to every change; returns the unsubscribe function (fits React's useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Stores an observation and starts sending it. Returns false, and stores nothing, when an item with the same id is
   * already known (a double tap or a replayed event).
   */
  enqueue(observation: NewObservation, meta: { day: string; unitId?: string | null }): boolean {
    const id = observation.id;
    if (this.sent.has(id) || this.queue.some((item) => item.observation.id === id)) return false;
    this.queue.push({
      observation,
      day: meta.day,
      unitId: meta.unitId ?? null,
      queuedAt: (this.options.now?.() ?? new Date()).toISOString(),
      attempts: 0,
      status: "pending",
    });
    this.changed();
    if (this.started) void this.flush();
    return true;
  }

  /** Drops a refused item the user has decided not to resend. */
  discard(id: string): void {
    const before = this.queue.length;
    this.queue = this.queue.filter((item) => !(item.observation.id === id && item.status === "rejected"));
    if (this.queue.length !== before) this.changed();
  }

  /**
   * Takes back entries just made (the round's 元に戻す), all or nothing. What has not left the device is dropped here;
   * what the server holds or may hold (sent, or sent without an answer) is taken back on the server first. If that
   * fails the entries stay as they were and the error is thrown.
   */
  async withdraw(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    // An entry on the wire may or may not reach the server: wait for the answer before deciding.
    while (this.inFlight && [...this.onWire].some((id) => wanted.has(id))) await this.inFlight;
    const mayBeOnServer = (item: OutboxItem) =>
      item.status === "sent" || (item.status === "pending" && item.attempts > 0);
    const queued = this.queue.filter((item) => wanted.has(item.observation.id));
    const sent = [...this.sent.values()].filter((item) => wanted.has(item.observation.id));
    const remote = [...sent, ...queued.filter(mayBeOnServer)].map((item) => item.observation.id);
    // Hold them back from sending while the server is asked.
    this.queue = this.queue.filter((item) => !wanted.has(item.observation.id));
    for (const item of sent) this.sent.delete(item.observation.id);
    this.changed();
    if (remote.length === 0) return;
    try {
      if (!this.options.withdraw) throw new Error("this outbox cannot take back sent entries");
      await this.options.withdraw(remote);
    } catch (error) {
      this.queue = [...this.queue, ...queued];
      for (const item of sent) this.sent.set(item.observation.id, item);
      this.changed();
      if (this.started && queued.some((item) => item.status === "pending")) void this.flush();
      throw error;
    }
  }

  /** Sends everything pending; a call during a run is answered by one further run after it, for what came meanwhile. */
  flush(): Promise<FlushOutcome> {
    if (this.inFlight) {
      this.next ??= this.inFlight.then(() => {
        this.next = null;
        return this.flush();
      });
      return this.next;
    }
    this.inFlight = this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Sends now and again whenever the device comes back online or a retry is due. */
  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.("online", this.onOnline);
    void this.flush();
  }

  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.("online", this.onOnline);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private onOnline = () => {
    void this.flush();
  };

  private async run(): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { sent: 0, rejected: 0, retryLater: false, unauthenticated: false };
    let limit = this.options.batchSize ?? 100;
    for (;;) {
      const batch = this.queue.filter((item) => item.status === "pending").slice(0, limit);
      if (batch.length === 0) break;
      const step = await this.sendBatch(batch);
      outcome.sent += step.sent;
      outcome.rejected += step.rejected;
      if (step.stop === "retry") outcome.retryLater = true;
      if (step.stop === "unauthenticated") outcome.unauthenticated = true;
      if (step.stop) break;
      // A refusal that names no entry: find the culprit by sending one at a time.
      if (step.unlocated) limit = 1;
    }

    if (outcome.retryLater) this.scheduleRetry();
    else if (!outcome.unauthenticated) this.failures = 0;
    return outcome;
  }

  private async sendBatch(
    batch: OutboxItem[],
  ): Promise<{ sent: number; rejected: number; stop?: "retry" | "unauthenticated"; unlocated?: boolean }> {
    const ids = new Set(batch.map((item) => item.observation.id));
    this.queue = this.queue.map((item) =>
      ids.has(item.observation.id) ? { ...item, attempts: item.attempts + 1 } : item,
    );
    this.persist();
    this.onWire = ids;
    try {
      await this.options.send(batch.map((item) => item.observation));
    } catch (error) {
      this.onWire = new Set();
      if (error instanceof ApiError && error.status === 401)
        return { sent: 0, rejected: 0, stop: "unauthenticated" };
      if (isRetryable(error) || !(error instanceof ApiError)) {
        this.changed();
        return { sent: 0, rejected: 0, stop: "retry" };
      }
      return this.reject(batch, error);
    }
    this.onWire = new Set();
    for (const item of this.queue) {
      if (ids.has(item.observation.id)) this.sent.set(item.observation.id, { ...item, status: "sent" });
    }
    this.queue = this.queue.filter((item) => !ids.has(item.observation.id));
    this.changed();
    return { sent: batch.length, rejected: 0 };
  }

  /** Marks the entries a 4xx names as refused; the others stay pending and go again. */
  private reject(
    batch: OutboxItem[],
    error: ApiError,
  ): { sent: number; rejected: number; unlocated?: boolean } {
    const byIndex = new Map<number, FieldError[]>();
    for (const field of error.fields) {
      const index = indexOfPath(field.path, "observations");
      if (index === null || index >= batch.length) continue;
      byIndex.set(index, [...(byIndex.get(index) ?? []), field]);
    }
    if (byIndex.size === 0 && batch.length > 1) return { sent: 0, rejected: 0, unlocated: true };
    const culprits = byIndex.size === 0 ? new Map([[0, error.fields]]) : byIndex;
    const refused = new Map<string, FieldError[]>();
    for (const [index, fields] of culprits) refused.set(batch[index]!.observation.id, fields);
    this.queue = this.queue.map((item) => {
      const fields = refused.get(item.observation.id);
      if (fields === undefined) return item;
      return {
        ...item,
        status: "rejected",
        error: {
          id: error.id,
          message: error.message,
          fields: fields.map((f) => ({ ...f, path: f.path.replace(/^observations\[\d+\]\.?/, "") })),
        },
      };
    });
    this.changed();
    return { sent: 0, rejected: culprits.size };
  }

  private scheduleRetry(): void {
    if (!this.started || this.retryTimer !== null) return;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 60_000;
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private load(): OutboxItem[] {
    const raw = this.options.storage.getItem(this.options.key);
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      // Keep unreadable content aside rather than overwrite it with the next save.
      this.options.storage.setItem(`${this.options.key}.unreadable`, raw);
      return [];
    }
  }

  private persist(): void {
    this.options.storage.setItem(this.options.key, JSON.stringify(this.queue));
  }

  private changed(): void {
    this.persist();
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }
}
