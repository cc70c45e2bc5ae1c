import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { WARNING_CATALOG } from '@/lib/errors/warnings';
import { MAX_KEYS_PER_SET, readKeys, type KeyReading } from '@/lib/jwk/read';
import { diagnoseToken, lenientKeySet, loadKeySet, type LoadedKeySet } from '@/lib/jwt';
import { NOW, goodClaims, jwkSet, makeKeys, makeToken, rfc7638Thumbprint, signToken } from './test-tokens';

const rsa = makeKeys('RS256');
const otherRsa = makeKeys('RS256', 'other');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const ed25519 = generateKeyPairSync('ed25519');

const WIDENED: AlgorithmName[] = [...SERVICE_ALGORITHMS, 'ES256', 'ES384', 'ES512'];
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const warningCodes = (loaded: LoadedKeySet) => loaded.warnings.map((warning) => warning.code);
const triedThumbprints = (loaded: LoadedKeySet) => loaded.keys.map((key) => key.thumbprint);

/** The whole result is well formed: warnings in the catalog's words, tried keys public only and complete. */
function expectWellFormed(loaded: LoadedKeySet): void {
  for (const warning of loaded.warnings) {
    expect(Object.keys(WARNING_CATALOG)).toContain(warning.code);
    expect(warning.message.startsWith(WARNING_CATALOG[warning.code].title)).toBe(true);
    expect(warning.docs).toBe(WARNING_CATALOG[warning.code].docs);
  }
  for (const key of loaded.keys) {
    for (const member of PRIVATE_MEMBERS) expect(key.jwk).not.toHaveProperty(member);
    expect(key.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.kty).toBe(key.jwk.kty);
    expect(key.kid).toBe(key.jwk.kid ?? null);
  }
  if (loaded.unreadable !== undefined) {
    expect(loaded.keys).toEqual([]);
    expect(loaded.warnings).toEqual([]);
  }
}

async function load(input: unknown, algorithms?: readonly AlgorithmName[]): Promise<LoadedKeySet> {
  const loaded = await loadKeySet(input, algorithms);
  expectWellFormed(loaded);
  return loaded;
}

describe('loadKeySet: which keys are tried', () => {
  it('tries every clean key, in order, with kid, kty, index and thumbprint, and warns about nothing', async () => {
    const loaded = await load(JSON.stringify(jwkSet(rsa, otherRsa)));
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.warnings).toEqual([]);
    expect(loaded.keys.map((key) => [key.kid, key.kty, key.index, key.thumbprint])).toEqual([
      [rsa.kid, 'RSA', 0, rfc7638Thumbprint(rsa.jwk)],
      [otherRsa.kid, 'RSA', 1, rfc7638Thumbprint(otherRsa.jwk)],
    ]);
    expect(loaded.keys[0]!.jwk).toMatchObject({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e, kid: rsa.kid });
  });

  it('with the default set, an EC key is skipped (JWKS_KEY_SKIPPED naming it) and the RSA key is tried', async () => {
    const loaded = await load(jwkSet(rsa, p256));
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain(`key 2 (kid "${p256.kid}")`);
    expect(loaded.warnings[0]!.message).toContain('EC P-256');
  });

  it('with ES256 … ES512 accepted, the EC keys are tried too', async () => {
    const loaded = await load(jwkSet(rsa, p256, p384), WIDENED);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.keys.map((key) => [key.kid, key.index])).toEqual([
      [rsa.kid, 0],
      [p256.kid, 1],
      [p384.kid, 2],
    ]);
  });

  it('a key without kid is tried with kid null, and notes (no kid, "use") are not warnings', async () => {
    const { kid: _kid, ...withoutKid } = rsa.jwk;
    const loaded = await load({ keys: [withoutKid, { ...otherRsa.jwk, use: 'enc' }] });
    expect(loaded.keys.map((key) => key.kid)).toEqual([null, otherRsa.kid]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.keys[1]!.jwk.use).toBe('enc');
  });

  it('a PEM text: every readable block is tried, by position', async () => {
    const loaded = await load(`${rsa.publicPem}\n${otherRsa.pkcs1Pem}`);
    expect(loaded.keys.map((key) => [key.kid, key.index, key.thumbprint])).toEqual([
      [null, 0, rfc7638Thumbprint(rsa.jwk)],
      [null, 1, rfc7638Thumbprint(otherRsa.jwk)],
    ]);
    expect(loaded.warnings).toEqual([]);
  });

  it('lenientKeySet over a reading gives what loadKeySet gives for the same input and set', async () => {
    const input = {
      keys: [rsa.privateJwk, p256.jwk, { kty: 'oct', k: 'c2VjcmV0' }, { ...otherRsa.jwk, kid: rsa.kid }],
    };
    for (const algorithms of [SERVICE_ALGORITHMS, WIDENED]) {
      expect(lenientKeySet(await readKeys(input, { algorithms }))).toEqual(await load(input, algorithms));
    }
  });
});

describe('loadKeySet: keys the service could not use are skipped, with a warning', () => {
  it('an oct key → JWKS_KEY_SKIPPED (and JWKS_PRIVATE_KEY for its secret); the other keys are tried', async () => {
    const loaded = await load({
      keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }, rsa.jwk, { kty: 'oct', kid: 'no-secret' }],
    });
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED', 'JWKS_PRIVATE_KEY', 'JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain('key 1 (kid "hmac")');
    expect(loaded.warnings[2]!.message).toContain('key 3 (kid "no-secret")');
    expect(JSON.stringify(loaded)).not.toContain('c2VjcmV0');
  });

  it('a 1024-bit RSA key → JWKS_KEY_SKIPPED; a token it signed finds no key', async () => {
    const weak = { ...rsa1024.publicKey.export({ format: 'jwk' }), kid: 'weak' };
    const loaded = await load({ keys: [weak, rsa.jwk] });
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain('1024-bit');
    const token = signToken({
      header: { alg: 'RS256', typ: 'JWT', kid: 'weak' },
      payload: goodClaims(),
      alg: 'RS256',
      key: rsa1024.privateKey,
    });
    const result = await diagnoseToken(token, { keys: loaded.keys, keyWarnings: loaded.warnings, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => error.code)).toEqual(['JWKS_UNAVAILABLE']);
    expect(result.warnings.map((warning) => warning.code)).toContain('JWKS_KEY_SKIPPED');
  });

  it.each([
    ['the default set', SERVICE_ALGORITHMS],
    ['every algorithm', ALGORITHM_NAMES],
  ])('an Ed25519 key with %s → JWKS_KEY_SKIPPED', async (_name, algorithms) => {
    const loaded = await load(
      { keys: [{ ...ed25519.publicKey.export({ format: 'jwk' }), kid: 'ed' }, rsa.jwk] },
      algorithms,
    );
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain('OKP Ed25519');
  });

  it('a key with a missing member in a set is skipped with a warning naming the member; the others are kept', async () => {
    const loaded = await load({ keys: [{ kty: 'RSA', n: rsa.jwk.n, kid: 'broken' }, rsa.jwk] });
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain('"e"');
  });

  it('set entries that are not objects, or have a non-string kid, are skipped', async () => {
    const loaded = await load({ keys: ['nope', null, { ...otherRsa.jwk, kid: 7 }, rsa.jwk] });
    expect(loaded.keys.map((key) => key.index)).toEqual([3]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED', 'JWKS_KEY_SKIPPED', 'JWKS_KEY_SKIPPED']);
  });

  it('a PEM text with one unreadable block: that block is skipped, the others tried', async () => {
    const loaded = await load(
      `-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n${rsa.publicPem}`,
    );
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.index)).toEqual([1]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).toContain('block 1');
  });
});

describe('loadKeySet: private keys', () => {
  it('a private JWK in a set: JWKS_PRIVATE_KEY (rotate it), and its public part is tried and verifies tokens', async () => {
    const loaded = await load(JSON.stringify({ keys: [rsa.privateJwk, otherRsa.jwk] }));
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid, otherRsa.kid]);
    expect(warningCodes(loaded)).toEqual(['JWKS_PRIVATE_KEY']);
    expect(loaded.warnings[0]!.message).toMatch(/rotate/i);
    expect(loaded.warnings[0]!.message).toContain('Only its public part was used');
    expect(JSON.stringify(loaded)).not.toContain(rsa.privateJwk.d);
    const result = await diagnoseToken(makeToken('RS256'), { keys: loaded.keys, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.key?.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
  });

  it.each([
    ['PKCS#8 ("PRIVATE KEY")', () => rsa.privatePem],
    ['PKCS#1 ("RSA PRIVATE KEY")', () => rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()],
  ])(
    'a private RSA PEM, %s: JWKS_PRIVATE_KEY, and its public part is tried and verifies tokens',
    async (_name, pem) => {
      const loaded = await load(pem());
      expect(loaded.unreadable).toBeUndefined();
      expect(triedThumbprints(loaded)).toEqual([rfc7638Thumbprint(rsa.jwk)]);
      expect(warningCodes(loaded)).toEqual(['JWKS_PRIVATE_KEY']);
      expect(loaded.warnings[0]!.message).toMatch(/rotate/i);
      const result = await diagnoseToken(makeToken('RS256', { header: { kid: undefined } }), {
        keys: loaded.keys,
        now: NOW,
      });
      expect(result.ok).toBe(true);
    },
  );

  it('a private EC PEM with the default set: JWKS_PRIVATE_KEY and JWKS_KEY_SKIPPED (unsupported type), nothing tried', async () => {
    const loaded = await load(p256.privatePem);
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys).toEqual([]);
    expect(warningCodes(loaded)).toEqual(['JWKS_PRIVATE_KEY', 'JWKS_KEY_SKIPPED']);
    expect(loaded.warnings[0]!.message).not.toContain('Only its public part was used');
    // With ES256 accepted, its public part is tried.
    const widened = await load(p256.privatePem, WIDENED);
    expect(triedThumbprints(widened)).toEqual([rfc7638Thumbprint(p256.jwk)]);
    expect(warningCodes(widened)).toEqual(['JWKS_PRIVATE_KEY']);
  });

  it('a private PEM with no public half to use (SEC1): JWKS_PRIVATE_KEY and JWKS_KEY_SKIPPED, no keys, not unreadable', async () => {
    const loaded = await load(p384.privateKey.export({ format: 'pem', type: 'sec1' }).toString(), WIDENED);
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys).toEqual([]);
    expect(warningCodes(loaded)).toEqual(['JWKS_PRIVATE_KEY', 'JWKS_KEY_SKIPPED']);
    expect(loaded.warnings.map((warning) => warning.message).join(' ')).toMatch(/rotate/i);
    expect(loaded.warnings[1]!.message).toContain('block 1 was not used');
  });
});

describe('loadKeySet: keys the upload would refuse are still tried', () => {
  it('two keys sharing a kid: both tried, each with JWKS_KEY_REFUSED_ON_UPLOAD; a token with that kid verifies with the right one', async () => {
    const loaded = await load({
      keys: [
        { ...otherRsa.jwk, kid: 'shared' },
        { ...rsa.jwk, kid: 'shared' },
      ],
    });
    expect(loaded.keys.map((key) => [key.kid, key.index])).toEqual([
      ['shared', 0],
      ['shared', 1],
    ]);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_REFUSED_ON_UPLOAD', 'JWKS_KEY_REFUSED_ON_UPLOAD']);
    expect(loaded.warnings[0]!.message).toContain('share the kid "shared"');
    const result = await diagnoseToken(makeToken('RS256', { header: { kid: 'shared' } }), {
      keys: loaded.keys,
      now: NOW,
    });
    expect(result.ok).toBe(true);
    expect(result.key).toEqual({ kid: 'shared', thumbprint: rfc7638Thumbprint(rsa.jwk) });
  });

  it('a key whose "alg" does not fit: tried, with JWKS_KEY_REFUSED_ON_UPLOAD, and its "alg" kept', async () => {
    const loaded = await load({ keys: [{ ...rsa.jwk, alg: 'ES256' }] });
    expect(loaded.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(loaded.keys[0]!.jwk.alg).toBe('ES256');
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_REFUSED_ON_UPLOAD']);
    expect(loaded.warnings[0]!.message).toContain('"alg": "ES256"');
  });

  it('a key whose "alg" fits it but is not accepted: tried, with JWKS_KEY_REFUSED_ON_UPLOAD', async () => {
    const loaded = await load({ keys: [{ ...rsa.jwk, alg: 'PS256' }] }, ['RS256']);
    expect(loaded.keys).toHaveLength(1);
    expect(warningCodes(loaded)).toEqual(['JWKS_KEY_REFUSED_ON_UPLOAD']);
  });

  it('a private key with a duplicate kid: one JWKS_PRIVATE_KEY and one JWKS_KEY_REFUSED_ON_UPLOAD for it, still tried', async () => {
    const loaded = await load({
      keys: [
        { ...rsa.privateJwk, kid: 'k' },
        { ...otherRsa.jwk, kid: 'k' },
      ],
    });
    expect(loaded.keys.map((key) => key.index)).toEqual([0, 1]);
    expect(warningCodes(loaded)).toEqual([
      'JWKS_PRIVATE_KEY',
      'JWKS_KEY_REFUSED_ON_UPLOAD',
      'JWKS_KEY_REFUSED_ON_UPLOAD',
    ]);
  });
});

describe('loadKeySet: input that is not a key set at all is unreadable', () => {
  it.each([
    ['plain text', 'not a key'],
    ['an empty string', ''],
    ['a truncated JSON object', '{"kty": "RSA", "n": '],
    ['a PEM header without an end line', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq'],
    ['a PEM body that is not base64', '-----BEGIN PUBLIC KEY-----\n!!!! not base64 ****\n-----END PUBLIC KEY-----\n'],
    [
      'a certificate request (its only block is KEY_MALFORMED)',
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n',
    ],
    [
      'two PEM blocks that are both KEY_MALFORMED',
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n',
    ],
    ['a PEM block of garbage bytes', '-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAA\n-----END PUBLIC KEY-----\n'],
    ['a JSON number', '42'],
    ['a JSON array of JWKs', JSON.stringify([rsa.jwk])],
    ['JSON null', 'null'],
    ['a JSON string', '"a key"'],
    ['"keys" that is not an array', '{"keys": {"kty": "RSA"}}'],
    ['a single JWK that is KEY_MALFORMED (no "e")', JSON.stringify({ kty: 'RSA', n: rsa.jwk.n })],
    ['a single JWK with a non-string kid', JSON.stringify({ ...rsa.jwk, kid: 1 })],
    ['a single JWK without kty', JSON.stringify({ n: rsa.jwk.n, e: rsa.jwk.e })],
  ])('%s → unreadable (a reason), no keys, no warnings', async (_name, text) => {
    const loaded = await load(text);
    expect(typeof loaded.unreadable).toBe('string');
    expect(loaded.unreadable!.length).toBeGreaterThan(0);
    expect(loaded.keys).toEqual([]);
    expect(loaded.warnings).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', [rsa.jwk]],
    ['undefined', undefined],
    ['"keys" that is a string', { keys: 'none' }],
  ])('a parsed value that is %s → unreadable', async (_name, value) => {
    const loaded = await load(value);
    expect(typeof loaded.unreadable).toBe('string');
    expect(loaded.keys).toEqual([]);
  });

  it(`more than ${MAX_KEYS_PER_SET} keys → unreadable, saying the limit`, async () => {
    const loaded = await load({
      keys: Array.from({ length: MAX_KEYS_PER_SET + 1 }, (_, index) => ({ ...rsa.jwk, kid: String(index) })),
    });
    expect(loaded.unreadable).toContain(`at most ${MAX_KEYS_PER_SET}`);
    expect(loaded.keys).toEqual([]);
  });

  it("the reason is the reader's message, and does not echo the input", async () => {
    const text = JSON.stringify(rsa.privateJwk);
    const loaded = await load(text.slice(0, text.indexOf('"d":"') + 30));
    expect(loaded.unreadable).toMatch(/^The public key could not be read: /);
    expect(loaded.unreadable).not.toContain(rsa.privateJwk.d!.slice(0, 20));
  });

  it.each([
    ['an empty JWK set', '{"keys": []}', 0],
    ['a set of one unusable key', JSON.stringify({ keys: [{ kty: 'RSA', n: rsa.jwk.n }] }), 1],
    ['a set whose every key is KEY_MALFORMED', JSON.stringify({ keys: ['a', 'b'] }), 2],
    ['a single key of an unsupported type', JSON.stringify(p256.jwk), 1],
    ['a single oct key', JSON.stringify({ kty: 'oct', kid: 'x' }), 1],
  ])('%s is not unreadable: no keys, one warning per problem', async (_name, text, warnings) => {
    const loaded = await load(text);
    expect(loaded.unreadable).toBeUndefined();
    expect(loaded.keys).toEqual([]);
    expect(loaded.warnings).toHaveLength(warnings);
  });

  it('lenientKeySet on a hand-made empty reading: not unreadable; with a whole-input error: unreadable with its message', () => {
    const empty: KeyReading = { form: 'jwks', keys: [], errors: [] };
    expect(lenientKeySet(empty)).toEqual({ keys: [], warnings: [] });
    const broken: KeyReading = {
      form: 'jwk',
      keys: [],
      errors: [
        { code: 'KEY_MALFORMED', message: 'first' },
        { code: 'KEY_MALFORMED', message: 'second' },
      ],
    };
    expect(lenientKeySet(broken)).toEqual({ keys: [], warnings: [], unreadable: 'first; second' });
  });
});

describe('loadKeySet: the cache never mixes accepted sets', () => {
  it('the same input judged against two sets gives two different results, in either order', async () => {
    const text = JSON.stringify(jwkSet(rsa, p256, p384));
    const first = await load(text);
    const widened = await load(text, WIDENED);
    const again = await load(text);
    expect(first.keys.map((key) => key.kid)).toEqual([rsa.kid]);
    expect(warningCodes(first)).toEqual(['JWKS_KEY_SKIPPED', 'JWKS_KEY_SKIPPED']);
    expect(widened.keys.map((key) => key.kid)).toEqual([rsa.kid, p256.kid, p384.kid]);
    expect(widened.warnings).toEqual([]);
    expect(again).toEqual(first);
    // An EC-only set reads the same text the other way round.
    const ecOnly = await load(text, ['ES384']);
    expect(ecOnly.keys.map((key) => key.kid)).toEqual([p384.kid]);
    expect(warningCodes(ecOnly)).toEqual(['JWKS_KEY_SKIPPED', 'JWKS_KEY_SKIPPED']);
  });

  it('a text and the same value parsed agree, for each set', async () => {
    const value = { keys: [p256.jwk, rsa.jwk] };
    for (const algorithms of [SERVICE_ALGORITHMS, WIDENED, ['ES256'] as AlgorithmName[]]) {
      expect(await load(value, algorithms)).toEqual(await load(JSON.stringify(value), algorithms));
    }
  });

  it('sets that differ only in order are judged alike', async () => {
    const text = JSON.stringify(jwkSet(p256, rsa));
    const forward = await load(text, ['RS256', 'ES256']);
    const backward = await load(text, ['ES256', 'RS256']);
    expect(triedThumbprints(forward)).toEqual(triedThumbprints(backward));
    expect(triedThumbprints(forward)).toEqual([rfc7638Thumbprint(p256.jwk), rfc7638Thumbprint(rsa.jwk)]);
  });
});
