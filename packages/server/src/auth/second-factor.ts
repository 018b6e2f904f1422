import { createHash, randomInt } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * The second factor of sign-in: a time-based one-time password (TOTP, RFC 6238) from an authenticator app, with the
 * parameters every common app understands (SHA-1, 6 digits, 30-second steps) and a 160-bit secret. The Ministry's
 * security guideline for medical information systems (医療情報システムの安全管理に関するガイドライン 第6.0版) expects
 * multi-factor authentication; Mamori requires it of the roles that manage accounts or see several facilities.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = [
  "admin",
  "director",
  "health_centre_officer",
  "municipal_officer",
  "secretariat",
];

/** Whether a user of `role` must have a second factor in an organisation whose setting is `organisationRequires`. */
export function secondFactorRequired(role: Role, organisationRequires: boolean): boolean {
  return organisationRequires && SECOND_FACTOR_ROLES.includes(role);
}

/** How long the step between a right password and the code may take. */
export const SECOND_STEP_MINUTES = 10;
/**
 * Codes of the step before and after the server's are accepted too (a phone's clock a little off, a code typed as it
 * changes); each step's code is accepted once.
 */
const TOLERANCE_S = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Mamori";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: ISSUER, label: username, secret });
}

/** The QR code of the `otpauth://` address, as an SVG document (no script, drawn with paths). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/**
 * Checks a 6-digit code against a secret at `now`. Returns the 30-second step the code belongs to, or null when the
 * code is wrong or belongs to a step at or before `afterStep` (a code already used, or an older one).
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_S,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // The functional API answers for HOTP and TOTP alike; a TOTP answer carries its time step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// Recovery codes: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L), written as two groups of five;
// about 49 bits each, so a SHA-256 digest is enough to keep them from a database dump (as for session tokens).
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** A recovery code as typed (any case, with or without the hyphen or spaces) to its canonical form, or null. */
export function normaliseRecoveryCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, "").toUpperCase();
  if (compact.length !== 10 || [...compact].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

export function recoveryCodeDigest(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
