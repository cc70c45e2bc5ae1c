import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPublicKeys } from '@/lib/jwk/read';
import { diagnoseToken, loadKeySet } from '@/lib/jwt';
import { NOW, jwkSet, makeKeys, makeToken, rfc7638Thumbprint } from '@/lib/jwt/test-tokens';

const rsa = makeKeys('RS256');
const otherRsa = makeKeys('RS256', 'other');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const p521 = makeKeys('ES512');

/** The RFC 7638 §3.1 example key and its published thumbprint. */
const RFC7638_EXAMPLE = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};
const RFC7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

function codesOf(result: { problems: { code: string }[] }): string[] {
  return result.problems.map((problem) => problem.code);
}

describe('readPublicKeys: JWK input', () => {
  it('reads a JWK set (as text) with every key, in order, with kid, kty, index and thumbprint', async () => {
    const result = await readPublicKeys(JSON.stringify(jwkSet(rsa, p256, p384, p521)));
    expect(result.unreadable).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.keys.map((key) => [key.kid, key.kty, key.index])).toEqual([
      [rsa.kid, 'RSA', 0],
      [p256.kid, 'EC', 1],
      [p384.kid, 'EC', 2],
      [p521.kid, 'EC', 3],
    ]);
    expect(result.keys.map((key) => key.thumbprint)).toEqual([rsa, p256, p384, p521].map((key) => rfc7638Thumbprint(key.jwk)));
    expect(result.keys[1]!.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', x: p256.jwk.x, y: p256.jwk.y });
  });

  it('reads a JWK set given as a parsed object', async () => {
    const result = await readPublicKeys(jwkSet(rsa, p256));
    expect(result.keys.map((key) => key.kid)).toEqual([rsa.kid, p256.kid]);
    expect(result.unreadable).toBe(false);
  });

  it('reads an empty JWK set as no keys, not as unreadable input', async () => {
    const result = await readPublicKeys('{"keys": []}');
    expect(result.keys).toEqual([]);
    expect(result.unreadable).toBe(false);
  });

  it('reads a single JWK (text and object)', async () => {
    for (const input of [JSON.stringify(p384.jwk), p384.jwk]) {
      const result = await readPublicKeys(input);
      expect(result.problems).toEqual([]);
      expect(result.unreadable).toBe(false);
      expect(result.keys).toHaveLength(1);
      expect(result.keys[0]).toMatchObject({ kid: p384.kid, kty: 'EC', index: 0, thumbprint: rfc7638Thumbprint(p384.jwk) });
    }
  });

  it('reads a JWK without kid with kid null', async () => {
    const { kid: _kid, ...withoutKid } = rsa.jwk;
    const result = await readPublicKeys(withoutKid);
    expect(result.keys[0]!.kid).toBeNull();
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
  });

  it('reads an OKP (Ed25519) JWK', async () => {
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const result = await readPublicKeys(jwk);
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]!.kty).toBe('OKP');
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(jwk));
  });
});

describe('readPublicKeys: PEM input', () => {
  it('reads an RSA SPKI PEM ("PUBLIC KEY") as the same key', async () => {
    const result = await readPublicKeys(rsa.publicPem);
    expect(result.problems).toEqual([]);
    expect(result.unreadable).toBe(false);
    expect(result.keys).toHaveLength(1);
    const [key] = result.keys;
    expect(key).toMatchObject({ kty: 'RSA', kid: null, index: 0, thumbprint: rfc7638Thumbprint(rsa.jwk) });
    expect(key!.jwk).toMatchObject({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
  });

  it.each([
    ['P-256', p256],
    ['P-384', p384],
    ['P-521', p521],
  ])('reads an EC %s SPKI PEM as the same key', async (crv, key) => {
    const result = await readPublicKeys(key.publicPem);
    expect(result.problems).toEqual([]);
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]!.jwk).toMatchObject({ kty: 'EC', crv, x: key.jwk.x, y: key.jwk.y });
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(key.jwk));
  });

  it('reads a PKCS#1 PEM ("RSA PUBLIC KEY") as the same key as its SPKI form', async () => {
    expect(rsa.pkcs1Pem).toContain('-----BEGIN RSA PUBLIC KEY-----');
    const result = await readPublicKeys(rsa.pkcs1Pem);
    expect(result.problems).toEqual([]);
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]!.jwk).toMatchObject({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
    expect(result.keys[0]!.thumbprint).toBe((await readPublicKeys(rsa.publicPem)).keys[0]!.thumbprint);
  });

  it('reads several PEM blocks, in order, with text around and between them', async () => {
    const text = `# account keys\n${rsa.publicPem}\nsecond one:\n${p256.publicPem}${otherRsa.pkcs1Pem}\n${p521.publicPem}`;
    const result = await readPublicKeys(text);
    expect(result.problems).toEqual([]);
    expect(result.keys.map((key) => [key.index, key.thumbprint])).toEqual([
      [0, rfc7638Thumbprint(rsa.jwk)],
      [1, rfc7638Thumbprint(p256.jwk)],
      [2, rfc7638Thumbprint(otherRsa.jwk)],
      [3, rfc7638Thumbprint(p521.jwk)],
    ]);
  });

  it('reads a PEM with CRLF line endings', async () => {
    const result = await readPublicKeys(p256.publicPem.replaceAll('\n', '\r\n'));
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
  });

  it('reads an Ed25519 SPKI PEM as an OKP key', async () => {
    const pair = generateKeyPairSync('ed25519');
    const result = await readPublicKeys(pair.publicKey.export({ format: 'pem', type: 'spki' }).toString());
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]!.kty).toBe('OKP');
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(pair.publicKey.export({ format: 'jwk' })));
  });
});

describe('private key material', () => {
  it.each([
    ['RSA', rsa],
    ['EC', p256],
  ])('a private %s JWK: KEY_IS_PRIVATE, and only the public part is used', async (_type, key) => {
    expect(key.privateJwk.d).toBeDefined();
    const result = await readPublicKeys(key.privateJwk);
    expect(codesOf(result)).toEqual(['KEY_IS_PRIVATE']);
    expect(result.unreadable).toBe(false);
    expect(result.keys).toHaveLength(1);
    const [entry] = result.keys;
    for (const member of PRIVATE_MEMBERS) expect(entry!.jwk).not.toHaveProperty(member);
    expect(entry!.thumbprint).toBe(rfc7638Thumbprint(key.jwk));
    expect(entry!.kid).toBe(key.kid);
  });

  it('a private JWK in a set: loadKeySet warns (rotate it) and the public part still verifies tokens', async () => {
    const loaded = await loadKeySet(JSON.stringify({ keys: [rsa.privateJwk, p256.jwk] }));
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys).toHaveLength(2);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]!.message).toMatch(/private/i);
    expect(loaded.warnings[0]!.message).toMatch(/rotate/i);
    for (const key of loaded.keys) for (const member of PRIVATE_MEMBERS) expect(key.jwk).not.toHaveProperty(member);
    const result = await diagnoseToken(makeToken('RS256'), { keys: loaded.keys, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.key?.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
  });

  it.each([
    ['PKCS#8 RSA ("PRIVATE KEY")', rsa.privatePem],
    ['PKCS#8 EC ("PRIVATE KEY")', p256.privatePem],
    ['PKCS#1 ("RSA PRIVATE KEY")', rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()],
    ['SEC1 ("EC PRIVATE KEY")', p384.privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
  ])('a private PEM, %s: KEY_IS_PRIVATE and no key', async (_name, pem) => {
    const result = await readPublicKeys(pem);
    expect(codesOf(result)).toEqual(['KEY_IS_PRIVATE']);
    expect(result.keys).toEqual([]);
  });

  it('a private PEM next to a public one: the public key is read, the private one reported and not used', async () => {
    const result = await readPublicKeys(`${otherRsa.privatePem}\n${p256.publicPem}`);
    expect(codesOf(result)).toEqual(['KEY_IS_PRIVATE']);
    expect(result.problems[0]!.index).toBe(0);
    expect(result.keys.map((key) => key.thumbprint)).toEqual([rfc7638Thumbprint(p256.jwk)]);
  });

  it('loadKeySet on a private PEM: no keys and a warning telling to rotate it', async () => {
    const loaded = await loadKeySet(rsa.privatePem);
    expect(loaded.keys).toEqual([]);
    expect(loaded.warnings.map((warning) => warning.message).join(' ')).toMatch(/rotate/i);
  });
});

describe('keys that cannot be used', () => {
  it('an oct key → KEY_SYMMETRIC and no key', async () => {
    const result = await readPublicKeys({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', kid: 'hmac' });
    expect(codesOf(result)).toEqual(['KEY_SYMMETRIC']);
    expect(result.keys).toEqual([]);
  });

  it('an oct key in a set is skipped; the other keys are kept', async () => {
    const result = await readPublicKeys({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }, rsa.jwk] });
    expect(codesOf(result)).toEqual(['KEY_SYMMETRIC']);
    expect(result.problems[0]!.index).toBe(0);
    expect(result.keys.map((key) => [key.kid, key.index])).toEqual([[rsa.kid, 1]]);
    expect(result.unreadable).toBe(false);
  });

  it.each([
    ['RSA without e', () => ({ kty: 'RSA', n: rsa.jwk.n })],
    ['RSA without n', () => ({ kty: 'RSA', e: 'AQAB' })],
    ['EC without y', () => ({ kty: 'EC', crv: 'P-256', x: p256.jwk.x })],
    ['EC without x', () => ({ kty: 'EC', crv: 'P-256', y: p256.jwk.y })],
    ['EC without crv', () => ({ kty: 'EC', x: p256.jwk.x, y: p256.jwk.y })],
    ['no kty', () => ({ n: rsa.jwk.n, e: 'AQAB' })],
    ['a non-string kty', () => ({ kty: 1, n: rsa.jwk.n, e: 'AQAB' })],
    ['an unknown kty', () => ({ kty: 'DSA', y: 'AQAB' })],
    ['a numeric e', () => ({ kty: 'RSA', n: rsa.jwk.n, e: 65537 })],
  ])('%s → KEY_MALFORMED, no key; alone it is unreadable', async (_name, make) => {
    const result = await readPublicKeys(make());
    expect(codesOf(result)).toEqual(['KEY_MALFORMED']);
    expect(result.keys).toEqual([]);
    expect(result.unreadable).toBe(true);
  });

  it('a key with a missing member in a set is skipped; loadKeySet warns and keeps the others', async () => {
    const loaded = await loadKeySet({ keys: [{ kty: 'RSA', n: rsa.jwk.n, kid: 'broken' }, p256.jwk] });
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.kid)).toEqual([p256.kid]);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]!.message).toContain('"e"');
  });

  it('a set entry that is not an object → KEY_MALFORMED for that entry', async () => {
    const result = await readPublicKeys({ keys: ['nope', null, p256.jwk] });
    expect(codesOf(result)).toEqual(['KEY_MALFORMED', 'KEY_MALFORMED']);
    expect(result.keys.map((key) => key.index)).toEqual([2]);
  });

  it.each([
    ["'+' in n", () => ({ ...rsa.jwk, n: `${rsa.jwk.n!.slice(0, 10)}+${rsa.jwk.n!.slice(11)}` })],
    ["'/' in e", () => ({ ...rsa.jwk, e: 'AQ/B' })],
    ["'=' padding on x", () => ({ ...p256.jwk, x: `${p256.jwk.x}=` })],
    ['a space in y', () => ({ ...p256.jwk, y: `${p256.jwk.y!.slice(0, 5)} ${p256.jwk.y!.slice(5)}` })],
    ['an empty n', () => ({ ...rsa.jwk, n: '' })],
    ['an n of impossible length (4k+1 characters)', () => ({ ...rsa.jwk, n: `${rsa.jwk.n}AAA` })],
  ])('broken base64url, %s → KEY_MALFORMED and no key', async (_name, make) => {
    const jwk = make();
    const result = await readPublicKeys(jwk);
    expect(codesOf(result)).toEqual(['KEY_MALFORMED']);
    expect(result.keys).toEqual([]);
  });
});

describe('input that is not a key set at all', () => {
  it.each([
    ['plain text', 'hello, this is my key'],
    ['an empty string', ''],
    ['a truncated JSON object', '{"kty": "RSA", "n": '],
    ['a PEM header without an end line', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq'],
    ['a PEM body that is not base64', '-----BEGIN PUBLIC KEY-----\n!!!! not base64 ****\n-----END PUBLIC KEY-----\n'],
    ['a PEM block of garbage bytes', '-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAA\n-----END PUBLIC KEY-----\n'],
    ['a certificate request', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n'],
  ])('%s → unreadable, KEY_MALFORMED, no keys', async (_name, text) => {
    const result = await readPublicKeys(text);
    expect(result.unreadable).toBe(true);
    expect(result.keys).toEqual([]);
    expect(codesOf(result).length).toBeGreaterThan(0);
    for (const code of codesOf(result)) expect(code).toBe('KEY_MALFORMED');
  });

  it.each([
    ['a number', '42'],
    ['an array', '[]'],
    ['an array of JWKs', JSON.stringify([rsa.jwk])],
    ['a string', '"a key"'],
    ['null', 'null'],
    ['true', 'true'],
    ['"keys" that is not an array', '{"keys": {"kty": "RSA"}}'],
  ])('JSON that is %s → unreadable', async (_name, text) => {
    const result = await readPublicKeys(text);
    expect(result.unreadable).toBe(true);
    expect(result.keys).toEqual([]);
    expect(codesOf(result)).toEqual(['KEY_MALFORMED']);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', [rsa.jwk]],
    ['undefined', undefined],
  ])('a parsed value that is %s → unreadable', async (_name, value) => {
    const result = await readPublicKeys(value);
    expect(result.unreadable).toBe(true);
    expect(result.keys).toEqual([]);
  });

  it('loadKeySet says why the input is unreadable and returns no keys', async () => {
    const loaded = await loadKeySet('not a key');
    expect(loaded.keys).toEqual([]);
    expect(typeof loaded.unreadable).toBe('string');
    expect(loaded.unreadable!.length).toBeGreaterThan(0);
  });
});

describe('RFC 7638 thumbprints', () => {
  it('match the RFC 7638 example value', async () => {
    const result = await readPublicKeys(RFC7638_EXAMPLE);
    expect(result.keys[0]!.thumbprint).toBe(RFC7638_THUMBPRINT);
    // The independent computation agrees with the published value too.
    expect(rfc7638Thumbprint(RFC7638_EXAMPLE)).toBe(RFC7638_THUMBPRINT);
  });

  it.each([
    ['RSA', rsa],
    ['EC P-256', p256],
    ['EC P-384', p384],
    ['EC P-521', p521],
  ])('%s: equal to the SHA-256 of the required members in lexicographic order', async (_name, key) => {
    const result = await readPublicKeys(key.jwk);
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(key.jwk));
    expect(result.keys[0]!.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ignore optional members (kid, alg, use, key_ops) and member order', async () => {
    const { kty, n, e } = rsa.jwk;
    const decorated = { use: 'sig', key_ops: ['verify'], e, alg: 'RS256', kid: 'another-kid', n, kty };
    const result = await readPublicKeys(decorated);
    expect(result.keys[0]!.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
  });

  it('are the same for a key read from JWK, SPKI PEM and PKCS#1 PEM', async () => {
    const thumbprints = await Promise.all([rsa.jwk, rsa.publicPem, rsa.pkcs1Pem].map(async (input) => (await readPublicKeys(input)).keys[0]!.thumbprint));
    expect(new Set(thumbprints)).toEqual(new Set([rfc7638Thumbprint(rsa.jwk)]));
  });

  it('differ between different keys', async () => {
    const result = await readPublicKeys(jwkSet(rsa, otherRsa));
    expect(result.keys[0]!.thumbprint).not.toBe(result.keys[1]!.thumbprint);
  });
});
