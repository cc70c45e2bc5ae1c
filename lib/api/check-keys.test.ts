import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleKeyCheckRequest } from './check-keys';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function post(body: string) {
  return handleKeyCheckRequest(new Request('http://localhost/api/keys/check', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
}

describe('POST /api/keys/check', () => {
  it('answers 200 with the contract shape', async () => {
    const response = await post(JSON.stringify({ key: publicKey.export({ format: 'pem', type: 'spki' }) }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, errors: [], keys: [{ kty: 'EC', alg: 'ES256', crv: 'P-256' }] });
    expect(Object.keys(result.keys[0]).sort()).toEqual(['alg', 'crv', 'errors', 'kid', 'kty', 'thumbprint', 'warnings']);
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
