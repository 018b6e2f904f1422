import { ROLES } from "@mamori/contract/permissions";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** The confirmed TOTP secret (Base32, RFC 6238: SHA-1, 6 digits, 30 s); null when the user has no second factor. */
  totpSecret: text("totp_secret"),
  /** A secret shown for enrolment and not yet confirmed by a first code. */
  totpPendingSecret: text("totp_pending_secret"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code is never accepted twice, nor one of an earlier step. */
  totpLastStep: integer("totp_last_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes of a user's second factor; only a SHA-256 digest of each is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeDigest: text("code_digest").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Sign-in sessions. Only a SHA-256 digest of the cookie's token is stored, so a database dump signs nobody in. */
export const sessions = pgTable(
  "sessions",
  {
    tokenDigest: text("token_digest").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /**
     * `full`, or `second_factor` between a right password and the code of the second factor: such a session opens
     * nothing but the second step, and lasts minutes.
     */
    stage: text("stage", { enum: ["full", "second_factor"] })
      .notNull()
      .default("full"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins, kept in the database so that the limits per account and per address hold across restarts and
 * across server processes. The account is named by a SHA-256 digest of the lower-cased username (a mistyped password
 * sometimes lands in the username field; it is never stored in clear).
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    accountKey: text("account_key").notNull(),
    address: text("address").notNull(),
  },
  (t) => [
    index("sign_in_failures_account_idx").on(t.accountKey, t.at),
    index("sign_in_failures_address_idx").on(t.address, t.at),
  ],
);
