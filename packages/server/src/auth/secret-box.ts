import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors.ts";

/** How a sealed secret starts; a stored value without it is a plaintext secret from before sealing. */
const VERSION_1 = "v1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Raised when a sealed secret does not open with the configured key (another key, or a damaged value). */
export class SecretKeyMismatchError extends AppError {
  constructor() {
    super(
      503,
      "secret_key_mismatch",
      "The server's secret key (MAMORI_SECRET_KEY) is not the one the second-factor secrets were sealed with.",
    );
    this.name = "SecretKeyMismatchError";
  }
}

/**
 * Seals the secrets the server must read back (the TOTP secrets of second factors) with AES-256-GCM, so a copy of the
 * database alone does not give them away. Stored form: `v1:` + base64 of IV (12 bytes), tag (16 bytes), ciphertext.
 */
export type SecretBox = {
  seal: (plain: string) => string;
  /** The plaintext of a sealed value; a value from before sealing (no version prefix) is returned as it is. */
  open: (stored: string) => string;
};

export function isSealed(stored: string): boolean {
  return stored.startsWith(VERSION_1);
}

/** A key from its base64 form (MAMORI_SECRET_KEY); null when it is not 32 bytes. */
export function parseSecretKey(base64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64.trim())) return null;
  const key = Buffer.from(base64.trim(), "base64");
  return key.length === KEY_BYTES ? key : null;
}

export function newSecretKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`a secret key has ${KEY_BYTES} bytes, not ${key.length}`);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return VERSION_1 + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      const bytes = Buffer.from(stored.slice(VERSION_1.length), "base64");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretKeyMismatchError();
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new SecretKeyMismatchError();
      }
    },
  };
}

/** What the server has when PostgreSQL runs without MAMORI_SECRET_KEY and no one has a second factor yet. */
export const NO_SECRET_BOX: SecretBox = {
  seal() {
    throw new AppError(
      503,
      "secret_key_missing",
      "Two-step sign-in cannot be set up: the server has no secret key (set MAMORI_SECRET_KEY and restart).",
    );
  },
  open(stored) {
    if (!isSealed(stored)) return stored;
    throw new SecretKeyMismatchError();
  },
};
