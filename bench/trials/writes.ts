import { randomUUID } from "node:crypto";

/**
 * Clients sending observation batches with client-made ids, keeping the books: acknowledged (200) entries, and entries
 * whose answer never came or was not a 200 (unknown: maybe stored, maybe not). Status counts show what the server
 * answered while its process or its database was away.
 */
export class WriteClients {
  readonly acknowledged = new Map<string, string>();
  readonly unknown = new Map<string, string>();
  readonly statuses = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private url: string,
    private readonly cookie: string,
    private readonly personIds: string[],
  ) {}

  setUrl(url: string): void {
    this.url = url;
  }

  private count(what: string): void {
    this.statuses.set(what, (this.statuses.get(what) ?? 0) + 1);
  }

  start(clients: number): void {
    this.running = true;
    this.loops = Array.from({ length: clients }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const size = 1 + Math.floor(Math.random() * 3);
      const at = new Date(Date.now() - Math.floor(Math.random() * 3600_000) + 9 * 3600_000)
        .toISOString()
        .replace("Z", "+09:00");
      const entries = Array.from({ length: size }, () => ({
        id: randomUUID(),
        personId: this.personIds[Math.floor(Math.random() * this.personIds.length)]!,
        at,
        tempC: Math.round(355 + Math.random() * 30) / 10,
        symptoms: [],
      }));
      const body = JSON.stringify({ observations: entries });
      try {
        const response = await fetch(`${this.url}/api/observations`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: this.cookie },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        this.count(String(response.status));
        await response.text();
        for (const e of entries) (response.status === 200 ? this.acknowledged : this.unknown).set(e.id, body);
      } catch (error) {
        this.count((error as Error).name === "TimeoutError" ? "timeout" : "no answer");
        for (const e of entries) this.unknown.set(e.id, body);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * Sends every acknowledged batch again: each entry must come back as a duplicate (it is stored); one saved anew was
   * lost. Then the unknown batches: each must be accepted now (saved or duplicate).
   */
  async verify(): Promise<{ lost: number; resentUnknownFailed: number }> {
    let lost = 0;
    let resentUnknownFailed = 0;
    const batches = (map: Map<string, string>) => [...new Set(map.values())];
    for (const body of batches(this.acknowledged)) {
      const answer = await this.resend(body);
      lost += answer.saved;
    }
    for (const body of batches(this.unknown)) {
      const answer = await this.resend(body);
      if (answer.status !== 200) resentUnknownFailed++;
    }
    return { lost, resentUnknownFailed };
  }

  private async resend(body: string): Promise<{ status: number; saved: number }> {
    const response = await fetch(`${this.url}/api/observations`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie },
      body,
    });
    const json = (await response.json()) as { saved?: number };
    return { status: response.status, saved: json.saved ?? 0 };
  }
}

export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .find((c) => c.startsWith("mamori_session="))!
    .split(";")[0]!;
}

export async function personIdsOf(url: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${url}/api/people`, { headers: { cookie } });
  const json = (await response.json()) as { people: { id: string }[] };
  return json.people.map((p) => p.id);
}
