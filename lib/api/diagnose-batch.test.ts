import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { answerBatch, BATCH_BODY_LIMIT, BATCH_LINE_LIMIT, readBatch, refusedContentType } from './diagnose-batch';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] };
const now = 1_800_000_000;
const sign = (exp: number) =>
  new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt(now - 60)
    .setExpirationTime(exp)
    .sign(pair.privateKey);

const post = (body: string, type = 'application/x-ndjson') =>
  new Request('http://127.0.0.1/api/tokens/diagnose-batch', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

async function answers(body: string): Promise<Record<string, unknown>[]> {
  const lines = await readBatch(post(body));
  if (lines instanceof Response) throw new Error(`refused: ${lines.status}`);
  const response = answerBatch(lines);
  expect(response.headers.get('content-type')).toContain('application/x-ndjson');
  const text = await response.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('POST /api/tokens/diagnose-batch', () => {
  it('answers one §1 result per non-blank line, in order, for objects and bare tokens alike', async () => {
    const valid = await sign(now + 3600);
    const expired = await sign(now - 3600);
    const body = [
      JSON.stringify({ token: valid, jwks, now }),
      '',
      JSON.stringify({ token: expired, jwks, now }),
      `  ${valid}  `,
      '{"token": ',
      JSON.stringify({ token: 42 }),
    ].join('\r\n');
    const results = await answers(body);
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ ok: true, key: { kid: 'k1' }, keySource: { kind: 'request' } });
    expect(results[1]).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'TOKEN_EXPIRED' })] });
    // A bare token has no keys: it is judged as the one-token route judges it without jwks.
    expect(results[2]).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ code: 'JWKS_UNAVAILABLE' })]),
    });
    // Lines are counted as the client counts them, blank ones included.
    expect(results[3]).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^line 5: not JSON/) } });
    expect(results[4]).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^line 6: "token": must be a string/) },
    });
  });

  it('puts a line with unreadable keys in its place without failing the others', async () => {
    const valid = await sign(now + 3600);
    const results = await answers(
      [JSON.stringify({ token: valid, jwks: { keys: 'nope' }, now }), JSON.stringify({ token: valid, jwks, now })].join(
        '\n',
      ),
    );
    expect(results[0]).toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^line 1: "jwks": /) },
    });
    expect(results[1]).toMatchObject({ ok: true });
  });

  it('refuses a body over 1 MiB, too many lines, and a JSON body meant for the one-token route', async () => {
    expect(await readBatch(post('x'.repeat(BATCH_BODY_LIMIT + 1)))).toMatchObject({ status: 413 });
    const many = await readBatch(post('a\n'.repeat(BATCH_LINE_LIMIT + 1)));
    expect(many).toMatchObject({ status: 413 });
    expect(await (many as Response).json()).toMatchObject({
      error: { message: `The batch has ${BATCH_LINE_LIMIT + 1} tokens; send at most ${BATCH_LINE_LIMIT} per request.` },
    });
    const json = refusedContentType(post('{}', 'application/json'));
    expect(json?.status).toBe(415);
    expect(await json!.json()).toMatchObject({
      error: { message: expect.stringContaining('POST /api/tokens/diagnose') },
    });
    expect(refusedContentType(post('', 'text/plain; charset=utf-8'))).toBeUndefined();
  });
});
