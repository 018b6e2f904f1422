import type { ApiClient } from "../api/client.ts";
import { ApiError, NetworkError } from "../api/errors.ts";
import type { Facility, Round, User } from "../api/types.ts";

/**
 * The last answers of the three calls the daily round needs — who is signed in, the facility, and the round of a unit
 * and day — kept in this device's storage so the round opens when the tablet has lost its connection. The service
 * worker never answers an API call (src/offline/register-service-worker.ts); this copy is the app's own, used only
 * when the server cannot be reached, and always announced on screen with the time it was read (ConnectionNotice).
 *
 * It holds residents' names and rooms, as the round does: it is per user, bounded, and wiped on sign-out, on a new
 * sign-in and whenever the server says the session has ended.
 */

export interface Saved<T> {
  value: T;
  /** When the server gave it, ISO 8601. */
  savedAt: string;
}

export interface DeviceCopyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = "mamori.copy.";
const USER_KEY = `${PREFIX}user`;
/** Rounds kept per user: a few units over two days is what one tablet shows. */
const DEFAULT_MAX_ROUNDS = 12;

export class DeviceCopy {
  private readonly storage: DeviceCopyStorage;
  private readonly now: () => Date;
  private readonly maxRounds: number;
  private readonly listeners = new Set<() => void>();
  private shownFrom: string | null = null;

  constructor(storage: DeviceCopyStorage, options: { now?: () => Date; maxRounds?: number } = {}) {
    this.storage = storage;
    this.now = options.now ?? (() => new Date());
    this.maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  }

  /**
   * The oldest `savedAt` of the copies shown since the server last answered, or null while everything on screen came
   * from the server.
   */
  shownSince = (): string | null => this.shownFrom;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  saveUser(user: User): void {
    const previous = this.user()?.value;
    // Another person on a shared tablet: nothing of the previous one's may stay.
    if (previous && previous.id !== user.id) this.forget();
    this.write(USER_KEY, user);
  }

  user(): Saved<User> | null {
    return this.read<User>(USER_KEY);
  }

  saveFacility(facility: Facility): void {
    const key = this.userKey("facility");
    if (key) this.write(key, facility);
  }

  facility(): Saved<Facility> | null {
    const key = this.userKey("facility");
    return key ? this.read<Facility>(key) : null;
  }

  saveRound(round: Round): void {
    const key = this.userKey("rounds");
    if (!key) return;
    const others = this.rounds().filter(
      (r) => !(r.value.unit.id === round.unit.id && r.value.date === round.date),
    );
    const kept = [{ value: round, savedAt: this.now().toISOString() }, ...others]
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
      .slice(0, this.maxRounds);
    this.storage.setItem(key, JSON.stringify(kept));
  }

  /**
   * The round of a unit and day as last read; for a later day never read on this device, the unit's people from its
   * latest earlier round with no entries yet (a new morning without a connection). Never an earlier day's entries.
   */
  round(unitId: string, day: string): Saved<Round> | null {
    const ofUnit = this.rounds().filter((r) => r.value.unit.id === unitId);
    const exact = ofUnit.find((r) => r.value.date === day);
    if (exact) return exact;
    const earlier = ofUnit
      .filter((r) => r.value.date < day)
      .sort((a, b) => b.value.date.localeCompare(a.value.date))[0];
    if (!earlier) return null;
    return {
      savedAt: earlier.savedAt,
      value: {
        ...earlier.value,
        date: day,
        people: earlier.value.people.map((p) => ({ ...p, observations: [] })),
      },
    };
  }

  /** Marks that the screen shows a copy read at `savedAt`. */
  shown(savedAt: string): void {
    if (this.shownFrom !== null && this.shownFrom <= savedAt) return;
    this.shownFrom = savedAt;
    this.changed();
  }

  /** The server has answered: what comes next on screen is fresh. */
  reached(): void {
    if (this.shownFrom === null) return;
    this.shownFrom = null;
    this.changed();
  }

  /** Wipes every copy on this device (sign-out, another user, or a session the server has ended). */
  forget(): void {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) this.storage.removeItem(key);
    this.reached();
  }

  private rounds(): Saved<Round>[] {
    const key = this.userKey("rounds");
    if (!key) return [];
    const raw = this.parse(this.storage.getItem(key));
    return Array.isArray(raw) ? (raw as Saved<Round>[]) : [];
  }

  private userKey(what: string): string | null {
    const user = this.user();
    return user ? `${PREFIX}${user.value.id}.${what}` : null;
  }

  private write(key: string, value: unknown): void {
    try {
      this.storage.setItem(key, JSON.stringify({ value, savedAt: this.now().toISOString() }));
    } catch {
      // Full storage: the outbox matters more than this copy; the round then needs the connection to open.
    }
  }

  private read<T>(key: string): Saved<T> | null {
    const raw = this.parse(this.storage.getItem(key));
    if (typeof raw !== "object" || raw === null || !("value" in raw) || !("savedAt" in raw)) return null;
    return raw as Saved<T>;
  }

  private parse(text: string | null): unknown {
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The API client with the device copy behind `me`, `facility` and `round`: each answer is kept, and when the server
 * cannot be reached (NetworkError) the kept answer is returned instead and announced. A 401 wipes the copy; signing in
 * or out starts from nothing.
 */
export function withDeviceCopy(api: ApiClient, copy: DeviceCopy): ApiClient {
  async function kept<T>(
    call: () => Promise<T>,
    save: (value: T) => void,
    read: () => Saved<T> | null,
  ): Promise<T> {
    try {
      const value = await call();
      save(value);
      copy.reached();
      return value;
    } catch (error) {
      if (error instanceof NetworkError) {
        const saved = read();
        if (saved) {
          copy.shown(saved.savedAt);
          return saved.value;
        }
      }
      if (error instanceof ApiError && error.status === 401) copy.forget();
      throw error;
    }
  }

  return {
    ...api,
    login: async (username, password) => {
      copy.forget();
      return api.login(username, password);
    },
    logout: async () => {
      copy.forget();
      return api.logout();
    },
    me: () =>
      kept(
        () => api.me(),
        (user) => copy.saveUser(user),
        () => copy.user(),
      ),
    facility: () =>
      kept(
        () => api.facility(),
        (facility) => copy.saveFacility(facility),
        () => copy.facility(),
      ),
    round: (unitId, date) =>
      kept(
        () => api.round(unitId, date),
        (round) => copy.saveRound(round),
        () => copy.round(unitId, date),
      ),
  };
}
