// The values feedback and missed searches take, apart from the validation so that the schema and browser code
// import only these.
import { FIELD_LIMITS } from '@/lib/db/field-limits';

/** What a reader's feedback is at in the console inbox. */
export const FEEDBACK_STATUSES = ['new', 'in-progress', 'done'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Why a search counts as a miss: nothing was found, or results were shown and the first was not opened. */
export const SEARCH_MISS_KINDS = ['no-result', 'not-opened'] as const;
export type SearchMissKind = (typeof SEARCH_MISS_KINDS)[number];

/** A path on this site: `/` first, not `//` (another host), no query or fragment, a plain character set. */
export const SITE_PATH = /^\/(?!\/)[A-Za-z0-9/_.-]*$/;

export function isSitePath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= FIELD_LIMITS.feedbackPage && SITE_PATH.test(value);
}

/** What each feedback field must be: the API's 400 and the no-JavaScript form's error both say this. */
export const FEEDBACK_FIELD_RULES = {
  page: 'must be a path on this site such as /docs/errors/token-expired, without a query or fragment',
  helpful: 'must be true or false (yes or no on the form)',
  comment: `at most ${FIELD_LIMITS.feedbackComment} characters`,
  email: 'must be an email address such as you@example.com',
} as const;

export type FeedbackField = keyof typeof FEEDBACK_FIELD_RULES;

/** How one search is counted with others: trimmed, lower-cased, every run of whitespace one space. */
export function normaliseSearchQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The feedback page for `page` (app/feedback): the footer's "Let us know" and the no-JavaScript form's answer. */
export function feedbackPageHref(page: string, outcome: Record<string, string> = {}): string {
  return `/feedback?${new URLSearchParams({ page, ...outcome }).toString()}`;
}
