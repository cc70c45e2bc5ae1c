import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIAGNOSE_BODY_LIMIT, handleDiagnoseRequest } from './diagnose-token';

const NOW = 1_800_000_000;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] };

function b64(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function rs256Token(payload: object): string {
  const signingInput = `${b64(JSON.stringify({ alg: 'RS256', kid: 'k1' }))}.${b64(JSON.stringify(payload))}`;
  return `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: privateKey }))}`;
}

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> {
  return handleDiagnoseRequest(new Request('http://localhost/api/tokens/diagnose', { method: 'POST', body, headers }));
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('POST /api/tokens/diagnose', () => {
  it('answers 200 with ok true for a valid token and the key that verified it', async () => {
    const response = await post(
      JSON.stringify({ token: rs256Token({ sub: 'u', exp: NOW + 60, iat: NOW }), jwks, now: NOW }),
    );
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, errors: [], key: { kid: 'k1' } });
    expect(result.key.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers 200 for an invalid token, with every problem', async () => {
    const token = rs256Token({ exp: NOW - 3600 });
    const response = await post(JSON.stringify({ token: `${token.slice(0, -4)}AAAA`, jwks, now: NOW }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.ok).toBe(false);
    expect(result.errors.map((error: { code: string }) => error.code)).toEqual([
      'TOKEN_MISSING_CLAIMS',
      'TOKEN_EXPIRED',
      'TOKEN_SIGNATURE_INVALID',
    ]);
  });

  it('honours the tolerance field', async () => {
    const token = rs256Token({ sub: 'u', exp: NOW - 100, iat: NOW - 200 });
    const strict = await (await post(JSON.stringify({ token, jwks, now: NOW }))).json();
    const lenient = await (await post(JSON.stringify({ token, jwks, now: NOW, tolerance: 120 }))).json();
    expect(strict.errors.map((error: { code: string }) => error.code)).toEqual(['TOKEN_EXPIRED']);
    expect(lenient.ok).toBe(true);
  });

  it('judges an ES256 token against the service\'s algorithms, and accepts it when "algorithms" adds ES256', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecJwks = { keys: [{ ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec' }] };
    const signingInput = `${b64(JSON.stringify({ alg: 'ES256', kid: 'ec' }))}.${b64(JSON.stringify({ sub: 'u', iat: NOW, exp: NOW + 8 * 3600 }))}`;
    const token = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`;
    const strict = await (await post(JSON.stringify({ token, jwks: ecJwks, now: NOW }))).json();
    expect(strict.errors.map((error: { code: string }) => error.code)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
    expect(strict.errors[0].message).toMatch(
      /asymmetric, but the service accepts only RS256, RS384, RS512, PS256, PS384 and PS512/,
    );
    expect(strict.algorithms).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
    const widened = await (
      await post(JSON.stringify({ token, jwks: ecJwks, now: NOW, algorithms: ['RS256', 'ES256'] }))
    ).json();
    expect(widened).toMatchObject({ ok: true, errors: [], key: { kid: 'ec' }, algorithms: ['RS256', 'ES256'] });
    // The set is the whole accepted set: naming only ES256 leaves RS256 out.
    const narrowed = await (
      await post(
        JSON.stringify({ token: rs256Token({ sub: 'u', exp: NOW + 60 }), jwks, now: NOW, algorithms: ['ES256'] }),
      )
    ).json();
    expect(narrowed.errors.map((error: { code: string }) => error.code)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
  });

  it.each([
    [['HS256'], /shared-secret/],
    [['none'], /unsigned/],
    [['ES999'], /not an algorithm/],
    [[42], /strings/],
  ])('answers 400 naming "algorithms" for %j, never widening', async (algorithms, message) => {
    const response = await post(
      JSON.stringify({ token: rs256Token({ sub: 'u', exp: NOW + 60 }), jwks, now: NOW, algorithms }),
    );
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/"algorithms/);
    expect(error.message).toMatch(message);
  });

  it('answers 200 with TOKEN_PART_NOT_JSON for a payload nested 20 000 deep, and 400 for a body nested that deep', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const token = `${b64('{"alg":"RS256"}')}.${b64(`{"sub":"u","exp":${NOW + 600},"x":${deep}}`)}.${b64('sig')}`;
    const response = await post(JSON.stringify({ token, jwks, now: NOW }));
    expect(response.status).toBe(200);
    expect((await response.json()).errors.map((error: { code: string }) => error.code)).toEqual([
      'TOKEN_PART_NOT_JSON',
    ]);
    const body = await post(`{"token":"a.b.c","jwks":{"keys":${deep}}}`);
    expect(body.status).toBe(400);
    expect((await errorOf(body)).message).toMatch(/more than 64 levels deep/);
  });

  it('reports JWKS_UNAVAILABLE when no key set is given and nobody is signed in', async () => {
    const result = await (
      await post(JSON.stringify({ token: rs256Token({ sub: 'u', exp: NOW + 60 }), now: NOW }))
    ).json();
    expect(result.errors.map((error: { code: string }) => error.code)).toEqual(['JWKS_UNAVAILABLE']);
  });

  it.each([
    ['not JSON', '{"token": ', /not valid JSON/],
    ['an empty body', '', /empty/],
    ['a missing token', '{}', /"token"/],
    ['a token that is a number', '{"token": 5}', /"token": must be a string/],
    ['now as a string', '{"token": "a.b.c", "now": "yesterday"}', /"now"/],
    ['a negative tolerance', '{"token": "a.b.c", "tolerance": -1}', /"tolerance": must be 0 or more/],
    ['jwks as an array', '{"token": "a.b.c", "jwks": []}', /"jwks"/],
    ['jwks that is not a key', '{"token": "a.b.c", "jwks": {"hello": 1}}', /"jwks"/],
    ['a JSON array body', '[1,2]', /body/],
  ])('answers 400 naming the problem for %s', async (_name, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['an unexpected token', '{"token": eyJhbGciOiJSUzI1NiJ9.secret-part}', /invalid JSON\)/],
    ['an unterminated string', '{"token": "eyJhbGciOiJSUzI1NiJ9.secret-part', /invalid JSON at character \d+\)/],
    ['a body that ends early', '{"token": "eyJhbGciOiJSUzI1NiJ9.secret-part", ', /ends too early|character/],
  ])(
    'never echoes the body back when it is not JSON (%s): only where parsing stopped',
    async (_name, body, message) => {
      const error = await errorOf(await post(body));
      expect(error.message).toMatch(/^The request body is not valid JSON \(/);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/secret|eyJ|token/);
    },
  );

  it('answers 413 for a body over 64 KiB, declared or streamed', async () => {
    const big = JSON.stringify({ token: 'a'.repeat(DIAGNOSE_BODY_LIMIT) });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await handleDiagnoseRequest(
      new Request('http://localhost/api/tokens/diagnose', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect((await errorOf(streamed)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('accepts a body of exactly the limit', async () => {
    const padding = DIAGNOSE_BODY_LIMIT - JSON.stringify({ token: '' }).length;
    const body = JSON.stringify({ token: 'x'.repeat(padding) });
    expect(body.length).toBe(DIAGNOSE_BODY_LIMIT);
    expect((await post(body)).status).toBe(200);
  });
});
