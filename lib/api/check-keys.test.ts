import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleKeyCheckRequest } from './check-keys';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function post(body: string) {
  return handleKeyCheckRequest(
    new Request('http://localhost/api/keys/check', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

describe('POST /api/keys/check', () => {
  it('answers 200 with the contract shape', async () => {
    const response = await post(JSON.stringify({ key: publicKey.export({ format: 'pem', type: 'spki' }) }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, errors: [], keys: [{ kty: 'RSA', alg: 'RS256', bits: 2048 }] });
    expect(Object.keys(result.keys[0]).sort()).toEqual([
      'alg',
      'bits',
      'errors',
      'kid',
      'kty',
      'thumbprint',
      'warnings',
    ]);
  });

  it('judges an EC key against the service\'s algorithms unless "algorithms" widens the check', async () => {
    const key = ec.publicKey.export({ format: 'pem', type: 'spki' });
    const strict = await (await post(JSON.stringify({ key }))).json();
    expect(strict.ok).toBe(false);
    expect(strict.keys[0].errors.map((error: { code: string }) => error.code)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    expect(strict.keys[0].errors[0].message).toMatch(/RS256, RS384, RS512, PS256, PS384 and PS512/);
    const widened = await (await post(JSON.stringify({ key, algorithms: ['RS256', 'ES256'] }))).json();
    expect(widened).toMatchObject({ ok: true, keys: [{ kty: 'EC', crv: 'P-256', alg: 'ES256', errors: [] }] });
  });

  it.each([
    [['HS256'], /HS256.*shared-secret/],
    [['none'], /unsigned/],
    [['rs256'], /must be written "RS256"/],
    [['EdDSA'], /not an algorithm/],
    [[], /empty/],
    ['RS256', /array/],
  ])('answers 400 naming "algorithms" for %j', async (algorithms, pattern) => {
    const response = await post(JSON.stringify({ key: publicKey.export({ format: 'pem', type: 'spki' }), algorithms }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/"algorithms"/);
    expect(error.message).toMatch(pattern);
  });

  it('answers 200 with KEY_IS_PRIVATE for a private key, without echoing it', async () => {
    const jwk = privateKey.export({ format: 'jwk' });
    const response = await post(JSON.stringify({ key: JSON.stringify(jwk) }));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).keys[0].errors[0].code).toBe('KEY_IS_PRIVATE');
    expect(text).not.toContain(jwk.d!);
  });

  it.each([
    ['{"key": 1}', /"key": must be a string/],
    ['{"key": ""}', /"key": must not be empty/],
    ['{}', /"key"/],
    ['nope', /not valid JSON/],
  ])('answers 400 for %s', async (body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(message);
  });

  it('answers 413 above 64 KiB', async () => {
    expect((await post(JSON.stringify({ key: 'x'.repeat(70 * 1024) }))).status).toBe(413);
  });
});
