import { generateKeyPairSync, X509Certificate, type JsonWebKey } from 'node:crypto';
import { generate as generateCertificate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { MAX_KEYS_PER_SET, readKeys, type KeyReading, type ReadKey } from '@/lib/jwk/read';
import { jwkSet, makeKeys, rfc7638Thumbprint, type TestKey } from '@/lib/jwt/test-tokens';

const rsa = makeKeys('RS256');
const otherRsa = makeKeys('RS256', 'other');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const p521 = makeKeys('ES512');

const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const secp256k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed25519 = generateKeyPairSync('ed25519');
const ed448 = generateKeyPairSync('ed448');

/** Every accepted algorithm of the table, so EC keys on P-256, P-384 and P-521 read clean. */
const ALL = { algorithms: ALGORITHM_NAMES };
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** The RFC 7638 §3.1 example key and its published thumbprint. */
const RFC7638_EXAMPLE = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};
const RFC7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

/** JWK members only private (and secret) keys carry. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const problems = (key: ReadKey | undefined) => key!.problems.map((problem) => problem.code);
const notes = (key: ReadKey | undefined) => key!.notes.map((note) => note.code);
const only = (reading: KeyReading): ReadKey => {
  expect(reading.errors).toEqual([]);
  expect(reading.keys).toHaveLength(1);
  return reading.keys[0]!;
};
const spkiPem = (key: { export: (options: { format: 'pem'; type: 'spki' }) => string | Buffer }) =>
  key.export({ format: 'pem', type: 'spki' }).toString();
const jwkOf = (key: { export: (options: { format: 'jwk' }) => JsonWebKey }) => key.export({ format: 'jwk' });

function expectPublicOnly(key: ReadKey): void {
  expect(key.publicJwk).not.toBeNull();
  for (const member of PRIVATE_MEMBERS) expect(key.publicJwk).not.toHaveProperty(member);
}

/** Every finding of a reading, whole-input errors and per-key problems. */
function allFindingCodes(reading: KeyReading): string[] {
  return [...reading.errors, ...reading.keys.flatMap((key) => key.problems)].map((finding) => finding.code);
}

// Self-signed X.509 certificates over the test keys, so the certificate's key is known independently.
const rsaCertificate = (
  await generateCertificate([{ name: 'commonName', value: 'rtc-doctor test' }], {
    algorithm: 'sha256',
    keyPair: { privateKey: rsa.privatePem, publicKey: rsa.publicPem },
  })
).cert;
const p256Certificate = (
  await generateCertificate([{ name: 'commonName', value: 'rtc-doctor test' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    keyPair: { privateKey: p256.privatePem, publicKey: p256.publicPem },
  })
).cert;

describe('readKeys: input the database and the stack could not take', () => {
  it.each(['a\u0000b', 'tab\there', 'del\u007f'])(
    'a kid with a control character (%j) → KEY_MALFORMED, never stored',
    async (kid) => {
      const key = only(await readKeys({ ...rsa.jwk, kid }));
      expect(problems(key)).toEqual(['KEY_MALFORMED']);
      expect(key.problems[0]!.message).toMatch(/control character/);
      expect(key.publicJwk).toBeNull();
    },
  );

  it('a key set text nested 20 000 deep → a KEY_MALFORMED error for the whole input, without parsing it', async () => {
    const reading = await readKeys(`{"keys":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(reading.keys).toEqual([]);
    expect(reading.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
    expect(reading.errors[0]!.message).toMatch(/more than 64 levels deep/);
  });
});

describe('readKeys: JWK input', () => {
  it('reads a JWK set (as text) with every key, in order, with kid, kty, index, size or curve and thumbprint', async () => {
    const reading = await readKeys(JSON.stringify(jwkSet(rsa, p256, p384, p521)));
    expect(reading.form).toBe('jwks');
    expect(reading.errors).toEqual([]);
    expect(reading.keys.map((key) => [key.kid, key.kty, key.index, key.bits ?? key.crv])).toEqual([
      [rsa.kid, 'RSA', 0, 2048],
      [p256.kid, 'EC', 1, 'P-256'],
      [p384.kid, 'EC', 2, 'P-384'],
      [p521.kid, 'EC', 3, 'P-521'],
    ]);
    expect(reading.keys.map((key) => key.thumbprint)).toEqual(
      [rsa, p256, p384, p521].map((key) => rfc7638Thumbprint(key.jwk)),
    );
    expect(reading.keys[1]!.publicJwk).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      x: p256.jwk.x,
      y: p256.jwk.y,
      kid: p256.kid,
    });
  });

  it('with the default set, the RSA key reads clean and every EC key is KEY_UNSUPPORTED_TYPE with no algorithm', async () => {
    const reading = await readKeys(jwkSet(rsa, p256, p384, p521));
    expect(reading.keys.map(problems)).toEqual([
      [],
      ['KEY_UNSUPPORTED_TYPE'],
      ['KEY_UNSUPPORTED_TYPE'],
      ['KEY_UNSUPPORTED_TYPE'],
    ]);
    expect(reading.keys.map((key) => key.algorithms)).toEqual([RSA_ALGORITHMS, [], [], []]);
    expect(reading.keys[1]!.problems[0]!.message).toContain('EC P-256');
    expect(reading.keys[1]!.problems[0]!.message).toContain('RS256');
    // The facts of the key itself are still stated.
    expect(reading.keys[1]!.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
    expect(reading.keys[1]!.crv).toBe('P-256');
  });

  it('with every algorithm accepted, the EC keys read clean, each with the one algorithm of its curve', async () => {
    const reading = await readKeys(jwkSet(rsa, p256, p384, p521), ALL);
    expect(reading.keys.map(problems)).toEqual([[], [], [], []]);
    expect(reading.keys.map(notes)).toEqual([[], [], [], []]);
    expect(reading.keys.map((key) => key.algorithms)).toEqual([RSA_ALGORITHMS, ['ES256'], ['ES384'], ['ES512']]);
  });

  it('lists only the accepted algorithms that fit a key, in the table order', async () => {
    const reading = await readKeys(jwkSet(rsa, p256), { algorithms: ['PS512', 'ES256', 'RS256'] });
    expect(reading.keys.map((key) => key.algorithms)).toEqual([['RS256', 'PS512'], ['ES256']]);
    const ecOnly = await readKeys(jwkSet(rsa, p256), { algorithms: ['ES256'] });
    expect(ecOnly.keys.map(problems)).toEqual([['KEY_UNSUPPORTED_TYPE'], []]);
    expect(ecOnly.keys[0]!.bits).toBe(2048);
  });

  it('reads a JWK set given as a parsed object', async () => {
    const reading = await readKeys(jwkSet(rsa, p256));
    expect(reading.form).toBe('jwks');
    expect(reading.keys.map((key) => key.kid)).toEqual([rsa.kid, p256.kid]);
    expect(reading.errors).toEqual([]);
  });

  it('reads an empty JWK set as no keys and no errors (the policies decide what an empty set means)', async () => {
    const reading = await readKeys('{"keys": []}');
    expect(reading).toEqual({ form: 'jwks', keys: [], errors: [] });
  });

  it('reads a single JWK (text and object) as form "jwk"', async () => {
    for (const input of [JSON.stringify(p384.jwk), p384.jwk]) {
      const reading = await readKeys(input, ALL);
      expect(reading.form).toBe('jwk');
      const key = only(reading);
      expect(key).toMatchObject({
        kid: p384.kid,
        kty: 'EC',
        crv: 'P-384',
        index: 0,
        thumbprint: rfc7638Thumbprint(p384.jwk),
        problems: [],
        notes: [],
      });
    }
  });

  it('a JWK without kid: kid null, a KEY_NO_KID note, and no problem', async () => {
    const { kid: _kid, ...withoutKid } = rsa.jwk;
    const key = only(await readKeys(withoutKid));
    expect(key.kid).toBeNull();
    expect(key.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
    expect(notes(key)).toEqual(['KEY_NO_KID']);
    expect(problems(key)).toEqual([]);
    expect(key.publicJwk).not.toHaveProperty('kid');
  });

  it('a JWK with "use" other than "sig": a KEY_USE_NOT_SIG note, and no problem', async () => {
    const key = only(await readKeys({ ...rsa.jwk, use: 'enc' }));
    expect(notes(key)).toEqual(['KEY_USE_NOT_SIG']);
    expect(problems(key)).toEqual([]);
    expect(key.publicJwk).toMatchObject({ use: 'enc' });
    expect(notes(only(await readKeys({ ...rsa.jwk, use: 'sig' })))).toEqual([]);
  });

  it('publicJwk keeps the public members and kid, alg and use, and nothing else', async () => {
    const decorated = { ...rsa.jwk, alg: 'RS256', use: 'sig', key_ops: ['verify'], x5t: 'abc', ext: true };
    const key = only(await readKeys(decorated));
    expect(key.publicJwk).toEqual({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e, kid: rsa.kid, alg: 'RS256', use: 'sig' });
    expect(key.alg).toBe('RS256');
  });

  it('names keys by position and kid in messages', async () => {
    const reading = await readKeys({ keys: [rsa.jwk, { ...p256.jwk, kid: 'ec-key' }] });
    expect(reading.keys.map((key) => key.name)).toEqual([`key 1 (kid "${rsa.kid}")`, 'key 2 (kid "ec-key")']);
    expect(reading.keys[1]!.problems[0]!.message).toContain('key 2 (kid "ec-key")');
  });

  it.each([
    ['the default set', undefined],
    ['every algorithm', ALGORITHM_NAMES],
  ])(
    'an Ed25519 (OKP) JWK with %s: KEY_UNSUPPORTED_TYPE, crv Ed25519, and its thumbprint',
    async (_name, algorithms) => {
      const jwk = jwkOf(ed25519.publicKey);
      const key = only(await readKeys(jwk, { algorithms }));
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', thumbprint: rfc7638Thumbprint(jwk), algorithms: [] });
      expect(problems(key)).toEqual(['KEY_UNSUPPORTED_TYPE']);
      expect(key.problems[0]!.message).toContain('OKP Ed25519');
    },
  );

  it.each([
    ['the default set', undefined],
    ['every algorithm', ALGORITHM_NAMES],
  ])('a secp256k1 EC JWK with %s: KEY_UNSUPPORTED_TYPE, crv secp256k1', async (_name, algorithms) => {
    const jwk = jwkOf(secp256k1.publicKey);
    const key = only(await readKeys(jwk, { algorithms }));
    expect(key).toMatchObject({ kty: 'EC', crv: 'secp256k1', thumbprint: rfc7638Thumbprint(jwk), algorithms: [] });
    expect(problems(key)).toEqual(['KEY_UNSUPPORTED_TYPE']);
  });
});

describe('readKeys: PEM input', () => {
  it('reads an RSA SPKI PEM ("PUBLIC KEY") as the same key, without kid', async () => {
    const reading = await readKeys(rsa.publicPem);
    expect(reading.form).toBe('pem');
    const key = only(reading);
    expect(key).toMatchObject({
      kty: 'RSA',
      kid: null,
      alg: null,
      bits: 2048,
      index: 0,
      name: 'block 1',
      thumbprint: rfc7638Thumbprint(rsa.jwk),
      algorithms: RSA_ALGORITHMS,
    });
    expect(key.publicJwk).toEqual({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
    expect(problems(key)).toEqual([]);
    expect(notes(key)).toEqual(['KEY_NO_KID']);
  });

  it.each([
    ['P-256', p256, 'ES256'],
    ['P-384', p384, 'ES384'],
    ['P-521', p521, 'ES512'],
  ])(
    'reads an EC %s SPKI PEM as the same key: KEY_UNSUPPORTED_TYPE by default, clean with every algorithm',
    async (crv, testKey, alg) => {
      const byDefault = only(await readKeys(testKey.publicPem));
      expect(problems(byDefault)).toEqual(['KEY_UNSUPPORTED_TYPE']);
      expect(byDefault).toMatchObject({ kty: 'EC', crv, thumbprint: rfc7638Thumbprint(testKey.jwk), algorithms: [] });
      const widened = only(await readKeys(testKey.publicPem, ALL));
      expect(problems(widened)).toEqual([]);
      expect(widened.algorithms).toEqual([alg]);
      expect(widened.publicJwk).toEqual({ kty: 'EC', crv, x: testKey.jwk.x, y: testKey.jwk.y });
      expect(widened.thumbprint).toBe(rfc7638Thumbprint(testKey.jwk));
    },
  );

  it('reads a PKCS#1 PEM ("RSA PUBLIC KEY") as the same key as its SPKI form', async () => {
    expect(rsa.pkcs1Pem).toContain('-----BEGIN RSA PUBLIC KEY-----');
    const key = only(await readKeys(rsa.pkcs1Pem));
    expect(problems(key)).toEqual([]);
    expect(key).toMatchObject({ kty: 'RSA', bits: 2048 });
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
    expect(key.thumbprint).toBe(only(await readKeys(rsa.publicPem)).thumbprint);
  });

  it('reads several PEM blocks, in order, with text around and between them', async () => {
    const text = `# account keys\n${rsa.publicPem}\nsecond one:\n${p256.publicPem}${otherRsa.pkcs1Pem}\n${p521.publicPem}`;
    const reading = await readKeys(text, ALL);
    expect(reading.errors).toEqual([]);
    expect(reading.keys.map((key) => [key.index, key.name, key.thumbprint, problems(key)])).toEqual([
      [0, 'block 1', rfc7638Thumbprint(rsa.jwk), []],
      [1, 'block 2', rfc7638Thumbprint(p256.jwk), []],
      [2, 'block 3', rfc7638Thumbprint(otherRsa.jwk), []],
      [3, 'block 4', rfc7638Thumbprint(p521.jwk), []],
    ]);
  });

  it('reads a PEM with CRLF line endings', async () => {
    const key = only(await readKeys(p256.publicPem.replaceAll('\n', '\r\n'), ALL));
    expect(key.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
    expect(problems(key)).toEqual([]);
  });

  it.each([
    ['the default set', undefined],
    ['every algorithm', ALGORITHM_NAMES],
  ])('reads an Ed25519 SPKI PEM with %s as an OKP Ed25519 key: KEY_UNSUPPORTED_TYPE', async (_name, algorithms) => {
    const key = only(await readKeys(spkiPem(ed25519.publicKey), { algorithms }));
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', thumbprint: rfc7638Thumbprint(jwkOf(ed25519.publicKey)) });
    expect(problems(key)).toEqual(['KEY_UNSUPPORTED_TYPE']);
  });

  it.each([
    ['secp256k1', secp256k1, 'EC'],
    ['Ed448', ed448, 'OKP'],
  ])(
    'a %s SPKI PEM reads with the same facts as its JWK (kty, crv, thumbprint) and a truthful KEY_UNSUPPORTED_TYPE',
    async (crv, pair, kty) => {
      const fromJwk = only(await readKeys(jwkOf(pair.publicKey)));
      expect(fromJwk).toMatchObject({ kty, crv, thumbprint: rfc7638Thumbprint(jwkOf(pair.publicKey)) });
      const fromPem = only(await readKeys(spkiPem(pair.publicKey)));
      expect(problems(fromPem)).toEqual(['KEY_UNSUPPORTED_TYPE']);
      expect(fromPem.problems[0]!.message).not.toMatch(/not an RSA, EC or OKP key/);
      expect({ kty: fromPem.kty, crv: fromPem.crv, thumbprint: fromPem.thumbprint }).toEqual({
        kty,
        crv,
        thumbprint: fromJwk.thumbprint,
      });
    },
  );
});

describe('readKeys: X.509 certificates', () => {
  it("a certificate PEM for an RSA key reads as its public key, with that key's RFC 7638 thumbprint", async () => {
    expect(rsaCertificate).toContain('-----BEGIN CERTIFICATE-----');
    // The certificate's key, read independently with node:crypto.
    const certificateJwk = new X509Certificate(rsaCertificate).publicKey.export({ format: 'jwk' });
    expect(certificateJwk.n).toBe(rsa.jwk.n);
    const key = only(await readKeys(rsaCertificate));
    expect(key).toMatchObject({
      kty: 'RSA',
      bits: 2048,
      kid: null,
      thumbprint: rfc7638Thumbprint(certificateJwk),
      algorithms: RSA_ALGORITHMS,
    });
    expect(key.publicJwk).toEqual({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
    expect(problems(key)).toEqual([]);
    expect(notes(key)).toEqual(['KEY_NO_KID']);
  });

  it('a certificate for an EC P-256 key is KEY_UNSUPPORTED_TYPE by default, and reads clean with ES256 accepted', async () => {
    const certificateJwk = new X509Certificate(p256Certificate).publicKey.export({ format: 'jwk' });
    const byDefault = only(await readKeys(p256Certificate));
    expect(byDefault).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      thumbprint: rfc7638Thumbprint(certificateJwk),
      algorithms: [],
    });
    expect(problems(byDefault)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    const widened = only(await readKeys(p256Certificate, { algorithms: [...SERVICE_ALGORITHMS, 'ES256'] }));
    expect(problems(widened)).toEqual([]);
    expect(widened.algorithms).toEqual(['ES256']);
    expect(widened.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
  });

  it("a certificate next to its key's SPKI PEM: two blocks with the same thumbprint", async () => {
    const reading = await readKeys(`${rsaCertificate}\n${rsa.publicPem}`);
    expect(reading.keys.map((key) => key.thumbprint)).toEqual([rfc7638Thumbprint(rsa.jwk), rfc7638Thumbprint(rsa.jwk)]);
    expect(reading.keys.map(problems)).toEqual([[], []]);
  });
});

describe('private key material', () => {
  it.each([
    ['RSA', rsa, []],
    ['EC', p256, ['KEY_UNSUPPORTED_TYPE']],
  ] as [string, TestKey, string[]][])(
    'a private %s JWK: KEY_IS_PRIVATE, and publicJwk holds only the public part',
    async (_type, testKey, byDefault) => {
      expect(testKey.privateJwk.d).toBeDefined();
      const key = only(await readKeys(testKey.privateJwk));
      expect(problems(key)).toEqual(['KEY_IS_PRIVATE', ...byDefault]);
      expectPublicOnly(key);
      expect(key.thumbprint).toBe(rfc7638Thumbprint(testKey.jwk));
      expect(key.kid).toBe(testKey.kid);
      expect(key.problems[0]!.message).toMatch(/rotate/);
      expect(JSON.stringify(key)).not.toContain(testKey.privateJwk.d);
      // With every algorithm accepted, being private is the EC key's only problem.
      expect(problems(only(await readKeys(testKey.privateJwk, ALL)))).toEqual(['KEY_IS_PRIVATE']);
    },
  );

  it.each([
    ['PKCS#8 RSA ("PRIVATE KEY")', () => rsa.privatePem],
    ['PKCS#1 RSA ("RSA PRIVATE KEY")', () => rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()],
  ])('a private PEM, %s: KEY_IS_PRIVATE, and the public key with its thumbprint', async (_name, pem) => {
    const text = pem();
    const key = only(await readKeys(text));
    expect(problems(key)).toEqual(['KEY_IS_PRIVATE']);
    expect(key).toMatchObject({
      kty: 'RSA',
      bits: 2048,
      thumbprint: rfc7638Thumbprint(rsa.jwk),
      algorithms: RSA_ALGORITHMS,
    });
    expect(key.publicJwk).toEqual({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
    expect(key.problems[0]!.message).toMatch(/rotate/);
    // Neither the PEM body nor the private exponent is echoed.
    expect(JSON.stringify(key)).not.toContain(text.split('\n')[1]);
    expect(JSON.stringify(key)).not.toContain(rsa.privateJwk.d);
  });

  it("a private PKCS#8 EC PEM: KEY_IS_PRIVATE (and KEY_UNSUPPORTED_TYPE by default), with the public key's thumbprint", async () => {
    const byDefault = only(await readKeys(p256.privatePem));
    expect(problems(byDefault)).toEqual(['KEY_IS_PRIVATE', 'KEY_UNSUPPORTED_TYPE']);
    expect(byDefault.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
    const widened = only(await readKeys(p256.privatePem, ALL));
    expect(problems(widened)).toEqual(['KEY_IS_PRIVATE']);
    expectPublicOnly(widened);
    expect(widened.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: p256.jwk.x, y: p256.jwk.y });
  });

  it.each([
    ['SEC1 ("EC PRIVATE KEY")', () => p384.privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
    [
      'encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY")',
      () =>
        rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pass' }).toString(),
    ],
  ])('a private PEM the reader cannot open, %s: KEY_IS_PRIVATE and no key', async (_name, pem) => {
    const key = only(await readKeys(pem(), ALL));
    expect(problems(key)).toEqual(['KEY_IS_PRIVATE']);
    expect(key.publicJwk).toBeNull();
    expect(key.thumbprint).toBeNull();
  });

  it('a private PEM next to a public one: each block is read, only the private one is KEY_IS_PRIVATE', async () => {
    const reading = await readKeys(`${otherRsa.privatePem}\n${rsa.publicPem}`);
    expect(reading.keys.map(problems)).toEqual([['KEY_IS_PRIVATE'], []]);
    expect(reading.keys.map((key) => key.thumbprint)).toEqual([
      rfc7638Thumbprint(otherRsa.jwk),
      rfc7638Thumbprint(rsa.jwk),
    ]);
    for (const key of reading.keys) expectPublicOnly(key);
  });

  it('an oct key with its secret: KEY_SYMMETRIC and KEY_IS_PRIVATE, no key, and the secret is not echoed', async () => {
    const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ';
    const key = only(await readKeys({ kty: 'oct', k: secret, kid: 'hmac' }, ALL));
    expect(problems(key)).toEqual(['KEY_SYMMETRIC', 'KEY_IS_PRIVATE']);
    expect(key.publicJwk).toBeNull();
    expect(JSON.stringify(key)).not.toContain(secret);
  });
});

describe('keys that cannot be used', () => {
  it.each([
    ['the default set', undefined],
    ['every algorithm', ALGORITHM_NAMES],
  ])(
    'an oct key without its secret, with %s: KEY_SYMMETRIC only, no thumbprint and no public key',
    async (_name, algorithms) => {
      const key = only(await readKeys({ kty: 'oct', kid: 'hmac' }, { algorithms }));
      expect(problems(key)).toEqual(['KEY_SYMMETRIC']);
      expect(key).toMatchObject({ kty: 'oct', kid: 'hmac', thumbprint: null, publicJwk: null, algorithms: [] });
    },
  );

  it('an oct key in a set is one bad key; the other keys read clean', async () => {
    const reading = await readKeys({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }, rsa.jwk] });
    expect(reading.keys.map(problems)).toEqual([['KEY_SYMMETRIC', 'KEY_IS_PRIVATE'], []]);
    expect(reading.keys.map((key) => key.index)).toEqual([0, 1]);
    expect(reading.errors).toEqual([]);
  });

  it.each([
    ['the default set', undefined],
    ['every algorithm', ALGORITHM_NAMES],
  ])('a 1024-bit RSA key with %s: KEY_TOO_WEAK with bits 1024, as JWK and as PEM', async (_name, algorithms) => {
    const jwk = jwkOf(rsa1024.publicKey);
    for (const input of [
      jwk,
      spkiPem(rsa1024.publicKey),
      rsa1024.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    ]) {
      const key = only(await readKeys(input, { algorithms }));
      expect(problems(key)).toEqual(['KEY_TOO_WEAK']);
      expect(key.bits).toBe(1024);
      expect(key.thumbprint).toBe(rfc7638Thumbprint(jwk));
      expect(key.problems[0]!.message).toContain('1024-bit');
    }
  });

  it('reads the size of larger RSA keys', async () => {
    const rsa3072 = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const key = only(await readKeys(jwkOf(rsa3072.publicKey)));
    expect(key.bits).toBe(3072);
    expect(problems(key)).toEqual([]);
  });

  it.each([
    ['RSA without e', () => ({ kty: 'RSA', n: rsa.jwk.n })],
    ['RSA without n', () => ({ kty: 'RSA', e: 'AQAB' })],
    ['EC without y', () => ({ kty: 'EC', crv: 'P-256', x: p256.jwk.x })],
    ['EC without x', () => ({ kty: 'EC', crv: 'P-256', y: p256.jwk.y })],
    ['EC without crv', () => ({ kty: 'EC', x: p256.jwk.x, y: p256.jwk.y })],
    ['OKP without x', () => ({ kty: 'OKP', crv: 'Ed25519' })],
    ['no kty', () => ({ n: rsa.jwk.n, e: 'AQAB' })],
    ['a non-string kty', () => ({ kty: 1, n: rsa.jwk.n, e: 'AQAB' })],
    ['a numeric e', () => ({ kty: 'RSA', n: rsa.jwk.n, e: 65537 })],
  ])('%s → KEY_MALFORMED only, with no thumbprint and no public key', async (_name, make) => {
    for (const algorithms of [undefined, ALGORITHM_NAMES]) {
      const key = only(await readKeys(make(), { algorithms }));
      expect(problems(key)).toEqual(['KEY_MALFORMED']);
      expect(key.thumbprint).toBeNull();
      expect(key.publicJwk).toBeNull();
    }
  });

  it('an unknown kty is a type no accepted algorithm uses: KEY_UNSUPPORTED_TYPE', async () => {
    const key = only(await readKeys({ kty: 'DSA', y: 'AQAB' }, ALL));
    expect(problems(key)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    expect(key.kty).toBe('DSA');
    expect(key.publicJwk).toBeNull();
  });

  it.each([
    ['kid', 42, 'a number'],
    ['kid', null, 'null'],
    ['kid', ['a'], 'an array'],
    ['kid', { id: 'a' }, 'a object'],
    ['alg', 256, 'a number'],
    ['alg', ['RS256'], 'an array'],
    ['alg', null, 'null'],
    ['use', true, 'a boolean'],
    ['use', null, 'null'],
    ['use', ['sig'], 'an array'],
  ])('a "%s" member that is %j → KEY_MALFORMED (it must be a string)', async (member, value, described) => {
    const key = only(await readKeys({ ...rsa.jwk, [member]: value }, ALL));
    expect(problems(key)).toEqual(['KEY_MALFORMED']);
    expect(key.problems[0]!.message).toContain(`"${member}" that is ${described}`);
    expect(key.publicJwk).toBeNull();
  });

  it.each([
    ['alg', 256],
    ['use', null],
  ])('a key refused for a non-string "%s" still reports the kid it was given', async (member, value) => {
    const key = only(await readKeys({ ...rsa.jwk, kid: 'given', [member]: value }));
    expect(problems(key)).toEqual(['KEY_MALFORMED']);
    expect(key.name).toBe('key 1 (kid "given")');
    expect(key.kid).toBe('given');
  });

  it('a set entry that is not an object → KEY_MALFORMED for that entry only', async () => {
    const reading = await readKeys({ keys: ['nope', null, [rsa.jwk], rsa.jwk] });
    expect(reading.keys.map(problems)).toEqual([['KEY_MALFORMED'], ['KEY_MALFORMED'], ['KEY_MALFORMED'], []]);
    expect(reading.keys.map((key) => key.index)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ["'+' in n", () => ({ ...rsa.jwk, n: `${rsa.jwk.n!.slice(0, 10)}+${rsa.jwk.n!.slice(11)}` })],
    ["'/' in e", () => ({ ...rsa.jwk, e: 'AQ/B' })],
    ["'=' padding on x", () => ({ ...p256.jwk, x: `${p256.jwk.x}=` })],
    ['a space in y', () => ({ ...p256.jwk, y: `${p256.jwk.y!.slice(0, 5)} ${p256.jwk.y!.slice(5)}` })],
    ['an empty n', () => ({ ...rsa.jwk, n: '' })],
    ['an n of impossible length (4k+1 characters)', () => ({ ...rsa.jwk, n: `${rsa.jwk.n}AAA` })],
  ])('broken base64url, %s → KEY_MALFORMED and no key', async (_name, make) => {
    const key = only(await readKeys(make(), ALL));
    expect(problems(key)).toEqual(['KEY_MALFORMED']);
    expect(key.thumbprint).toBeNull();
    expect(key.publicJwk).toBeNull();
  });

  it('an "alg" that does not fit the key → KEY_ALG_MISMATCH, the key\'s other facts intact', async () => {
    const cases: [Record<string, unknown>, readonly (typeof ALGORITHM_NAMES)[number][] | undefined][] = [
      [{ ...p256.jwk, alg: 'ES384' }, ALGORITHM_NAMES],
      [{ ...rsa.jwk, alg: 'ES256' }, undefined],
      [{ ...rsa.jwk, alg: 'HS256' }, undefined],
      [{ ...rsa.jwk, alg: 'none' }, ALGORITHM_NAMES],
      // It fits the key, but the accepted set does not have it.
      [{ ...rsa.jwk, alg: 'PS256' }, ['RS256']],
    ];
    for (const [jwk, algorithms] of cases) {
      const key = only(await readKeys(jwk, { algorithms }));
      expect(problems(key), JSON.stringify([jwk.alg, algorithms])).toEqual(['KEY_ALG_MISMATCH']);
      expect(key.alg).toBe(jwk.alg);
      expect(key.thumbprint).not.toBeNull();
      expect(key.publicJwk).toMatchObject({ alg: jwk.alg });
    }
  });

  it('an "alg" that fits is no problem; on a key no accepted algorithm uses, only KEY_UNSUPPORTED_TYPE is reported', async () => {
    expect(problems(only(await readKeys({ ...rsa.jwk, alg: 'PS384' })))).toEqual([]);
    expect(problems(only(await readKeys({ ...p256.jwk, alg: 'ES256' }, ALL)))).toEqual([]);
    expect(problems(only(await readKeys({ ...p256.jwk, alg: 'ES256' })))).toEqual(['KEY_UNSUPPORTED_TYPE']);
  });

  it('every key that shares a kid → KEY_DUPLICATE_KID, naming both positions', async () => {
    const reading = await readKeys(
      {
        keys: [
          { ...rsa.jwk, kid: 'same' },
          { ...otherRsa.jwk, kid: 'other' },
          { ...p256.jwk, kid: 'same' },
        ],
      },
      ALL,
    );
    expect(reading.keys.map(problems)).toEqual([['KEY_DUPLICATE_KID'], [], ['KEY_DUPLICATE_KID']]);
    expect(reading.keys[0]!.problems[0]!.message).toContain('keys 1 and 3 share the kid "same"');
  });
});

describe('input that is not a key set at all', () => {
  it.each([
    ['plain text', 'hello, this is my key'],
    ['an empty string', ''],
    ['a truncated JSON object', '{"kty": "RSA", "n": '],
    ['a PEM header without an end line', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq'],
    ['a PEM body that is not base64', '-----BEGIN PUBLIC KEY-----\n!!!! not base64 ****\n-----END PUBLIC KEY-----\n'],
  ])('%s → a KEY_MALFORMED error for the whole input, no keys', async (_name, text) => {
    const reading = await readKeys(text);
    expect(reading.keys).toEqual([]);
    expect(reading.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
    expect(reading.errors[0]!.docs).toBe('/docs/errors/key-malformed');
  });

  it('a certificate request is not a key: its block is KEY_MALFORMED', async () => {
    const reading = await readKeys('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n');
    expect(reading.errors).toEqual([]);
    expect(reading.keys.map(problems)).toEqual([['KEY_MALFORMED']]);
    expect(reading.keys[0]!.thumbprint).toBeNull();
  });

  it.each([
    ['PUBLIC KEY', 'garbage bytes', 'AAAAAAAAAAAA'],
    ['RSA PUBLIC KEY', 'garbage bytes', 'AAAAAAAAAAAA'],
    ['CERTIFICATE', 'garbage bytes', 'AAAAAAAAAAAA'],
    ['PUBLIC KEY', 'the first two lines of a real key', rsa.publicPem.split('\n').slice(1, 3).join('\n')],
  ])('a "%s" block of %s is KEY_MALFORMED, not a key of an unsupported type', async (label, _what, body) => {
    const reading = await readKeys(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`, ALL);
    expect(reading.keys).toHaveLength(1);
    expect(reading.keys[0]!.thumbprint).toBeNull();
    expect(allFindingCodes(reading)).toEqual(['KEY_MALFORMED']);
  });

  it.each([
    ['a number', '42'],
    ['an array', '[]'],
    ['an array of JWKs', JSON.stringify([rsa.jwk])],
    ['a string', '"a key"'],
    ['null', 'null'],
    ['true', 'true'],
    ['"keys" that is not an array', '{"keys": {"kty": "RSA"}}'],
  ])('JSON that is %s → a KEY_MALFORMED error, no keys', async (_name, text) => {
    const reading = await readKeys(text);
    expect(reading.keys).toEqual([]);
    expect(reading.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', [rsa.jwk]],
    ['undefined', undefined],
  ])('a parsed value that is %s → a KEY_MALFORMED error, no keys', async (_name, value) => {
    const reading = await readKeys(value);
    expect(reading.keys).toEqual([]);
    expect(reading.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
  });

  it(`more than ${MAX_KEYS_PER_SET} keys, in a set or as PEM blocks → a KEY_MALFORMED error, no keys`, async () => {
    const set = await readKeys({
      keys: Array.from({ length: MAX_KEYS_PER_SET + 1 }, (_, index) => ({ ...rsa.jwk, kid: String(index) })),
    });
    expect(set.keys).toEqual([]);
    expect(set.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
    expect(set.errors[0]!.message).toContain(`at most ${MAX_KEYS_PER_SET}`);
    const pem = await readKeys(rsa.publicPem.repeat(MAX_KEYS_PER_SET + 1));
    expect(pem.keys).toEqual([]);
    expect(pem.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
    // Exactly the limit is fine.
    expect(
      (
        await readKeys({
          keys: Array.from({ length: MAX_KEYS_PER_SET }, (_, index) => ({ ...rsa.jwk, kid: String(index) })),
        })
      ).keys,
    ).toHaveLength(MAX_KEYS_PER_SET);
  });

  it('a JSON parse error does not echo the input (a malformed private JWK text ending in part of "d")', async () => {
    const text = JSON.stringify(p256.privateJwk);
    const dStart = text.indexOf('"d":"') + 5;
    const fragment = p256.privateJwk.d!.slice(0, 24);
    const inputs = [
      // Cut off inside "d".
      text.slice(0, dStart + 24),
      // "d" followed by stray characters.
      `${text.slice(0, dStart + 24)}" oops}`,
      `${text.slice(0, dStart + 24)}\u0001"}`,
      // Not even an object: JSON.parse quotes the start of such text in its message.
      `d=${fragment}`,
    ];
    for (const input of inputs) {
      expect(input).toContain(fragment);
      const reading = await readKeys(input);
      expect(
        reading.errors.map((error) => error.code),
        input,
      ).toEqual(['KEY_MALFORMED']);
      const reported = JSON.stringify(reading);
      expect(reported).not.toContain(fragment);
      expect(reported).not.toContain(fragment.slice(-8));
      expect(reading.errors[0]!.message).toMatch(/JSON/);
    }
  });
});

describe('RFC 7638 thumbprints', () => {
  it('match the RFC 7638 example value', async () => {
    const reading = await readKeys(RFC7638_EXAMPLE);
    expect(only(reading).thumbprint).toBe(RFC7638_THUMBPRINT);
    // The independent computation agrees with the published value too.
    expect(rfc7638Thumbprint(RFC7638_EXAMPLE)).toBe(RFC7638_THUMBPRINT);
  });

  it.each([
    ['RSA', rsa.jwk],
    ['EC P-256', p256.jwk],
    ['EC P-384', p384.jwk],
    ['EC P-521', p521.jwk],
    ['OKP Ed25519', jwkOf(ed25519.publicKey)],
    ['OKP Ed448', jwkOf(ed448.publicKey)],
  ])('%s: equal to the SHA-256 of the required members in lexicographic order', async (_name, jwk) => {
    const key = only(await readKeys(jwk));
    expect(key.thumbprint).toBe(rfc7638Thumbprint(jwk));
    expect(key.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ignore optional members (kid, alg, use, key_ops) and member order', async () => {
    const { kty, n, e } = rsa.jwk;
    const decorated = { use: 'sig', key_ops: ['verify'], e, alg: 'RS256', kid: 'another-kid', n, kty };
    expect(only(await readKeys(decorated)).thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
  });

  it('are the same for a key read from JWK, private JWK, SPKI PEM, PKCS#1 PEM, private PEMs and a certificate', async () => {
    const inputs = [
      rsa.jwk,
      rsa.privateJwk,
      rsa.publicPem,
      rsa.pkcs1Pem,
      rsa.privatePem,
      rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
      rsaCertificate,
    ];
    const thumbprints = await Promise.all(inputs.map(async (input) => only(await readKeys(input)).thumbprint));
    expect(thumbprints).toEqual(inputs.map(() => rfc7638Thumbprint(rsa.jwk)));
    const ecInputs = [p256.jwk, p256.privateJwk, p256.publicPem, p256.privatePem, p256Certificate];
    const ecThumbprints = await Promise.all(ecInputs.map(async (input) => only(await readKeys(input, ALL)).thumbprint));
    expect(ecThumbprints).toEqual(ecInputs.map(() => rfc7638Thumbprint(p256.jwk)));
  });

  it('do not depend on the accepted set', async () => {
    for (const algorithms of [undefined, ALGORITHM_NAMES, ['ES512'] as const, ['PS256'] as const]) {
      const reading = await readKeys(jwkSet(rsa, p256, p521), { algorithms });
      expect(reading.keys.map((key) => key.thumbprint)).toEqual(
        [rsa, p256, p521].map((key) => rfc7638Thumbprint(key.jwk)),
      );
    }
  });

  it('differ between different keys', async () => {
    const reading = await readKeys(jwkSet(rsa, otherRsa));
    expect(reading.keys[0]!.thumbprint).not.toBe(reading.keys[1]!.thumbprint);
  });
});
