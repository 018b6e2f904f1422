import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/roles.ts";
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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

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
