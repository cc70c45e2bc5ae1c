import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkKeys, MAX_KEYS_PER_SET } from './check';

const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const k256 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed25519 = generateKeyPairSync('ed25519');

const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' = 'spki') => key.export({ format: 'pem', type } as never) as unknown as string;

function rfc7638(jwk: Record<string, string>): string {
  const members = jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : ['crv', 'kty', 'x', 'y'];
  const canonical = JSON.stringify(Object.fromEntries(members.map((member) => [member, jwk[member]])));
  return createHash('sha256').update(canonical).digest('base64url');
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

describe('checkKeys', () => {
  it('accepts a JWK set of RSA and EC keys with their size, curve, alg and thumbprint', async () => {
    const set = { keys: [{ ...jwkOf(rsa2048.publicKey), kid: 'r' }, { ...jwkOf(p256.publicKey), kid: 'e1' }, { ...jwkOf(p384.publicKey), kid: 'e2' }, { ...jwkOf(p521.publicKey), kid: 'e3', alg: 'ES512' }] };
    const result = await checkKeys(JSON.stringify(set));
    expect(result.ok).toBe(true);
    expect(result.keys.map((key) => [key.kid, key.kty, key.alg, key.bits ?? key.crv])).toEqual([
      ['r', 'RSA', 'RS256', 2048],
      ['e1', 'EC', 'ES256', 'P-256'],
      ['e2', 'EC', 'ES384', 'P-384'],
      ['e3', 'EC', 'ES512', 'P-521'],
    ]);
    expect(result.keys[0]!.thumbprint).toBe(rfc7638(jwkOf(rsa2048.publicKey)));
    expect(result.keys[1]!.thumbprint).toBe(rfc7638(jwkOf(p256.publicKey)));
  });

  it('reads SPKI and PKCS#1 PEM keys, several blocks at once', async () => {
    const result = await checkKeys(`${pemOf(rsa2048.publicKey, 'pkcs1')}\n${pemOf(p256.publicKey)}`);
    expect(result.ok).toBe(true);
    expect(result.keys.map((key) => key.thumbprint)).toEqual([rfc7638(jwkOf(rsa2048.publicKey)), rfc7638(jwkOf(p256.publicKey))]);
  });

  it('offers the thumbprint as the kid of a key without one', async () => {
    const [key] = (await checkKeys(JSON.stringify(jwkOf(p256.publicKey)))).keys;
    expect(key!.kid).toBe(key!.thumbprint);
    expect(codes(key!.warnings)).toContain('KEY_NO_KID');
  });

  it('refuses private keys without echoing their secret members', async () => {
    const privateJwk: Record<string, string> = { ...jwkOf(p256.privateKey), kid: 'leak' };
    const result = await checkKeys(JSON.stringify({ keys: [privateJwk] }));
    expect(result.ok).toBe(false);
    expect(codes(result.keys[0]!.errors)).toEqual(['KEY_IS_PRIVATE']);
    expect(result.keys[0]!.errors[0]!.message).toMatch(/rotate/);
    expect(JSON.stringify(result)).not.toContain(privateJwk.d);
    const pem = await checkKeys(pemOf(rsa2048.privateKey, 'pkcs8'));
    expect(codes(pem.keys[0]!.errors)).toEqual(['KEY_IS_PRIVATE']);
    expect(JSON.stringify(pem)).not.toContain(pemOf(rsa2048.privateKey, 'pkcs8').split('\n')[1]);
  });

  it('reports each contract code', async () => {
    const cases: [unknown, string][] = [
      [{ kty: 'oct', k: 'c2VjcmV0' }, 'KEY_SYMMETRIC'],
      [jwkOf(rsa1024.publicKey), 'KEY_TOO_WEAK'],
      [jwkOf(k256.publicKey), 'KEY_UNSUPPORTED_TYPE'],
      [jwkOf(ed25519.publicKey), 'KEY_UNSUPPORTED_TYPE'],
      [{ ...jwkOf(p256.publicKey), alg: 'ES384' }, 'KEY_ALG_MISMATCH'],
      [{ ...jwkOf(rsa2048.publicKey), alg: 'HS256' }, 'KEY_ALG_MISMATCH'],
      [{ kty: 'RSA', e: 'AQAB' }, 'KEY_MALFORMED'],
      [{ kty: 'EC', crv: 'P-256', x: 'a+b', y: 'AAAA' }, 'KEY_MALFORMED'],
      [{ crv: 'P-256' }, 'KEY_MALFORMED'],
    ];
    for (const [jwk, code] of cases) {
      const result = await checkKeys(JSON.stringify(jwk));
      expect(result.ok, code).toBe(false);
      expect(codes(result.keys[0]!.errors), JSON.stringify(jwk)).toContain(code);
    }
  });

  it('flags every key that shares a kid', async () => {
    const result = await checkKeys(JSON.stringify({ keys: [{ ...jwkOf(p256.publicKey), kid: 'same' }, { ...jwkOf(p384.publicKey), kid: 'same' }, { ...jwkOf(p521.publicKey), kid: 'other' }] }));
    expect(result.keys.map((key) => codes(key.errors))).toEqual([['KEY_DUPLICATE_KID'], ['KEY_DUPLICATE_KID'], []]);
  });

  it.each([
    ['garbage', 'hello'],
    ['a JSON array', '[1]'],
    ['keys that is not an array', '{"keys": {}}'],
    ['an empty set', '{"keys": []}'],
    ['a broken PEM', '-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----'],
  ])('reports KEY_MALFORMED for %s', async (_name, text) => {
    const result = await checkKeys(text);
    expect(result.ok).toBe(false);
    expect(codes([...result.errors, ...result.keys.flatMap((key) => key.errors)])).toContain('KEY_MALFORMED');
  });

  it(`refuses a set of more than ${MAX_KEYS_PER_SET} keys`, async () => {
    const keys = Array.from({ length: 1000 }, (_, index) => ({ ...jwkOf(p256.publicKey), kid: String(index) }));
    const result = await checkKeys(JSON.stringify({ keys }));
    expect(result.ok).toBe(false);
    expect(result.errors[0]!.message).toMatch(/at most 100/);
  });
});
