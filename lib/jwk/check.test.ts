import { createHash, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { generate as generateCertificate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { ERROR_CATALOG } from '@/lib/errors';
import {
  checkKeys,
  keyCheckReport,
  MAX_KEYS_PER_SET,
  storableKeys,
  strictKeyCheck,
  type KeyCheckResult,
} from './check';
import { readKeys } from './read';

const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const k256 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed25519 = generateKeyPairSync('ed25519');

/** The service's set widened with the EC algorithms, as a deployment or a check may choose. */
const WIDENED = { algorithms: [...SERVICE_ALGORITHMS, 'ES256', 'ES384', 'ES512'] as AlgorithmName[] };

const KEY_CODES = [
  'KEY_MALFORMED',
  'KEY_IS_PRIVATE',
  'KEY_SYMMETRIC',
  'KEY_TOO_WEAK',
  'KEY_UNSUPPORTED_TYPE',
  'KEY_DUPLICATE_KID',
  'KEY_ALG_MISMATCH',
];
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;
const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' = 'spki') =>
  key.export({ format: 'pem', type } as never) as unknown as string;

function rfc7638(jwk: Record<string, string>): string {
  const members =
    jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'];
  const canonical = JSON.stringify(Object.fromEntries(members.map((member) => [member, jwk[member]])));
  return createHash('sha256').update(canonical).digest('base64url');
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

/** Contract §2: `{ ok, keys: [{ kid, kty, alg, bits | crv, thumbprint, errors, warnings }], errors }`, findings with code, message and docs. */
function expectContractShape(result: KeyCheckResult): void {
  const report = keyCheckReport(result);
  expect(Object.keys(report).sort()).toEqual(['errors', 'keys', 'ok']);
  expect(typeof report.ok).toBe('boolean');
  expect(report.ok).toBe(
    report.errors.length === 0 && report.keys.length > 0 && report.keys.every((key) => key.errors.length === 0),
  );
  for (const error of report.errors) {
    expect(KEY_CODES).toContain(error.code);
    expect(error.docs).toBe(`/docs/errors/${error.code.toLowerCase().replaceAll('_', '-')}`);
    expect(error.message.startsWith(ERROR_CATALOG[error.code as 'KEY_MALFORMED'].message)).toBe(true);
  }
  for (const key of report.keys) {
    expect(key).not.toHaveProperty('publicJwk');
    const allowed = ['kid', 'kty', 'alg', 'thumbprint', 'errors', 'warnings', 'bits', 'crv'];
    for (const member of Object.keys(key)) expect(allowed).toContain(member);
    for (const member of ['kid', 'kty', 'alg', 'thumbprint', 'errors', 'warnings']) expect(key).toHaveProperty(member);
    if (key.kty === 'RSA' && key.thumbprint !== null) expect(typeof key.bits).toBe('number');
    if (key.kty === 'EC' && key.thumbprint !== null) expect(typeof key.crv).toBe('string');
    if (key.thumbprint !== null) expect(key.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const error of key.errors) {
      expect(KEY_CODES).toContain(error.code);
      expect(error.docs).toBe(`/docs/errors/${error.code.toLowerCase().replaceAll('_', '-')}`);
      expect(error.message.startsWith(ERROR_CATALOG[error.code as 'KEY_MALFORMED'].message)).toBe(true);
    }
    for (const warning of key.warnings) expect(['KEY_NO_KID', 'KEY_USE_NOT_SIG']).toContain(warning.code);
  }
  // Private material never appears in a report.
  const text = JSON.stringify(report);
  for (const member of PRIVATE_MEMBERS) expect(text).not.toMatch(new RegExp(`"${member}":"`));
}

async function check(input: string, options?: { algorithms?: readonly AlgorithmName[] }): Promise<KeyCheckResult> {
  const result = await checkKeys(input, options);
  expectContractShape(result);
  return result;
}

describe('checkKeys: the accepted set', () => {
  it('accepts a JWK set of RSA keys with their size, alg and thumbprint', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const set = {
      keys: [
        { ...jwkOf(rsa2048.publicKey), kid: 'r' },
        { ...jwkOf(other.publicKey), kid: 's', alg: 'PS384' },
      ],
    };
    const result = await check(JSON.stringify(set));
    expect(result.ok).toBe(true);
    expect(result.keys.map((key) => [key.kid, key.kty, key.alg, key.bits])).toEqual([
      ['r', 'RSA', 'RS256', 2048],
      ['s', 'RSA', 'PS384', 3072],
    ]);
    expect(result.keys.map((key) => key.thumbprint)).toEqual([
      rfc7638(jwkOf(rsa2048.publicKey)),
      rfc7638(jwkOf(other.publicKey)),
    ]);
  });

  it('with the default set, EC keys on P-256, P-384 and P-521 are KEY_UNSUPPORTED_TYPE, with their curve and thumbprint', async () => {
    const set = {
      keys: [
        { ...jwkOf(rsa2048.publicKey), kid: 'r' },
        { ...jwkOf(p256.publicKey), kid: 'e1' },
        { ...jwkOf(p384.publicKey), kid: 'e2' },
        { ...jwkOf(p521.publicKey), kid: 'e3', alg: 'ES512' },
      ],
    };
    const result = await check(JSON.stringify(set));
    expect(result.ok).toBe(false);
    expect(result.keys.map((key) => codes(key.errors))).toEqual([
      [],
      ['KEY_UNSUPPORTED_TYPE'],
      ['KEY_UNSUPPORTED_TYPE'],
      ['KEY_UNSUPPORTED_TYPE'],
    ]);
    expect(result.keys.map((key) => [key.kid, key.kty, key.bits ?? key.crv])).toEqual([
      ['r', 'RSA', 2048],
      ['e1', 'EC', 'P-256'],
      ['e2', 'EC', 'P-384'],
      ['e3', 'EC', 'P-521'],
    ]);
    expect(result.keys[1]!.thumbprint).toBe(rfc7638(jwkOf(p256.publicKey)));
    expect(result.keys[1]!.errors[0]!.message).toContain('RS256');
    // A refused key has no storable form.
    expect(result.keys.map((key) => key.publicJwk === null)).toEqual([false, true, true, true]);
  });

  it('with ES256, ES384 and ES512 accepted, the same set is accepted with size, curve, alg and thumbprint', async () => {
    const set = {
      keys: [
        { ...jwkOf(rsa2048.publicKey), kid: 'r' },
        { ...jwkOf(p256.publicKey), kid: 'e1' },
        { ...jwkOf(p384.publicKey), kid: 'e2' },
        { ...jwkOf(p521.publicKey), kid: 'e3', alg: 'ES512' },
      ],
    };
    const result = await check(JSON.stringify(set), WIDENED);
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

  it('an RSA key with only EC algorithms accepted is KEY_UNSUPPORTED_TYPE', async () => {
    const result = await check(JSON.stringify(jwkOf(rsa2048.publicKey)), { algorithms: ['ES256'] });
    expect(codes(result.keys[0]!.errors)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    expect(result.keys[0]!.bits).toBe(2048);
  });
});

describe('checkKeys: forms', () => {
  it('reads SPKI and PKCS#1 PEM keys, several blocks at once', async () => {
    const result = await check(`${pemOf(rsa2048.publicKey, 'pkcs1')}\n${pemOf(p256.publicKey)}`, WIDENED);
    expect(result.ok).toBe(true);
    expect(result.keys.map((key) => key.thumbprint)).toEqual([
      rfc7638(jwkOf(rsa2048.publicKey)),
      rfc7638(jwkOf(p256.publicKey)),
    ]);
    const byDefault = await check(`${pemOf(rsa2048.publicKey, 'pkcs1')}\n${pemOf(p256.publicKey)}`);
    expect(byDefault.keys.map((key) => codes(key.errors))).toEqual([[], ['KEY_UNSUPPORTED_TYPE']]);
  });

  it('checks an X.509 certificate as its public key', async () => {
    const { cert } = await generateCertificate([{ name: 'commonName', value: 'rtc-doctor test' }], {
      algorithm: 'sha256',
      keyPair: { privateKey: pemOf(rsa2048.privateKey, 'pkcs8'), publicKey: pemOf(rsa2048.publicKey) },
    });
    const certificateJwk = new X509Certificate(cert).publicKey.export({ format: 'jwk' }) as Record<string, string>;
    const result = await check(cert);
    expect(result.ok).toBe(true);
    expect(result.keys).toHaveLength(1);
    const [key] = result.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', bits: 2048, thumbprint: rfc7638(certificateJwk) });
    expect(key!.thumbprint).toBe(rfc7638(jwkOf(rsa2048.publicKey)));
    expect(key!.kid).toBe(key!.thumbprint);
    expect(codes(key!.warnings)).toEqual(['KEY_NO_KID']);
    // The stored form is the public key, not the certificate.
    expect(storableKeys(result)[0]!.jwk).toEqual({
      kty: 'RSA',
      n: certificateJwk.n,
      e: certificateJwk.e,
      kid: key!.thumbprint,
    });
  });

  it('a certificate for an EC key is KEY_UNSUPPORTED_TYPE by default and accepted with ES256', async () => {
    const { cert } = await generateCertificate([{ name: 'commonName', value: 'rtc-doctor test' }], {
      algorithm: 'sha256',
      keyType: 'ec',
      curve: 'P-256',
      keyPair: { privateKey: pemOf(p256.privateKey, 'pkcs8'), publicKey: pemOf(p256.publicKey) },
    });
    const byDefault = await check(cert);
    expect(codes(byDefault.keys[0]!.errors)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    expect(byDefault.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', thumbprint: rfc7638(jwkOf(p256.publicKey)) });
    const widened = await check(cert, WIDENED);
    expect(widened.ok).toBe(true);
    expect(widened.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });

  it('offers the thumbprint as the kid of a key without one', async () => {
    const [key] = (await check(JSON.stringify(jwkOf(rsa2048.publicKey)))).keys;
    expect(key!.kid).toBe(key!.thumbprint);
    expect(key!.kid).toBe(rfc7638(jwkOf(rsa2048.publicKey)));
    expect(codes(key!.warnings)).toEqual(['KEY_NO_KID']);
    expect(key!.errors).toEqual([]);
    expect(key!.publicJwk).toMatchObject({ kid: key!.thumbprint });
  });

  it('a "use" other than "sig" is a warning, not an error', async () => {
    const result = await check(JSON.stringify({ ...jwkOf(rsa2048.publicKey), kid: 'r', use: 'enc' }));
    expect(result.ok).toBe(true);
    expect(codes(result.keys[0]!.warnings)).toEqual(['KEY_USE_NOT_SIG']);
  });
});

describe('checkKeys: refusals', () => {
  it('refuses private keys without echoing their secret members', async () => {
    const privateJwk: Record<string, string> = { ...jwkOf(p256.privateKey), kid: 'leak' };
    const result = await check(JSON.stringify({ keys: [privateJwk] }), WIDENED);
    expect(result.ok).toBe(false);
    expect(codes(result.keys[0]!.errors)).toEqual(['KEY_IS_PRIVATE']);
    expect(result.keys[0]!.errors[0]!.message).toMatch(/rotate/);
    expect(result.keys[0]!.publicJwk).toBeNull();
    expect(JSON.stringify(result)).not.toContain(privateJwk.d);
    // By default, the EC key is also of an unsupported type.
    expect(codes((await check(JSON.stringify({ keys: [privateJwk] }))).keys[0]!.errors)).toEqual([
      'KEY_IS_PRIVATE',
      'KEY_UNSUPPORTED_TYPE',
    ]);
    for (const pem of [pemOf(rsa2048.privateKey, 'pkcs8'), pemOf(rsa2048.privateKey, 'pkcs1')]) {
      const fromPem = await check(pem);
      expect(fromPem.ok).toBe(false);
      expect(codes(fromPem.keys[0]!.errors)).toEqual(['KEY_IS_PRIVATE']);
      // The public key's facts are still reported, so the user can see which key leaked.
      expect(fromPem.keys[0]!.thumbprint).toBe(rfc7638(jwkOf(rsa2048.publicKey)));
      expect(JSON.stringify(fromPem)).not.toContain(pem.split('\n')[1]);
      expect(JSON.stringify(fromPem)).not.toContain(jwkOf(rsa2048.privateKey).d);
    }
  });

  it('reports each contract code', async () => {
    const cases: [unknown, string, { algorithms?: AlgorithmName[] }?][] = [
      [{ kty: 'oct', k: 'c2VjcmV0' }, 'KEY_SYMMETRIC'],
      [jwkOf(rsa1024.publicKey), 'KEY_TOO_WEAK'],
      [jwkOf(k256.publicKey), 'KEY_UNSUPPORTED_TYPE', WIDENED],
      [jwkOf(ed25519.publicKey), 'KEY_UNSUPPORTED_TYPE', WIDENED],
      [jwkOf(p256.publicKey), 'KEY_UNSUPPORTED_TYPE'],
      [{ ...jwkOf(p256.publicKey), alg: 'ES384' }, 'KEY_ALG_MISMATCH', WIDENED],
      [{ ...jwkOf(rsa2048.publicKey), alg: 'HS256' }, 'KEY_ALG_MISMATCH'],
      [{ ...jwkOf(rsa2048.publicKey), alg: 'ES256' }, 'KEY_ALG_MISMATCH'],
      [{ ...jwkOf(rsa2048.privateKey) }, 'KEY_IS_PRIVATE'],
      [{ kty: 'RSA', e: 'AQAB' }, 'KEY_MALFORMED'],
      [{ kty: 'EC', crv: 'P-256', x: 'a+b', y: 'AAAA' }, 'KEY_MALFORMED'],
      [{ crv: 'P-256' }, 'KEY_MALFORMED'],
      [{ ...jwkOf(rsa2048.publicKey), kid: 5 }, 'KEY_MALFORMED'],
    ];
    for (const [jwk, code, options] of cases) {
      const result = await check(JSON.stringify(jwk), options);
      expect(result.ok, code).toBe(false);
      expect(codes(result.keys[0]!.errors), JSON.stringify(jwk)).toContain(code);
      expect(result.keys[0]!.publicJwk).toBeNull();
    }
  });

  it('a 1024-bit RSA key reports its size', async () => {
    const [key] = (await check(JSON.stringify(jwkOf(rsa1024.publicKey)))).keys;
    expect(key!.bits).toBe(1024);
    expect(codes(key!.errors)).toEqual(['KEY_TOO_WEAK']);
  });

  it('flags every key that shares a kid', async () => {
    const set = {
      keys: [
        { ...jwkOf(p256.publicKey), kid: 'same' },
        { ...jwkOf(p384.publicKey), kid: 'same' },
        { ...jwkOf(p521.publicKey), kid: 'other' },
      ],
    };
    const result = await check(JSON.stringify(set), WIDENED);
    expect(result.keys.map((key) => codes(key.errors))).toEqual([['KEY_DUPLICATE_KID'], ['KEY_DUPLICATE_KID'], []]);
    const rsaSet = {
      keys: [
        { ...jwkOf(rsa2048.publicKey), kid: 'same' },
        { ...jwkOf(rsa2048.publicKey), kid: 'same' },
      ],
    };
    expect((await check(JSON.stringify(rsaSet))).keys.map((key) => codes(key.errors))).toEqual([
      ['KEY_DUPLICATE_KID'],
      ['KEY_DUPLICATE_KID'],
    ]);
  });

  it('one refused key makes the whole check fail, while the good keys keep their facts', async () => {
    const result = await check(
      JSON.stringify({
        keys: [
          { ...jwkOf(rsa2048.publicKey), kid: 'good' },
          { kty: 'oct', k: 'c2VjcmV0' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.keys[0]!.errors).toEqual([]);
    expect(result.keys[0]!.publicJwk).not.toBeNull();
    expect(() => storableKeys(result)).toThrow();
  });

  it.each([
    ['garbage', 'hello'],
    ['a JSON array', '[1]'],
    ['keys that is not an array', '{"keys": {}}'],
    ['an empty set', '{"keys": []}'],
    ['a broken PEM', '-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----'],
    ['a certificate request', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n'],
  ])('reports KEY_MALFORMED for %s', async (_name, text) => {
    const result = await check(text);
    expect(result.ok).toBe(false);
    expect(codes([...result.errors, ...result.keys.flatMap((key) => key.errors)])).toContain('KEY_MALFORMED');
  });

  it('an empty JWK set is a whole-input KEY_MALFORMED error saying so', async () => {
    const result = await check('{"keys": []}');
    expect(result.keys).toEqual([]);
    expect(codes(result.errors)).toEqual(['KEY_MALFORMED']);
    expect(result.errors[0]!.message).toContain('empty');
    // The reader itself reports no error for it: the strict policy adds it.
    expect(strictKeyCheck(await readKeys('{"keys": []}')).errors).toEqual(result.errors);
  });

  it(`refuses a set of more than ${MAX_KEYS_PER_SET} keys`, async () => {
    const keys = Array.from({ length: 1000 }, (_, index) => ({ ...jwkOf(p256.publicKey), kid: String(index) }));
    const result = await check(JSON.stringify({ keys }));
    expect(result.ok).toBe(false);
    expect(result.keys).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/at most 100/);
  });
});

describe('keyCheckReport and storableKeys', () => {
  it('the report is the contract §2 shape: every member of a key but its stored form', async () => {
    const result = await check(
      JSON.stringify({
        keys: [
          { ...jwkOf(rsa2048.publicKey), kid: 'r' },
          { ...jwkOf(p256.publicKey), kid: 'e' },
        ],
      }),
      WIDENED,
    );
    const report = keyCheckReport(result);
    expect(report).toEqual({
      ok: true,
      errors: [],
      keys: [
        {
          kid: 'r',
          kty: 'RSA',
          alg: 'RS256',
          bits: 2048,
          thumbprint: rfc7638(jwkOf(rsa2048.publicKey)),
          errors: [],
          warnings: [],
        },
        {
          kid: 'e',
          kty: 'EC',
          alg: 'ES256',
          crv: 'P-256',
          thumbprint: rfc7638(jwkOf(p256.publicKey)),
          errors: [],
          warnings: [],
        },
      ],
    });
  });

  it('storableKeys gives the public JWK with its kid, and only an "alg" the key names itself, for a passing check only', async () => {
    const result = await check(
      JSON.stringify({ keys: [jwkOf(rsa2048.publicKey), { ...jwkOf(p256.publicKey), kid: 'e', alg: 'ES256' }] }),
      WIDENED,
    );
    const stored = storableKeys(result);
    const thumbprint = rfc7638(jwkOf(rsa2048.publicKey));
    expect(stored).toEqual([
      // No "alg" member: stored without one, so PS256 tokens verify with it as well as RS256 ones.
      {
        kid: thumbprint,
        kty: 'RSA',
        alg: null,
        thumbprint,
        jwk: { kty: 'RSA', n: jwkOf(rsa2048.publicKey).n, e: jwkOf(rsa2048.publicKey).e, kid: thumbprint },
      },
      {
        kid: 'e',
        kty: 'EC',
        alg: 'ES256',
        thumbprint: rfc7638(jwkOf(p256.publicKey)),
        jwk: {
          kty: 'EC',
          crv: 'P-256',
          x: jwkOf(p256.publicKey).x,
          y: jwkOf(p256.publicKey).y,
          kid: 'e',
          alg: 'ES256',
        },
      },
    ]);
    await expect(check(JSON.stringify({ keys: [jwkOf(p256.publicKey)] }))).resolves.toMatchObject({ ok: false });
    expect(() => storableKeys({ ok: false, keys: [], errors: [] })).toThrow(/without errors/);
  });
});
