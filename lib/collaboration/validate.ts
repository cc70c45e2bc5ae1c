import { z } from 'zod';

/** Limits on what a client may name a document or a key; both end up in URLs, SQL parameters and NOTIFY payloads. */
export const DOCUMENT_ID_MAX = 128;
export const KEY_HINT_MAX = 256;
/** The initial content the winner uploads (encrypted, so opaque text); also the request body cap, less a little for the JSON around it. */
export const CONTENT_MAX = 256 * 1024;
export const CREATE_BODY_LIMIT = CONTENT_MAX + 4 * 1024;

const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:~-]*$/;
const KEY_HINT_PATTERN = /^[A-Za-z0-9._:~+/=-]+$/;

export const documentIdSchema = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(DOCUMENT_ID_MAX, `must be at most ${DOCUMENT_ID_MAX} characters`)
  .regex(DOCUMENT_ID_PATTERN, 'may hold only letters, digits and . _ : ~ - and must start with a letter or digit');

export const keyHintSchema = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(KEY_HINT_MAX, `must be at most ${KEY_HINT_MAX} characters`)
  .regex(KEY_HINT_PATTERN, 'may hold only letters, digits and . _ : ~ + / = -');

export const createCollaborationSessionSchema = z.object({
  keyHint: keyHintSchema,
  content: z
    .string({ error: 'must be a string' })
    .max(CONTENT_MAX, `must be at most ${CONTENT_MAX / 1024} KiB`)
    // PostgreSQL text cannot hold U+0000; refused here rather than failing in the database.
    .refine((content) => !content.includes('\u0000'), 'must not contain the character U+0000')
    .optional(),
});

export type CreateCollaborationSessionInput = z.output<typeof createCollaborationSessionSchema>;

/** The document id from a URL path, or the reason it is refused (for a 400). */
export function parseDocumentId(value: string): { ok: true; documentId: string } | { ok: false; message: string } {
  const parsed = documentIdSchema.safeParse(value);
  if (parsed.success) return { ok: true, documentId: parsed.data };
  return { ok: false, message: `The document id ${parsed.error.issues[0]?.message ?? 'is invalid'}.` };
}
