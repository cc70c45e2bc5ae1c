// Apart from schema.ts (which imports drizzle) so that browser code may read the limits too.

/**
 * The longest value, in characters, of each stored text that people type: sign-up (lib/auth/server.ts) and the
 * feedback API (lib/feedback) refuse a longer one (400 naming the field) and a CHECK constraint refuses it in the
 * database as well.
 */
export const FIELD_LIMITS = {
  /** A user's name. */
  userName: 100,
  /** A user's email address (RFC 5321: an address is at most 254 characters). */
  userEmail: 254,
  /** A user's picture address (sign-up accepts one; the portal does not show it). */
  userImage: 2048,
  /** A customer account's name: "{user's name}’s account". */
  accountName: 120,
  /** The site path a reader's feedback is about, e.g. /docs/errors/token-expired. */
  feedbackPage: 200,
  /** A reader's comment, and a staff member's internal note on it (each stored after redaction, lib/redact). */
  feedbackComment: 2000,
  feedbackNote: 2000,
  /** A search that found nothing, as typed (normalised and redacted before it is stored). */
  searchQuery: 200,
  /** What an owner writes to support with an evidence bundle (stored after redaction). */
  bundleMessage: 2000,
} as const;
