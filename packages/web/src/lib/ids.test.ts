import { afterEach, describe, expect, it, vi } from "vitest";
import { newId } from "./ids.ts";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("newId", () => {
  it("makes RFC 4122 version-4 ids that differ", () => {
    const a = newId();
    expect(a).toMatch(UUID_V4);
    expect(newId()).not.toBe(a);
  });

  it("still makes them where randomUUID is missing (plain HTTP on the LAN)", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    expect(newId()).toMatch(UUID_V4);
  });
});
