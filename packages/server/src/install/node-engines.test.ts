import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

// The README promises that `npm ci` works on Node.js 20.19 or newer. npm warns (EBADENGINE) when a locked package asks for
// a newer Node, so every package in the lock must accept the oldest Node the project supports. content-disposition@3 and
// cookie@2 ask for Node 22; the root package.json overrides them with content-disposition@2 and cookie@1, whose APIs
// (`create`, `parseCookie`, `stringifySetCookie`) are the ones @fastify/static, @fastify/cookie and light-my-request call.
const root = new URL("../../../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe("Node version agreement between the README, package.json and the lock", () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;

  it("package.json asks for Node 20.19 or newer, as the README says", () => {
    expect(manifest.engines.node).toBe(">=20.19");
    const readme = readFileSync(new URL("README.md", root), "utf8");
    expect(readme).toContain("Node.js 20.19 or newer");
  });

  it("every locked package accepts the oldest supported Node", () => {
    const refusing = Object.entries(lock.packages)
      .map(([path, entry]) => ({
        path,
        version: entry.version,
        node: Array.isArray(entry.engines) ? undefined : entry.engines?.node,
      }))
      .filter((p) => p.node !== undefined && !semver.satisfies(oldest, p.node));
    expect(refusing).toEqual([]);
  });

  it("the check would catch a package that wants Node 22", () => {
    expect(semver.satisfies(oldest, ">=22")).toBe(false);
    expect(semver.satisfies(oldest, "18 || 20 || >=22")).toBe(true);
  });
});
