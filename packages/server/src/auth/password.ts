import { hash, verify } from "@node-rs/argon2";

/** Hashes a password with Argon2id (memory-hard; the library's defaults follow OWASP: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** A hash of nothing, verified against when the username is unknown so both paths take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash("mamori-decoy-password");
  return decoy;
}
