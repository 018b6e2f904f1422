import { describe, expect, it, vi } from "vitest";
import { createApiClient } from "./client.ts";
import { ApiError, NetworkError } from "./errors.ts";

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () =>
    body === null
      ? new Response(null, { status, headers })
      : new Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json", ...headers },
        }),
  );
}

describe("API client", () => {
  it("sends JSON with the session cookie and returns the answer", async () => {
    const fetch = respond(200, { saved: 2, duplicates: 0 });
    const api = createApiClient({ fetch });
    const answer = await api.saveObservations([
      { id: "a", personId: "p", at: "2026-11-23T07:00:00+09:00", symptoms: [] },
    ]);
    expect(answer).toEqual({ saved: 2, duplicates: 0 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/observations");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(JSON.parse(String(init.body)).observations[0].id).toBe("a");
  });

  it("turns a 400 into an ApiError listing every field (docs/api.md error shape)", async () => {
    const fetch = respond(400, {
      error: {
        id: "validation_failed",
        message: "Invalid input",
        fields: [
          { path: "observations[2].tempC", message: "expected a number between 30 and 45" },
          { path: "observations[4].symptoms[0]", message: "unknown symptom code" },
        ],
      },
    });
    const error = await createApiClient({ fetch })
      .saveObservations([])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, id: "validation_failed" });
    expect((error as ApiError).fields.map((f) => f.path)).toEqual([
      "observations[2].tempC",
      "observations[4].symptoms[0]",
    ]);
  });

  it("reads Retry-After on 429 and does not treat a wrong password as an expired session", async () => {
    const onUnauthenticated = vi.fn();
    const limited = createApiClient({
      fetch: respond(
        429,
        { error: { id: "too_many_requests", message: "slow down" } },
        { "retry-after": "120" },
      ),
      onUnauthenticated,
    });
    const error = await limited.login("demo-care", "x").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterS: 120 });

    const wrong = createApiClient({
      fetch: respond(401, { error: { id: "invalid_credentials", message: "Wrong" } }),
      onUnauthenticated,
    });
    await expect(wrong.login("demo-care", "x")).rejects.toMatchObject({ id: "invalid_credentials" });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it("reports any other 401 so the app can return to sign-in", async () => {
    const onUnauthenticated = vi.fn();
    const api = createApiClient({
      fetch: respond(401, { error: { id: "unauthenticated", message: "Sign in first." } }),
      onUnauthenticated,
    });
    await expect(api.people()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it("a failed connection is a NetworkError; 204 is no content", async () => {
    const down = createApiClient({
      fetch: vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    });
    await expect(down.round("u", "2026-11-23")).rejects.toBeInstanceOf(NetworkError);
    await expect(createApiClient({ fetch: respond(204, null) }).logout()).resolves.toBeUndefined();
  });

  it("sends the CSV as text/csv and encodes query values", async () => {
    const fetch = respond(200, { imported: 3 });
    await createApiClient({ fetch }).importPeople("name,kind\n山田,入所者\n");
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)["content-type"]).toContain("text/csv");

    const roundFetch = respond(200, { date: "2026-11-23", unit: {}, people: [] });
    await createApiClient({ fetch: roundFetch }).round("a&b", "2026-11-23");
    expect((roundFetch.mock.calls[0] as unknown as [string])[0]).toBe(
      "/api/rounds?unitId=a%26b&date=2026-11-23",
    );
  });
});
