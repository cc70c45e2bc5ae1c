// Readers' feedback and missed searches as they arrive: what a valid submission is, and how a query is normalised.
import { z } from 'zod';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { FEEDBACK_FIELD_RULES, FEEDBACK_STATUSES, SEARCH_MISS_KINDS, SITE_PATH } from './values';

export * from './values';

/** The largest feedback body read, JSON or form: a 2 000-character comment and an email fit with room to spare. */
export const FEEDBACK_BODY_LIMIT = 8 * 1024;
/** A missed search is a query of at most 200 characters and its kind. */
export const SEARCH_MISS_BODY_LIMIT = 4 * 1024;
/** The most items one console list answers. */
export const CONSOLE_FEEDBACK_LIMIT = 200;
export const CONSOLE_SEARCH_MISS_LIMIT = 100;
/** The window the console's missed-search list sums over by default, and the longest it may ask for, in days. */
export const SEARCH_MISS_DEFAULT_DAYS = 30;
export const SEARCH_MISS_MAX_DAYS = 365;

/** An empty string (an untouched form field) is the same as no value. */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const pageField = z
  .string({ error: FEEDBACK_FIELD_RULES.page })
  .max(FIELD_LIMITS.feedbackPage, `at most ${FIELD_LIMITS.feedbackPage} characters`)
  .regex(SITE_PATH, FEEDBACK_FIELD_RULES.page);

export const feedbackSchema = z.object({
  page: pageField,
  helpful: z.boolean({ error: FEEDBACK_FIELD_RULES.helpful }),
  comment: z.preprocess(
    blankIsAbsent,
    z.string({ error: 'must be text' }).max(FIELD_LIMITS.feedbackComment, FEEDBACK_FIELD_RULES.comment).optional(),
  ),
  email: z.preprocess(
    blankIsAbsent,
    z
      .email({ error: FEEDBACK_FIELD_RULES.email })
      .max(FIELD_LIMITS.userEmail, `at most ${FIELD_LIMITS.userEmail} characters`)
      .optional(),
  ),
});

export type FeedbackSubmission = z.output<typeof feedbackSchema>;

/** The no-JavaScript form's fields, as the JSON body has them: `helpful` is `yes` or `no` there. */
export function feedbackFormFields(form: URLSearchParams): Record<string, unknown> {
  const helpful = form.get('helpful');
  return {
    page: form.get('page') ?? undefined,
    helpful: helpful === 'yes' ? true : helpful === 'no' ? false : (helpful ?? undefined),
    comment: form.get('comment') ?? undefined,
    email: form.get('email') ?? undefined,
  };
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Validates with `schema`; a failure names its first field ("comment: at most 2000 characters"). */
export function parseFields<T extends z.ZodType>(schema: T, input: unknown): FieldResult<z.output<T>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
  const message = issue.path.length ? issue.message : 'must be a JSON object';
  return { ok: false, field, message: `${field}: ${message}` };
}

export const searchMissSchema = z.object({
  query: z
    .string({ error: 'must be text' })
    .max(FIELD_LIMITS.searchQuery, `at most ${FIELD_LIMITS.searchQuery} characters`),
  kind: z.enum(SEARCH_MISS_KINDS, { error: `must be one of ${SEARCH_MISS_KINDS.join(', ')}` }),
});

const statusField = z.enum(FEEDBACK_STATUSES, { error: `must be one of ${FEEDBACK_STATUSES.join(', ')}` });

/** The console inbox's filters, from the query string. */
export const feedbackFilterSchema = z.object({
  page: z.preprocess(blankIsAbsent, z.string().max(FIELD_LIMITS.feedbackPage).optional()),
  helpful: z.preprocess(
    blankIsAbsent,
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  ),
  status: z.preprocess(blankIsAbsent, statusField.optional()),
  q: z.preprocess(blankIsAbsent, z.string().max(FIELD_LIMITS.searchQuery, 'at most 200 characters').optional()),
});

export type FeedbackFilter = z.output<typeof feedbackFilterSchema>;

/** What staff may change on one piece of feedback. An empty note clears it. */
export const feedbackChangeSchema = z.object({
  status: statusField.optional(),
  note: z
    .string({ error: 'must be text' })
    .max(FIELD_LIMITS.feedbackNote, `at most ${FIELD_LIMITS.feedbackNote} characters`)
    .optional(),
});

export type FeedbackChange = z.output<typeof feedbackChangeSchema>;

export const searchMissWindowSchema = z.object({
  days: z.preprocess(
    (value) => blankIsAbsent(value) ?? String(SEARCH_MISS_DEFAULT_DAYS),
    z.coerce
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'at least 1')
      .max(SEARCH_MISS_MAX_DAYS, `at most ${SEARCH_MISS_MAX_DAYS}`),
  ),
});
