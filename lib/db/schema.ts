import { sql } from 'drizzle-orm';
import { FEEDBACK_STATUSES, SEARCH_MISS_KINDS, type FeedbackStatus, type SearchMissKind } from '@/lib/feedback/values';
import { FIELD_LIMITS } from './field-limits';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  primaryKey,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export { FIELD_LIMITS } from './field-limits';

/** 'a', 'b': the values a CHECK (… in (…)) admits, as SQL literals (the values are the project's own constants). */
const quotedList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export type { FeedbackStatus, SearchMissKind };

/** CHECK (char_length(column) <= limit); a NULL passes, as a CHECK does. */
const maxLength = (name: string, column: Parameters<typeof sql>[1], limit: number) =>
  check(name, sql`char_length(${column}) <= ${sql.raw(String(limit))}`);

/** A customer account: the owner of an API key, which the editor is loaded with, and of a JWK set. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    apiKey: text('api_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [maxLength('accounts_name_length', table.name, FIELD_LIMITS.accountName)],
);

/** Public keys only: private material is refused before it reaches storage. */
export const publicKeys = pgTable(
  'public_keys',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kid: text('kid').notNull(),
    kty: text('kty').notNull(),
    alg: text('alg'),
    jwk: jsonb('jwk').$type<Record<string, unknown>>().notNull(),
    thumbprint: text('thumbprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('public_keys_account_kid').on(table.accountId, table.kid),
    uniqueIndex('public_keys_account_thumbprint').on(table.accountId, table.thumbprint),
  ],
);

/** Who changed which key, when, and in which role: shown to owners and staff. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    keyKid: text('key_kid'),
    keyThumbprint: text('key_thumbprint'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_events_account_at').on(table.accountId, table.at)],
);

/** Request counters shared by every server process (the layout rate-limiter-flexible's PostgreSQL store uses). */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  points: integer('points').notNull().default(0),
  expire: bigint('expire', { mode: 'number' }),
});

/**
 * What a stored session counts for besides the bytes of its document id, key hint and content: its row's header,
 * timestamps and index entries, roughly. So that many empty sessions count too. Changing it takes a migration
 * (it is in `size_bytes`' expression); lib/collaboration/bounds.test.ts checks that the two agree.
 */
export const COLLABORATION_SESSION_ROW_OVERHEAD_BYTES = 128;

/**
 * One collaboration session per document (contract section 4). The primary key is what makes the
 * first creator win: every creator inserts, and the database lets exactly one insert through.
 * `size_bytes` is what the session counts against RTC_DOCTOR_SESSION_STORAGE_BYTES (UTF-8 bytes, as stored).
 */
export const collaborationSessions = pgTable(
  'collaboration_sessions',
  {
    documentId: text('document_id').primaryKey(),
    keyHint: text('key_hint').notNull(),
    content: text('content'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    sizeBytes: integer('size_bytes')
      .notNull()
      .generatedAlwaysAs(
        sql`octet_length("document_id") + octet_length("key_hint") + coalesce(octet_length("content"), 0) + ${sql.raw(String(COLLABORATION_SESSION_ROW_OVERHEAD_BYTES))}`,
      ),
  },
  (table) => [index('collaboration_sessions_last_active').on(table.lastActiveAt)],
);

/**
 * One row: the sum of every stored session's `size_bytes`, kept by triggers on collaboration_sessions (migration
 * 0005), so checking the storage bound costs one row, not a scan. A create that stores something holds this row's
 * lock from its write to its commit: that is what keeps concurrent creates from overshooting the bound together.
 */
export const collaborationSessionStorage = pgTable(
  'collaboration_session_storage',
  {
    id: boolean('id').primaryKey().default(true),
    usedBytes: bigint('used_bytes', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('collaboration_session_storage_one_row', sql`${table.id}`)],
);

// The tables of the sign-in library (better-auth). Property names are the fields it asks for.
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** People who sign in: an account's owner, or support staff (who belong to no account). */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role').notNull().default('owner'),
    customerAccountId: text('customer_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    maxLength('users_name_length', table.name, FIELD_LIMITS.userName),
    maxLength('users_email_length', table.email, FIELD_LIMITS.userEmail),
    maxLength('users_image_length', table.image, FIELD_LIMITS.userImage),
  ],
);

/** Sign-in sessions (better-auth's `session` model), not collaboration sessions. */
export const signInSessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('sessions_user').on(table.userId)],
);

/** Sign-in methods of a user (here: the email and password hash). Not to be confused with customer accounts. */
export const authAccounts = pgTable('auth_accounts', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  providerId: text('provider_id').notNull(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessToken: text('access_token'),
  refreshToken: text('refresh_token'),
  idToken: text('id_token'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  scope: text('scope'),
  password: text('password'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * "Was this page helpful?" from a reader (contract section 5). Comments and notes are stored redacted
 * (lib/redact): no token signature or private key ever reaches this table. Nothing says who the reader was
 * beyond the email they chose to give.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    page: text('page').notNull(),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    email: text('email'),
    status: text('status').$type<FeedbackStatus>().notNull().default('new'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('feedback_created_at').on(table.createdAt.desc()),
    index('feedback_page_created_at').on(table.page, table.createdAt),
    check('feedback_status', sql`${table.status} in (${sql.raw(quotedList(FEEDBACK_STATUSES))})`),
    maxLength('feedback_page_length', table.page, FIELD_LIMITS.feedbackPage),
    maxLength('feedback_comment_length', table.comment, FIELD_LIMITS.feedbackComment),
    maxLength('feedback_email_length', table.email, FIELD_LIMITS.userEmail),
    maxLength('feedback_note_length', table.note, FIELD_LIMITS.feedbackNote),
  ],
);

/** What staff can change on a piece of feedback; each change is one feedback_events row. */
export type FeedbackEventAction = 'status' | 'note';

/** The audit log of the inbox: who changed which feedback's status or note, from what to what. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    feedbackId: text('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').$type<FeedbackEventAction>().notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('feedback_events_feedback_at').on(table.feedbackId, table.at)],
);

/**
 * Searches that did not help, counted per query, kind and day (UTC): repeated queries add to one row, so the
 * console's per-day figures read a few rows, not one per search. Never who searched: no address, no user.
 */
export const searchMisses = pgTable(
  'search_misses',
  {
    query: text('query').notNull(),
    kind: text('kind').$type<SearchMissKind>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(1),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'search_misses_pkey', columns: [table.query, table.kind, table.day] }),
    index('search_misses_day').on(table.day),
    check('search_misses_kind', sql`${table.kind} in (${sql.raw(quotedList(SEARCH_MISS_KINDS))})`),
    maxLength('search_misses_query_length', table.query, FIELD_LIMITS.searchQuery),
  ],
);

/**
 * What the console's docs health sums: per page and UTC day, how often the feedback form was seen and how many
 * readers answered yes or no. Kept beside the feedback rows (one write more per vote) so that the figures for
 * every page over 30 days read a few thousand rows, not every vote.
 */
export const feedbackPageDays = pgTable(
  'feedback_page_days',
  {
    page: text('page').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    views: integer('views').notNull().default(0),
    helpful: integer('helpful').notNull().default(0),
    unhelpful: integer('unhelpful').notNull().default(0),
  },
  (table) => [
    primaryKey({ name: 'feedback_page_days_pkey', columns: [table.page, table.day] }),
    index('feedback_page_days_day').on(table.day),
    maxLength('feedback_page_days_page_length', table.page, FIELD_LIMITS.feedbackPage),
  ],
);

/**
 * What an account's users hit: per account, UTC day and error code, how many account-mode checks found it.
 * Codes and counts only; never the token, its claims or who checked it.
 */
export const diagnosisDays = pgTable(
  'diagnosis_days',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    count: integer('count').notNull().default(1),
  },
  (table) => [primaryKey({ name: 'diagnosis_days_pkey', columns: [table.accountId, table.day, table.code] })],
);

/**
 * Evidence a signed-in owner sent to support from the evidence reader: the redacted bundle (findings only, never
 * the capture; lib/evidence/bundle-schema.ts checks and redacts it again on arrival), readable by staff and the
 * sender only, and deleted once `expires_at` has passed (lib/db/bundle-store.ts).
 */
export const supportBundles = pgTable(
  'support_bundles',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    bundle: jsonb('bundle').$type<Record<string, unknown>>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('support_bundles_account_created').on(table.accountId, table.createdAt.desc()),
    index('support_bundles_sender_created').on(table.senderId, table.createdAt.desc()),
    index('support_bundles_expires').on(table.expiresAt),
    maxLength('support_bundles_message_length', table.message, FIELD_LIMITS.bundleMessage),
  ],
);

export const schema = {
  accounts,
  publicKeys,
  auditEvents,
  rateLimits,
  collaborationSessions,
  collaborationSessionStorage,
  users,
  signInSessions,
  authAccounts,
  verifications,
  feedback,
  feedbackEvents,
  searchMisses,
  feedbackPageDays,
  diagnosisDays,
  supportBundles,
};
