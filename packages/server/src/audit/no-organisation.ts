/**
 * The organisation under which the audit log files an entry that belongs to none — a failed sign-in of a username no
 * account has, an event of Mamori itself. The audit log is keyed and distributed by organisation (docs/scaling.md), so
 * every entry needs one; this is the nil UUID, which no organisation can have (`gen_random_uuid()` makes version-4
 * ids, and the `organisations` table refuses it), so a reader never mistakes these entries for an organisation's.
 */
export const NO_ORGANISATION = "00000000-0000-0000-0000-000000000000";
