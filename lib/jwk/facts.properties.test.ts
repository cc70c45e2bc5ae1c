/**
 * Properties of the one key reader and its two policies, over keys generated with node:crypto:
 * (a) the upload check (`checkKeys`) and the diagnosis reader (`loadKeySet`) state the same facts about every key;
 * (b) a token signed with any algorithm of the table verifies exactly when the accepted set contains it;
 * (c) the facts are those of the key itself, whatever form it comes in.
 * Runs are bounded (numRuns) so the file takes seconds; keys are generated once.
 */
import { generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, algorithmsForKey, type AlgorithmName } from '@/lib/algorithms';
import { checkKeys, type CheckedKey } from '@/lib/jwk/check';
import { diagnoseToken, loadKeySet } from '@/lib/jwt';
import { NOW, jwkSet, makeKeys, makeToken, rfc7638Thumbprint } from '@/lib/jwt/test-tokens';

// ------------------------------------------------------------------ the key pool

interface PoolKey {
  name: string;
  kty: 'RSA' | 'EC' | 'OKP' | 'oct';
  crv?: string;
  bits?: number;
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
  /** RFC 7638 thumbprint, computed by the test helper; null for a shared secret. */
  thumbprint: string | null;
  /** PEM forms (none for a shared secret). */
  pems: { label: string; text: string; isPrivate: boolean }[];
  /**
   * Which PEM forms give the key's full facts. Web Crypto imports neither secp256k1 nor Ed448; the reader takes
   * their public keys from the SPKI bytes itself, but a PKCS#8 private key of those types holds no public key it
   * could read without their curve arithmetic, so it comes back with its type and curve but no thumbprint.
   */
  pemReadable: true | 'public-only' | false;
  /** A member whose removal makes the JWK malformed. */
  required?: string;
  /** An "alg" member that fits the key (or names its own algorithm family when the table has none), and some that do not. */
  rightAlg: string;
  wrongAlgs: string[];
}

function fromPair(
  name: string,
  pair: { publicKey: KeyObject; privateKey: KeyObject },
  extra: Pick<PoolKey, 'rightAlg' | 'wrongAlgs' | 'pemReadable'>,
): PoolKey {
  const publicJwk = pair.publicKey.export({ format: 'jwk' });
  const kty = publicJwk.kty as PoolKey['kty'];
  const pems = [
    { label: 'PUBLIC KEY', text: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(), isPrivate: false },
    {
      label: 'PRIVATE KEY',
      text: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      isPrivate: true,
    },
  ];
  if (kty === 'RSA') {
    pems.push({
      label: 'RSA PUBLIC KEY',
      text: pair.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
      isPrivate: false,
    });
    pems.push({
      label: 'RSA PRIVATE KEY',
      text: pair.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
      isPrivate: true,
    });
  }
  return {
    name,
    kty,
    ...(kty === 'RSA' ? { bits: pair.publicKey.asymmetricKeyDetails!.modulusLength } : { crv: publicJwk.crv }),
    publicJwk,
    privateJwk: pair.privateKey.export({ format: 'jwk' }),
    thumbprint: rfc7638Thumbprint(publicJwk),
    pems,
    required: kty === 'RSA' ? 'e' : kty === 'EC' ? 'y' : 'x',
    ...extra,
  };
}

const RSA_WRONG = ['ES256', 'ES512', 'HS256', 'none'];
const rsa2048 = makeKeys('RS256');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const p521 = makeKeys('ES512');

const POOL: PoolKey[] = [
  fromPair('RSA 1024', generateKeyPairSync('rsa', { modulusLength: 1024 }), {
    rightAlg: 'RS256',
    wrongAlgs: RSA_WRONG,
    pemReadable: true,
  }),
  fromPair('RSA 2048', rsa2048, { rightAlg: 'PS256', wrongAlgs: RSA_WRONG, pemReadable: true }),
  fromPair('RSA 3072', generateKeyPairSync('rsa', { modulusLength: 3072 }), {
    rightAlg: 'RS512',
    wrongAlgs: RSA_WRONG,
    pemReadable: true,
  }),
  fromPair('EC P-256', p256, { rightAlg: 'ES256', wrongAlgs: ['ES384', 'RS256', 'HS256'], pemReadable: true }),
  fromPair('EC P-384', p384, { rightAlg: 'ES384', wrongAlgs: ['ES256', 'PS384'], pemReadable: true }),
  fromPair('EC P-521', p521, { rightAlg: 'ES512', wrongAlgs: ['ES256', 'RS512'], pemReadable: true }),
  fromPair('EC secp256k1', generateKeyPairSync('ec', { namedCurve: 'secp256k1' }), {
    rightAlg: 'ES256K',
    wrongAlgs: ['ES256', 'RS256'],
    pemReadable: 'public-only',
  }),
  fromPair('OKP Ed25519', generateKeyPairSync('ed25519'), {
    rightAlg: 'EdDSA',
    wrongAlgs: ['ES256', 'RS256'],
    pemReadable: true,
  }),
  fromPair('OKP Ed448', generateKeyPairSync('ed448'), {
    rightAlg: 'EdDSA',
    wrongAlgs: ['ES512', 'RS256'],
    pemReadable: 'public-only',
  }),
  {
    name: 'oct',
    kty: 'oct',
    publicJwk: { kty: 'oct' },
    privateJwk: { kty: 'oct', k: 'c2hhcmVkLXNlY3JldC1ieXRlcy0xMjM0NTY3ODkw' },
    thumbprint: null,
    pems: [],
    pemReadable: false,
    rightAlg: 'HS256',
    wrongAlgs: ['RS256'],
  },
];
const PEM_POOL = POOL.filter((key) => key.pems.length > 0);

/** The table's algorithms that can check a key of this type and curve (whatever the accepted set). */
function fittingAlgorithms(key: PoolKey): AlgorithmName[] {
  return algorithmsForKey({ kty: key.kty, crv: key.crv }, ALGORITHM_NAMES);
}

// ------------------------------------------------------------------ inputs

type BadMember = 'kid-number' | 'alg-number' | 'use-null' | 'drop-required';
const TYPE_ERRORS: readonly BadMember[] = ['kid-number', 'alg-number', 'use-null'];

interface JwkEntry {
  form: 'jwk';
  pool: number;
  isPrivate: boolean;
  kid: string | null;
  alg: 'absent' | 'right' | number;
  extras: Record<string, unknown>[];
  bad: BadMember | null;
}

interface PemEntry {
  form: 'pem';
  pool: number;
  pem: number;
}

type Entry = JwkEntry | PemEntry;

interface Case {
  shape: 'jwks' | 'jwk' | 'pem';
  entries: Entry[];
  accepted: AlgorithmName[];
}

const EXTRA_MEMBERS: Record<string, unknown>[] = [
  { use: 'sig' },
  { use: 'enc' },
  { key_ops: ['verify'] },
  { x5t: 'bm90LWEtcmVhbC10aHVtYnByaW50' },
  { ext: true },
];

const jwkEntryArb: fc.Arbitrary<JwkEntry> = fc.record({
  form: fc.constant('jwk' as const),
  pool: fc.nat(POOL.length - 1),
  isPrivate: fc.boolean(),
  // A small set of kids, so duplicates happen.
  kid: fc.constantFrom(null, 'a', 'b', 'c'),
  alg: fc.oneof(fc.constant('absent' as const), fc.constant('right' as const), fc.nat(3)),
  extras: fc.subarray(EXTRA_MEMBERS, { maxLength: 2 }),
  bad: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom<BadMember>('kid-number', 'alg-number', 'use-null', 'drop-required') },
  ),
});

const pemEntryArb: fc.Arbitrary<PemEntry> = fc
  .record({ pool: fc.nat(PEM_POOL.length - 1), pem: fc.nat(3) })
  .map(({ pool, pem }) => ({
    form: 'pem' as const,
    pool: POOL.indexOf(PEM_POOL[pool]!),
    pem: pem % PEM_POOL[pool]!.pems.length,
  }));

/** Any non-empty subset of the table, in the table's order. */
const acceptedArb: fc.Arbitrary<AlgorithmName[]> = fc.subarray(ALGORITHM_NAMES, { minLength: 1 });

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  fc.record({
    shape: fc.constant('jwks' as const),
    entries: fc.array(jwkEntryArb, { maxLength: 4 }),
    accepted: acceptedArb,
  }),
  fc.record({
    shape: fc.constant('jwk' as const),
    entries: jwkEntryArb.map((entry) => [entry]),
    accepted: acceptedArb,
  }),
  fc.record({
    shape: fc.constant('pem' as const),
    entries: fc.array(pemEntryArb, { minLength: 1, maxLength: 3 }),
    accepted: acceptedArb,
  }),
);

/** The JWK an entry stands for: the pool key in public or private form, with the entry's kid, alg and members. */
function buildJwk(entry: JwkEntry): Record<string, unknown> {
  const key = POOL[entry.pool]!;
  const jwk: Record<string, unknown> = { ...(entry.isPrivate ? key.privateJwk : key.publicJwk) };
  for (const extra of entry.extras) Object.assign(jwk, extra);
  if (entry.kid !== null) jwk.kid = entry.kid;
  if (entry.alg === 'right') jwk.alg = key.rightAlg;
  else if (typeof entry.alg === 'number') jwk.alg = key.wrongAlgs[entry.alg % key.wrongAlgs.length];
  if (entry.bad === 'kid-number') jwk.kid = 42;
  if (entry.bad === 'alg-number') jwk.alg = 256;
  if (entry.bad === 'use-null') jwk.use = null;
  if (entry.bad === 'drop-required' && key.required) delete jwk[key.required];
  return jwk;
}

function inputText(testCase: Case): string {
  if (testCase.shape === 'pem') {
    return testCase.entries.map((entry) => POOL[entry.pool]!.pems[(entry as PemEntry).pem]!.text).join('\n');
  }
  const jwks = testCase.entries.map((entry) => buildJwk(entry as JwkEntry));
  return JSON.stringify(testCase.shape === 'jwk' ? jwks[0] : { keys: jwks });
}

/** How the reader names entry `index` in its messages. */
function entryName(testCase: Case, index: number): string {
  if (testCase.shape === 'pem') return `block ${index + 1}`;
  const kid = buildJwk(testCase.entries[index] as JwkEntry).kid;
  return typeof kid === 'string' ? `key ${index + 1} (kid "${kid}")` : `key ${index + 1}`;
}

/** The kid the entry's JWK carries, when it is a string. */
function rawKid(entry: Entry): string | null {
  if (entry.form === 'pem') return null;
  const kid = buildJwk(entry).kid;
  return typeof kid === 'string' ? kid : null;
}

const TRIED_DESPITE = new Set(['KEY_IS_PRIVATE', 'KEY_DUPLICATE_KID', 'KEY_ALG_MISMATCH']);
const errorCodes = (key: CheckedKey) => key.errors.map((error) => error.code);

/** Runs of each property; small enough for a 2-core machine, large enough to reach every form and code. */
const RUNS = 150;

// ------------------------------------------------------------------ (a) the two policies agree

describe('(a) the upload check and the diagnosis reader report the same facts for each key', () => {
  it('same thumbprints; every strict error is a lenient warning naming the same key; a key is tried iff its errors are only KEY_IS_PRIVATE / KEY_DUPLICATE_KID / KEY_ALG_MISMATCH', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (testCase) => {
        const text = inputText(testCase);
        const strict = await checkKeys(text, { algorithms: testCase.accepted });
        const lenient = await loadKeySet(text, testCase.accepted);

        // An empty JWK set: refused on upload, nothing to try in diagnosis.
        if (testCase.entries.length === 0) {
          expect(strict.ok).toBe(false);
          expect(strict.errors.map((error) => error.code)).toEqual(['KEY_MALFORMED']);
          expect(lenient).toEqual({ keys: [], warnings: [] });
          return;
        }
        expect(strict.errors).toEqual([]);
        expect(strict.keys).toHaveLength(testCase.entries.length);

        // Every strict error names the key it is about.
        strict.keys.forEach((key, index) => {
          for (const error of key.errors) {
            if (error.code === 'KEY_DUPLICATE_KID')
              expect(error.message).toMatch(new RegExp(`keys (\\d+ and )*${index + 1}\\b`));
            else expect(error.message).toContain(entryName(testCase, index));
          }
        });

        if (lenient.unreadable !== undefined) {
          // Only a single JWK can be unreadable here (PEM entries are always real keys): then it is malformed,
          // and the reason is the strict errors' messages.
          expect(testCase.shape).toBe('jwk');
          expect(errorCodes(strict.keys[0]!)).toContain('KEY_MALFORMED');
          for (const error of strict.keys[0]!.errors) expect(lenient.unreadable).toContain(error.message);
          expect(lenient.keys).toEqual([]);
          expect(lenient.warnings).toEqual([]);
          return;
        }
        if (testCase.shape !== 'jwks')
          expect(strict.keys.every((key) => errorCodes(key).includes('KEY_MALFORMED'))).toBe(false);

        // Which keys are tried.
        const tried = strict.keys.map(
          (key) => key.thumbprint !== null && key.errors.every((error) => TRIED_DESPITE.has(error.code)),
        );
        expect(lenient.keys.map((key) => key.index)).toEqual(
          tried.flatMap((isTried, index) => (isTried ? [index] : [])),
        );

        // The tried keys carry the strict check's facts.
        for (const entry of lenient.keys) {
          const key = strict.keys[entry.index]!;
          expect(entry.thumbprint).toBe(key.thumbprint);
          expect(entry.kty).toBe(key.kty);
          expect(entry.kid).toBe(rawKid(testCase.entries[entry.index]!));
          expect(key.kid).toBe(entry.kid ?? key.thumbprint);
          for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'])
            expect(entry.jwk).not.toHaveProperty(member);
        }

        // Every strict error, in order, as the lenient warning its policy gives.
        const expected: { code: string; message: string }[] = [];
        strict.keys.forEach((key, index) => {
          for (const error of key.errors) {
            const code =
              error.code === 'KEY_IS_PRIVATE'
                ? 'JWKS_PRIVATE_KEY'
                : tried[index]
                  ? 'JWKS_KEY_REFUSED_ON_UPLOAD'
                  : 'JWKS_KEY_SKIPPED';
            expected.push({ code, message: error.message });
          }
          if (!tried[index] && key.errors.every((error) => error.code === 'KEY_IS_PRIVATE'))
            expected.push({ code: 'JWKS_KEY_SKIPPED', message: `${entryName(testCase, index)} was not used` });
        });
        expect(lenient.warnings.map((warning) => warning.code)).toEqual(expected.map((warning) => warning.code));
        lenient.warnings.forEach((warning, position) => expect(warning.message).toContain(expected[position]!.message));
      }),
      { numRuns: RUNS },
    );
  });
});

// ------------------------------------------------------------------ (c) the facts are the key's own

/** The problem codes the contract gives an entry, from what the test built (not from the reader). */
function expectedCodes(testCase: Case, index: number): Set<string> {
  const entry = testCase.entries[index]!;
  const key = POOL[entry.pool]!;
  const codes = new Set<string>();
  const usable = fittingAlgorithms(key).filter((alg) => testCase.accepted.includes(alg));
  const typeChecks = () => {
    if (key.bits !== undefined && key.bits < 2048) codes.add('KEY_TOO_WEAK');
    if (usable.length === 0) codes.add('KEY_UNSUPPORTED_TYPE');
  };
  if (entry.form === 'pem') {
    if (key.pems[entry.pem]!.isPrivate) codes.add('KEY_IS_PRIVATE');
    typeChecks();
    return codes;
  }
  const jwk = buildJwk(entry);
  if (entry.bad !== null && TYPE_ERRORS.includes(entry.bad)) codes.add('KEY_MALFORMED');
  else if (key.kty === 'oct') {
    codes.add('KEY_SYMMETRIC');
    if (entry.isPrivate) codes.add('KEY_IS_PRIVATE');
  } else {
    if (entry.isPrivate) codes.add('KEY_IS_PRIVATE');
    if (entry.bad === 'drop-required') codes.add('KEY_MALFORMED');
    else {
      typeChecks();
      if (usable.length > 0 && typeof jwk.alg === 'string' && !usable.includes(jwk.alg as AlgorithmName))
        codes.add('KEY_ALG_MISMATCH');
    }
  }
  const kid = rawKid(entry);
  const sharesKid = testCase.entries.some(
    // A key refused for its "alg" or "use" member still has its kid; only a non-string kid is no kid.
    (other, otherIndex) =>
      otherIndex !== index && other.form === 'jwk' && other.bad !== 'kid-number' && rawKid(other) === kid,
  );
  if (kid !== null && sharesKid) codes.add('KEY_DUPLICATE_KID');
  return codes;
}

describe('(c) the facts are those of the key itself, in every form', () => {
  it('thumbprint, type, size or curve, notes and problem codes follow from the key, its form and the accepted set', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (testCase) => {
        const strict = await checkKeys(inputText(testCase), { algorithms: testCase.accepted });
        strict.keys.forEach((checked, index) => {
          const entry = testCase.entries[index]!;
          const key = POOL[entry.pool]!;
          const malformed =
            entry.form === 'jwk' && entry.bad !== null && (TYPE_ERRORS.includes(entry.bad) || key.kty !== 'oct');
          const pemReadable =
            entry.form === 'pem' &&
            (key.pemReadable === true || (key.pemReadable === 'public-only' && !key.pems[entry.pem]!.isPrivate));
          const readable = !malformed && key.thumbprint !== null && (entry.form === 'jwk' || pemReadable);
          const expected = expectedCodes(testCase, index);
          const actual = new Set(errorCodes(checked));
          if (readable) {
            expect(checked.thumbprint).toBe(key.thumbprint);
            expect(checked.kty).toBe(key.kty);
            if (key.bits !== undefined) expect(checked.bits).toBe(key.bits);
            if (key.crv !== undefined) expect(checked.crv).toBe(key.crv);
            expect(actual).toEqual(expected);
          } else if (!malformed && key.thumbprint !== null) {
            // A secp256k1 or Ed448 private PEM: never a wrong fact, but fewer of them.
            expect(checked.thumbprint).toBeNull();
            for (const code of actual) expect(expected).toContain(code);
            expect(actual.size).toBeGreaterThan(0);
          } else {
            expect(checked.thumbprint).toBeNull();
            expect(actual).toEqual(expected);
          }
          // Without a kid of its own, a readable key is offered its thumbprint, with a KEY_NO_KID warning.
          // A key refused for a non-string "alg" or "use" keeps the kid it was given.
          const kid = rawKid(entry);
          if (kid !== null) expect(checked.kid).toBe(kid);
          else if (readable) {
            expect(checked.kid).toBe(key.thumbprint);
            expect(checked.warnings.map((warning) => warning.code)).toContain('KEY_NO_KID');
          }
          if (actual.size === 0) expect(checked.publicJwk).not.toBeNull();
          else expect(checked.publicJwk).toBeNull();
        });
        expect(strict.ok).toBe(strict.keys.length > 0 && strict.keys.every((key) => key.errors.length === 0));
      }),
      { numRuns: RUNS },
    );
  });
});

// ------------------------------------------------------------------ (b) tokens verify exactly under the accepted set

describe('(b) a token signed with node:crypto verifies exactly when the accepted set contains its algorithm', () => {
  const accountKeys = jwkSet(rsa2048, p256, p384, p521);

  it.each(ALGORITHM_NAMES)('%s', async (alg) => {
    const signer = makeKeys(alg);
    const token = makeToken(alg);
    await fc.assert(
      fc.asyncProperty(acceptedArb, async (accepted) => {
        const loaded = await loadKeySet(accountKeys, accepted);
        const diagnosis = await diagnoseToken(token, {
          keys: loaded.keys,
          keyWarnings: loaded.warnings,
          algorithms: accepted,
          now: NOW,
        });
        expect(diagnosis.ok).toBe(accepted.includes(alg));
        expect(diagnosis.algorithms).toEqual(accepted);
        if (accepted.includes(alg)) {
          expect(diagnosis.errors).toEqual([]);
          expect(diagnosis.key).toEqual({ kid: signer.kid, thumbprint: rfc7638Thumbprint(signer.jwk) });
        } else {
          expect(diagnosis.errors.map((error) => error.code)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
          expect(diagnosis.signatureChecked).toBe(false);
        }
      }),
      // Every set containing the algorithm and one without it, besides the random ones.
      { numRuns: 25, examples: [[[alg]], [ALGORITHM_NAMES.filter((name) => name !== alg)], [ALGORITHM_NAMES]] },
    );
  });
});
