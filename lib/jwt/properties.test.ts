import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '@/lib/algorithms';
import { WARNING_CODES } from '@/lib/errors/warnings';
import { decodeToken, diagnoseToken, loadKeySet, type Diagnosis } from '@/lib/jwt';
import { NOW, b64url, b64urlJson, jwkSet, makeKeys, makeToken } from './test-tokens';

const CONTRACT_CODES = new Set([
  'TOKEN_NOT_ENOUGH_PARTS',
  'TOKEN_TOO_MANY_PARTS',
  'TOKEN_PART_NOT_BASE64',
  'TOKEN_PART_NOT_JSON',
  'TOKEN_HEADER_NO_ALG',
  'TOKEN_UNSUPPORTED_ALG',
  'TOKEN_MISSING_CLAIMS',
  'TOKEN_INVALID_CLAIM',
  'TOKEN_EXPIRED',
  'TOKEN_ISSUED_IN_FUTURE',
  'TOKEN_NOT_YET_VALID',
  'JWKS_UNAVAILABLE',
  'TOKEN_SIGNATURE_INVALID',
]);
const KNOWN_WARNINGS = new Set<string>(WARNING_CODES);
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// The widest set a deployment can choose, so the ES tokens below are mutated too.
const ACCEPTED = [...ALGORITHM_NAMES];

const rsa = makeKeys('RS256');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const keys = (await loadKeySet(jwkSet(rsa, p256, p384), ALGORITHM_NAMES)).keys;
const options = { keys, now: NOW, algorithms: ALGORITHM_NAMES };

/** Valid tokens (each verifies with `keys` at NOW) to mutate. */
const VALID_TOKENS = [
  makeToken('RS256'),
  makeToken('PS256'),
  makeToken('ES256'),
  makeToken('ES384', { header: { kid: undefined } }),
];

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The contract's result shape (section 1), checked without trusting the library's types. */
function expectContractShape(result: Diagnosis): void {
  expect(isPlainObject(result)).toBe(true);
  expect(typeof result.ok).toBe('boolean');
  expect(Array.isArray(result.errors)).toBe(true);
  expect(Array.isArray(result.warnings)).toBe(true);
  expect(result.ok).toBe(result.errors.length === 0);
  for (const error of result.errors) {
    expect(CONTRACT_CODES.has(error.code)).toBe(true);
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.docs).toBe(`/docs/errors/${error.code.toLowerCase().replaceAll('_', '-')}`);
  }
  for (const warning of result.warnings) {
    expect(KNOWN_WARNINGS.has(warning.code)).toBe(true);
    expect(typeof warning.message).toBe('string');
    expect(warning.message.length).toBeGreaterThan(0);
  }
  expect(result.header === null || isPlainObject(result.header)).toBe(true);
  expect(result.payload === null || isPlainObject(result.payload)).toBe(true);
  if (result.key !== null) {
    expect(isPlainObject(result.key)).toBe(true);
    expect(result.key.kid === null || typeof result.key.kid === 'string').toBe(true);
    expect(typeof result.key.thumbprint).toBe('string');
  }
  // Survives the trip through JSON (CLI --json, API) unchanged in meaning.
  const json = JSON.parse(JSON.stringify(result));
  expect(json.ok).toBe(result.ok);
  expect(json.errors.map((error: { code: string }) => error.code)).toEqual(result.errors.map((error) => error.code));
}

async function checkBoth(input: string): Promise<Diagnosis> {
  const decoded = decodeToken(input, { now: NOW, algorithms: ALGORITHM_NAMES });
  expectContractShape(decoded);
  const diagnosed = await diagnoseToken(input, options);
  expectContractShape(diagnosed);
  return diagnosed;
}

// ------------------------------------------------------------------ arbitraries

const base64urlAndDots = fc.string({ unit: fc.constantFrom(...`${BASE64URL}.`), maxLength: 200 });
const base64urlPart = fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 120 });

/** Characters a mutation may put into a token: the alphabet, dots and the usual intruders, but no whitespace or quotes
 * (those are legitimately stripped at the edges, which would make a mutated input equal the original token). */
const mutationChar = fc.constantFrom(...`${BASE64URL}.=+/%~!é\u0000\u00ff`);

type Mutation =
  | { kind: 'replace'; at: number; char: string }
  | { kind: 'insert'; at: number; char: string }
  | { kind: 'delete'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap'; first: number; second: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: mutationChar }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: mutationChar }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('swap' as const),
    first: fc.integer({ min: 0, max: 2 }),
    second: fc.integer({ min: 0, max: 2 }),
  }),
);

function mutate(token: string, change: Mutation): string {
  const length = Math.max(token.length, 1);
  switch (change.kind) {
    case 'replace': {
      const at = change.at % length;
      return token.slice(0, at) + change.char + token.slice(at + 1);
    }
    case 'insert': {
      const at = change.at % (token.length + 1);
      return token.slice(0, at) + change.char + token.slice(at);
    }
    case 'delete': {
      const at = change.at % length;
      return token.slice(0, at) + token.slice(at + 1);
    }
    case 'truncate':
      return token.slice(0, change.at % length);
    case 'swap': {
      const parts = token.split('.');
      if (change.first >= parts.length || change.second >= parts.length) return token;
      [parts[change.first], parts[change.second]] = [parts[change.second]!, parts[change.first]!];
      return parts.join('.');
    }
  }
}

/** The last signature character of the ES256 token with its lowest (unused) bit flipped: same bytes, different text. */
function padBitMutation(token: string): Mutation {
  const last = token.at(-1)!;
  return { kind: 'replace', at: token.length - 1, char: BASE64URL[BASE64URL.indexOf(last) ^ 1]! };
}

// ------------------------------------------------------------------ properties

describe('diagnoseToken never throws and always answers in the contract shape', () => {
  it('for random strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        async (input) => {
          await checkBoth(input);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for random strings over the base64url alphabet and dots', async () => {
    await fc.assert(
      fc.asyncProperty(base64urlAndDots, async (input) => {
        const result = await checkBoth(input);
        // Random text is never a valid signed token.
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('for three random base64url parts', async () => {
    await fc.assert(
      fc.asyncProperty(base64urlPart, base64urlPart, base64urlPart, async (header, payload, signature) => {
        const result = await checkBoth(`${header}.${payload}.${signature}`);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('for well-formed tokens with random headers, claims and signatures', async () => {
    const claimValue = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.integer({ min: NOW - 100_000, max: NOW + 100_000 }),
    );
    const header = fc.record(
      {
        alg: fc.oneof(fc.constantFrom(...ACCEPTED, 'HS256', 'none', 'rs256'), claimValue),
        kid: fc.oneof(fc.constantFrom(rsa.kid, p256.kid, p384.kid, 'unknown'), claimValue),
        typ: fc.constant('JWT'),
        jwk: fc.constant(rsa.jwk),
      },
      { requiredKeys: [] },
    );
    const payload = fc.record(
      { sub: claimValue, exp: claimValue, iat: claimValue, nbf: claimValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(header, payload, fc.uint8Array({ maxLength: 300 }), async (h, p, signature) => {
        const result = await checkBoth(`${b64urlJson(h)}.${b64urlJson(p)}.${b64url(signature)}`);
        // A random signature never verifies.
        expect(result.ok).toBe(false);
        expect(result.key).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('mutations of a valid token', () => {
  it('every starting token is valid', async () => {
    for (const token of VALID_TOKENS) expect((await diagnoseToken(token, options)).ok).toBe(true);
  });

  it('never throw, keep the contract shape, and are never ok unless byte-identical to the original', async () => {
    const es256 = VALID_TOKENS[2]!;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: VALID_TOKENS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (index, changes) => {
          const original = VALID_TOKENS[index]!;
          const mutated = changes.reduce(mutate, original);
          const result = await checkBoth(mutated);
          if (mutated !== original) expect(result.ok).toBe(false);
        },
      ),
      {
        numRuns: 300,
        // Always tried first: a change to the unused low bits of the signature's last character.
        examples: [[2, [padBitMutation(es256)]]],
      },
    );
  });

  it('truncations at every length are never ok', async () => {
    const token = VALID_TOKENS[2]!;
    for (let length = 0; length < token.length; length++) {
      const result = await checkBoth(token.slice(0, length));
      expect(result.ok).toBe(false);
    }
  });

  it('every swap of two different parts is never ok', async () => {
    for (const token of VALID_TOKENS) {
      for (const [first, second] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ] as const) {
        const result = await checkBoth(mutate(token, { kind: 'swap', first, second }));
        expect(result.ok).toBe(false);
      }
    }
  });
});
