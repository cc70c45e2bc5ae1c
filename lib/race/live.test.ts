import { describe, expect, it } from 'vitest';
import { documentIdSchema, keyHintSchema } from '@/lib/collaboration/validate';
import { liveDocumentId, readCreateAnswer, readSessionAvailable } from './live';

describe('reading the session API in live mode', () => {
  it("reads the winner's 201 and every other creator's 409 with the winner's hint", () => {
    expect(readCreateAnswer(201, { outcome: 'created', keyHint: 'h1' })).toEqual({ kind: 'created', keyHint: 'h1' });
    expect(readCreateAnswer(409, { outcome: 'rejected', keyHint: 'h1' })).toEqual({ kind: 'rejected', keyHint: 'h1' });
  });

  it('calls anything else unexpected and says what came back', () => {
    expect(readCreateAnswer(200, { outcome: 'created', keyHint: 'h1' })).toMatchObject({ kind: 'unexpected' });
    expect(readCreateAnswer(409, { outcome: 'created', keyHint: 'h1' })).toMatchObject({ kind: 'unexpected' });
    const missing = readCreateAnswer(404, { error: { code: 'NOT_FOUND' } });
    expect(missing).toEqual({
      kind: 'unexpected',
      message: 'The session API answered 404 {"error":{"code":"NOT_FOUND"}}, not 201 created or 409 rejected.',
    });
  });

  it('reads session-available data and ignores what is not', () => {
    expect(readSessionAvailable('{"keyHint":"h2"}')).toEqual({ keyHint: 'h2' });
    expect(readSessionAvailable('{"hint":"h2"}')).toBeNull();
    expect(readSessionAvailable('not json')).toBeNull();
  });

  it('makes document ids and key hints the API accepts', () => {
    for (const hint of ['h1', 'h42', 'static']) expect(keyHintSchema.safeParse(hint).success).toBe(true);
    expect(documentIdSchema.safeParse(liveDocumentId(crypto.randomUUID())).success).toBe(true);
  });
});
