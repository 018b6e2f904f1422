import { z } from "zod";

/**
 * Free text as stored: trimmed, at most `maxLength` characters, with no NUL character (PostgreSQL refuses it) and no
 * unpaired surrogate (it cannot be encoded, so it would be stored altered and a resend would no longer compare equal).
 */
export function storableText(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .refine((text) => !text.includes("\u0000"), "must not contain a NUL character")
    .refine((text) => text.isWellFormed(), "must not contain an unpaired surrogate")
    .transform((text) => text.trim());
}
