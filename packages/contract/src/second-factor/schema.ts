import { z } from "zod";
import { userResponse } from "../auth/schema.ts";

/** A 6-digit code of the authenticator app, or a recovery code (`ABCDE-FGHJK`, any case, hyphen optional). */
export const codeBody = z.object({ code: z.string().trim().min(1).max(40) });

/** The 6-digit code of the app, for confirming an enrolment (recovery codes do not confirm one). */
export const totpCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "6 digits"),
});

/** Starting an enrolment: a user who already has a second factor proves it is them with the password. */
export const enrolmentBody = z.object({ currentPassword: z.string().min(1).max(200).optional() }).optional();

export const disableBody = z.object({ currentPassword: z.string().min(1).max(200) });

export const enrolmentResponse = z.object({
  /** The secret in Base32, for typing into an app that cannot read the QR code. */
  secret: z.string(),
  /** The `otpauth://` address the QR code holds. */
  uri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
/** The set-up confirmed: the recovery codes, shown once, and the user now signed in with a second factor. */
export const enrolmentConfirmedResponse = recoveryCodesResponse.extend({ user: userResponse });
