import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { eq, isNotNull, or } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { users } from "../db/schema/index.ts";
import {
  isSealed,
  NO_SECRET_BOX,
  newSecretKey,
  parseSecretKey,
  type SecretBox,
  secretBox,
} from "./secret-box.ts";

/** The key file of the embedded database, beside its data, made when MAMORI_SECRET_KEY is not set. */
export const KEY_FILE = "secret-key";

/** Start-up cannot go on: the message says which setting to fix. */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/** The key of the data directory's key file, made (32 random bytes, base64, mode 0600) if there is none. */
function keyOfDataDir(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    const fd = openSync(path, "wx", 0o600);
    try {
      writeSync(fd, `${newSecretKey().toString("base64")}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = parseSecretKey(readFileSync(path, "utf8"));
  if (!key) throw new SecretKeyError(`The key file ${path} does not hold a 32-byte key in base64.`);
  return key;
}

/**
 * The box that seals the second-factor secrets at rest, checked against what is stored, and every secret still stored
 * in plaintext (from before sealing) sealed. The key: MAMORI_SECRET_KEY; else, on the embedded database, a key file in
 * its data directory; else (PostgreSQL without the setting) none — fine while no user has a second factor, as setting
 * one up then answers that the key is missing; refused at start-up once some user has one, since those secrets could
 * be neither read safely nor sealed.
 *
 * @throws SecretKeyError when the key is missing, malformed or not the one the stored secrets were sealed with
 */
export async function openSecretBox(
  db: Database,
  settings: { secretKey: string | null; dataDir: string | null },
): Promise<SecretBox> {
  let key: Buffer | null = null;
  if (settings.secretKey !== null) {
    key = parseSecretKey(settings.secretKey);
    if (!key)
      throw new SecretKeyError(
        "MAMORI_SECRET_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).",
      );
  } else if (settings.dataDir !== null) {
    key = keyOfDataDir(settings.dataDir);
  }
  const stored = await db
    .select({ id: users.id, secret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)));
  if (!key) {
    if (stored.length === 0) return NO_SECRET_BOX;
    throw new SecretKeyError(
      `MAMORI_SECRET_KEY is not set, and ${stored.length} user(s) have a second factor whose secret must be sealed ` +
        "with it. Set MAMORI_SECRET_KEY to 32 bytes in base64 (e.g. `openssl rand -base64 32`) and keep it safe.",
    );
  }
  const box = secretBox(key);
  for (const row of stored) {
    const values = [row.secret, row.pending].filter((v): v is string => v !== null);
    try {
      for (const value of values) box.open(value);
    } catch {
      throw new SecretKeyError(
        "The secret key (MAMORI_SECRET_KEY, or the data directory's key file) is not the one the stored " +
          "second-factor secrets were sealed with. Start with the key used before.",
      );
    }
    const reseal = (value: string | null) => (value === null || isSealed(value) ? value : box.seal(value));
    if (values.some((v) => !isSealed(v))) {
      await db
        .update(users)
        .set({ totpSecret: reseal(row.secret), totpPendingSecret: reseal(row.pending) })
        .where(eq(users.id, row.id));
    }
  }
  return box;
}
