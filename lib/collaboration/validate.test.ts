import { describe, expect, it } from 'vitest';
import {
  CONTENT_MAX,
  createCollaborationSessionSchema,
  DOCUMENT_ID_MAX,
  KEY_HINT_MAX,
  parseDocumentId,
} from './validate';

describe('document ids', () => {
  it('accepts ids an editor would use', () => {
    for (const id of ['doc-8f3a2c', 'a', 'Invoice_2026.v2', 'tenant:42:doc~1', 'x'.repeat(DOCUMENT_ID_MAX)])
      expect(parseDocumentId(id)).toEqual({ ok: true, documentId: id });
  });

  it('refuses empty, long and odd ids, saying why', () => {
    expect(parseDocumentId('')).toEqual({ ok: false, message: 'The document id must not be empty.' });
    expect(parseDocumentId('x'.repeat(DOCUMENT_ID_MAX + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining(`at most ${DOCUMENT_ID_MAX}`),
    });
    for (const id of ['-leading', 'has space', 'a/b', 'é', 'a%20b', "quote'"])
      expect(parseDocumentId(id)).toMatchObject({ ok: false, message: expect.stringContaining('may hold only') });
  });
});

describe('create request bodies', () => {
  it('takes a key hint and optional content', () => {
    expect(createCollaborationSessionSchema.parse({ keyHint: 'aGludA==/v1+x' })).toEqual({ keyHint: 'aGludA==/v1+x' });
    expect(
      createCollaborationSessionSchema.parse({ keyHint: 'k', content: 'c'.repeat(CONTENT_MAX) }).content,
    ).toHaveLength(CONTENT_MAX);
  });

  it('refuses a missing, empty, long or odd key hint and over-long content', () => {
    for (const body of [
      {},
      { keyHint: '' },
      { keyHint: 'k'.repeat(KEY_HINT_MAX + 1) },
      { keyHint: 'has space' },
      { keyHint: 42 },
      { keyHint: 'k', content: 'c'.repeat(CONTENT_MAX + 1) },
      { keyHint: 'k', content: 7 },
    ]) {
      expect(createCollaborationSessionSchema.safeParse(body).success, JSON.stringify(body).slice(0, 60)).toBe(false);
    }
  });

  it('refuses content holding U+0000, which PostgreSQL text cannot store, naming the character', () => {
    const parsed = createCollaborationSessionSchema.safeParse({ keyHint: 'k', content: 'before\u0000after' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('must not contain the character U+0000');
  });
});
