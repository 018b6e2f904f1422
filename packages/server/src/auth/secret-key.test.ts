import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../db/connect.ts";
import type { Database } from "../db/database.ts";
import { users } from "../db/schema/index.ts";
import { makeFacility } from "../test/test-facility.ts";
import { newSecretKey, secretBox } from "./secret-box.ts";
import { KEY_FILE, openSecretBox, SecretKeyError } from "./secret-key.ts";

// Start-up scans every user's secrets, so these tests use an embedded database of their own even when the suite runs on
// a shared PostgreSQL server (whose other users' secrets are sealed with other processes' keys).
let db: Database;
let close: () => Promise<void>;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-secret-key-"));
  dirs.push(dir);
  return dir;
};
beforeAll(async () => {
  const opened = await connect({ kind: "pglite", dataDir: tempDir() });
  db = opened.db;
  close = opened.close;
}, 60_000);
afterAll(async () => {
  await close?.();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const PLAIN = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("the secret box", () => {
  it("seals with a fresh IV each time, opens with its key, and reads a value from before sealing as it is", () => {
    const box = secretBox(newSecretKey());
    const a = box.seal(PLAIN);
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain(PLAIN);
    expect(box.seal(PLAIN)).not.toBe(a);
    expect(box.open(a)).toBe(PLAIN);
    expect(box.open(PLAIN)).toBe(PLAIN);
  });

  it("answers another key with a clear 503, not a crash", () => {
    const sealed = secretBox(newSecretKey()).seal(PLAIN);
    expect(() => secretBox(newSecretKey()).open(sealed)).toThrow(
      expect.objectContaining({ status: 503, id: "secret_key_mismatch" }),
    );
  });
});

describe("opening the box at start-up", () => {
  it("makes a key file of mode 0600 in the embedded database's directory and keeps using it", async () => {
    const dataDir = tempDir();
    const first = await openSecretBox(db, { secretKey: null, dataDir });
    const path = join(dataDir, KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await openSecretBox(db, { secretKey: null, dataDir });
    expect(again.open(first.seal(PLAIN))).toBe(PLAIN);
  });

  it("seals a plaintext secret from before, and refuses a key that is not the one it was sealed with", async () => {
    const f = await makeFacility(db, { roles: ["director"] });
    const key = newSecretKey().toString("base64");
    await db
      .update(users)
      .set({ totpSecret: PLAIN, totpPendingSecret: PLAIN })
      .where(eq(users.username, f.usernames.director!));
    const box = await openSecretBox(db, { secretKey: key, dataDir: null });
    const [row] = await db.select().from(users).where(eq(users.username, f.usernames.director!));
    expect(row!.totpSecret).toMatch(/^v1:/);
    expect(row!.totpPendingSecret).toMatch(/^v1:/);
    expect(box.open(row!.totpSecret!)).toBe(PLAIN);

    const wrong = newSecretKey().toString("base64");
    await expect(openSecretBox(db, { secretKey: wrong, dataDir: null })).rejects.toThrow(
      /not the one the stored second-factor secrets were sealed with/,
    );
    // PostgreSQL without the setting, once a user has a second factor: refused, naming the setting.
    await expect(openSecretBox(db, { secretKey: null, dataDir: null })).rejects.toThrow(
      /MAMORI_SECRET_KEY is not set/,
    );
    await db.update(users).set({ totpSecret: null, totpPendingSecret: null });
  });

  it("refuses a malformed key and a damaged key file with the setting's name", async () => {
    await expect(openSecretBox(db, { secretKey: "too-short", dataDir: null })).rejects.toThrow(
      SecretKeyError,
    );
    const dataDir = tempDir();
    writeFileSync(join(dataDir, KEY_FILE), "nonsense\n");
    await expect(openSecretBox(db, { secretKey: null, dataDir })).rejects.toThrow(
      /does not hold a 32-byte key/,
    );
  });

  it("starts on PostgreSQL without the setting while no user has a second factor; setting one up says why not", async () => {
    const box = await openSecretBox(db, { secretKey: null, dataDir: null });
    expect(() => box.seal(PLAIN)).toThrow(expect.objectContaining({ status: 503, id: "secret_key_missing" }));
  });
});
