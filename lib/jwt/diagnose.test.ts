import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '@/lib/errors';
import { WARNING_CATALOG } from '@/lib/errors/warnings';
import { ALGORITHM_NAMES, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt/lifetime';
import {
  decodeToken,
  diagnoseToken,
  loadKeySet,
  type DiagnoseOptions,
  type Diagnosis,
  type PublicKeyEntry,
} from '@/lib/jwt';
import {
  ASYMMETRIC_ALGS,
  NOW,
  b64url,
  b64urlJson,
  goodClaims,
  jwkSet,
  makeKeys,
  makeToken,
  rfc7638Thumbprint,
  signToken,
  type TestKey,
} from './test-tokens';

// ------------------------------------------------------------------ helpers

const CONTRACT_CODES: ErrorCode[] = [
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
];

const rsa = makeKeys('RS256');
const p256 = makeKeys('ES256');
const p384 = makeKeys('ES384');
const p521 = makeKeys('ES512');
const otherRsa = makeKeys('RS256', 'other');
const otherP256 = makeKeys('ES256', 'other');
const attackerRsa = makeKeys('RS256', 'attacker');

/**
 * Most rules are tested with every algorithm of the table accepted (the widest set a deployment can choose),
 * so EC keys and ES tokens exercise them too; the service's own, narrower set has its own tests below.
 */
const ALL = ALGORITHM_NAMES;

async function keysOf(...keys: TestKey[]): Promise<PublicKeyEntry[]> {
  const loaded = await loadKeySet(jwkSet(...keys), ALL);
  expect(loaded.unreadable).toBeUndefined();
  expect(loaded.keys).toHaveLength(keys.length);
  return loaded.keys;
}

/** The account's set: one key per key type, each with its own kid. */
const accountKeys = await keysOf(rsa, p256, p384, p521);

function docsPath(code: string): string {
  return `/docs/errors/${code.toLowerCase().replaceAll('_', '-')}`;
}

/** Checks that hold for every result: the contract's shape, `ok`, docs paths and catalog wording. */
function expectWellFormed(result: Diagnosis): void {
  expect(typeof result.ok).toBe('boolean');
  expect(result.ok).toBe(result.errors.length === 0);
  for (const error of result.errors) {
    expect(CONTRACT_CODES).toContain(error.code);
    expect(error.docs).toBe(docsPath(error.code));
    expect(error.message.startsWith(ERROR_CATALOG[error.code].message)).toBe(true);
  }
  for (const warning of result.warnings) {
    expect(Object.keys(WARNING_CATALOG)).toContain(warning.code);
    expect(typeof warning.message).toBe('string');
  }
  expect(result.header === null || (typeof result.header === 'object' && !Array.isArray(result.header))).toBe(true);
  expect(result.payload === null || (typeof result.payload === 'object' && !Array.isArray(result.payload))).toBe(true);
  if (result.key !== null) {
    expect(Object.keys(result.key).sort()).toEqual(['kid', 'thumbprint']);
  }
}

async function diagnose(token: string, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const result = await diagnoseToken(token, { keys: accountKeys, now: NOW, algorithms: ALL, ...options });
  expectWellFormed(result);
  return result;
}

function decode(token: string, options: Omit<DiagnoseOptions, 'keys'> = {}): Diagnosis {
  const result = decodeToken(token, { now: NOW, algorithms: ALL, ...options });
  expectWellFormed(result);
  return result;
}

function codes(result: Diagnosis): string[] {
  return result.errors.map((error) => error.code);
}

function warningCodes(result: Diagnosis): string[] {
  return result.warnings.map((warning) => warning.code);
}

function only(result: Diagnosis, code: ErrorCode) {
  expect(codes(result)).toEqual([code]);
  expect(result.ok).toBe(false);
  return result.errors[0]!;
}

function errorOf(result: Diagnosis, code: ErrorCode) {
  const error = result.errors.find((candidate) => candidate.code === code);
  expect(error, `expected ${code} among ${codes(result).join(', ')}`).toBeDefined();
  return error!;
}

function parts(token: string): [string, string, string] {
  const split = token.split('.');
  expect(split).toHaveLength(3);
  return split as [string, string, string];
}

function withPart(token: string, index: 0 | 1 | 2, text: string): string {
  const split = parts(token);
  split[index] = text;
  return split.join('.');
}

/** A token whose signature is valid for `payload` (any JSON object), RS256 with the account's RSA key. */
function rs256(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return signToken({ header: { alg: 'RS256', typ: 'JWT', kid: rsa.kid, ...header }, payload, alg: 'RS256', key: rsa });
}

/** A token with the given raw header/payload texts (any bytes), and a well-formed but meaningless signature. */
function rawToken(header: string, payload: string): string {
  return `${b64url(header)}.${b64url(payload)}.${b64url('not-a-signature')}`;
}

// ------------------------------------------------------------------ tests

describe('a valid token', () => {
  it.each(ASYMMETRIC_ALGS)('%s verifies with the account key: ok, key.kid and key.thumbprint set', async (alg) => {
    const key = makeKeys(alg);
    const result = await diagnose(makeToken(alg));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.signatureChecked).toBe(true);
    expect(result.key).toEqual({ kid: key.kid, thumbprint: rfc7638Thumbprint(key.jwk) });
    expect(result.header).toEqual({ alg, typ: 'JWT', kid: key.kid });
    expect(result.payload).toEqual(goodClaims());
  });

  it.each(ASYMMETRIC_ALGS)('%s without a kid verifies with the key of the fitting type', async (alg) => {
    const key = makeKeys(alg);
    const result = await diagnose(makeToken(alg, { header: { kid: undefined } }));
    expect(result.ok).toBe(true);
    expect(result.key).toEqual({ kid: key.kid, thumbprint: rfc7638Thumbprint(key.jwk) });
  });

  it('reports no warnings when nothing is unusual', async () => {
    const result = await diagnose(makeToken('ES256'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});

describe('rule 1: exactly three parts', () => {
  it.each([
    ['an empty string', ''],
    ['one part', 'eyJhbGciOiJSUzI1NiJ9'],
    ['two parts', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'],
    ['two parts of a real token', makeToken('RS256').split('.').slice(0, 2).join('.')],
  ])('%s → TOKEN_NOT_ENOUGH_PARTS', async (_name, token) => {
    const result = await diagnose(token);
    only(result, 'TOKEN_NOT_ENOUGH_PARTS');
    expect(result.header).toBeNull();
    expect(result.payload).toBeNull();
    expect(result.key).toBeNull();
  });

  it('four parts → TOKEN_TOO_MANY_PARTS', async () => {
    const result = await diagnose(`${makeToken('RS256')}.${b64url('extra')}`);
    only(result, 'TOKEN_TOO_MANY_PARTS');
    expect(result.header).toBeNull();
  });

  it('six parts (two tokens glued) → TOKEN_TOO_MANY_PARTS', async () => {
    only(await diagnose(`${makeToken('RS256')}.${makeToken('ES256')}`), 'TOKEN_TOO_MANY_PARTS');
  });

  it('five parts → TOKEN_TOO_MANY_PARTS, and the message says it looks like an encrypted JWE', async () => {
    const jwe = [
      b64urlJson({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }),
      b64url('key'),
      b64url('iv-iv-iv-iv'),
      b64url('ciphertext'),
      b64url('tag'),
    ].join('.');
    const error = only(await diagnose(jwe), 'TOKEN_TOO_MANY_PARTS');
    expect(error.message).toMatch(/JWE/);
  });
});

describe('rule 2: each part strict base64url', () => {
  const token = makeToken('RS256');
  const [header, payload, signature] = parts(token);

  it.each([
    {
      name: "padding '=' after the header",
      part: 'header' as const,
      index: 0 as const,
      text: `${header}=`,
      offset: header.length,
    },
    {
      name: "padding '==' after the signature",
      part: 'signature' as const,
      index: 2 as const,
      text: `${signature}==`,
      offset: signature.length,
    },
    {
      name: "'+' in the payload",
      part: 'payload' as const,
      index: 1 as const,
      text: `${payload.slice(0, 5)}+${payload.slice(6)}`,
      offset: 5,
    },
    {
      name: "'/' in the signature",
      part: 'signature' as const,
      index: 2 as const,
      text: `${signature.slice(0, 17)}/${signature.slice(18)}`,
      offset: 17,
    },
    {
      name: 'a space in the header',
      part: 'header' as const,
      index: 0 as const,
      text: `${header.slice(0, 3)} ${header.slice(4)}`,
      offset: 3,
    },
    {
      name: 'a newline in the payload',
      part: 'payload' as const,
      index: 1 as const,
      text: `${payload.slice(0, 12)}\n${payload.slice(12)}`,
      offset: 12,
    },
    {
      name: 'a tab in the signature',
      part: 'signature' as const,
      index: 2 as const,
      text: `${signature.slice(0, 40)}\t${signature.slice(40)}`,
      offset: 40,
    },
    {
      name: 'a non-ASCII letter in the payload',
      part: 'payload' as const,
      index: 1 as const,
      text: `${payload.slice(0, 2)}é${payload.slice(3)}`,
      offset: 2,
    },
    {
      name: 'a percent escape in the header',
      part: 'header' as const,
      index: 0 as const,
      text: `${header.slice(0, 8)}%3D${header.slice(8)}`,
      offset: 8,
    },
  ])('$name → TOKEN_PART_NOT_BASE64 naming the part and offset', async ({ part, index, text, offset }) => {
    const result = await diagnose(withPart(token, index, text));
    const error = only(result, 'TOKEN_PART_NOT_BASE64');
    expect(error.part).toBe(part);
    expect(error.offset).toBe(offset);
  });

  it.each([
    { part: 'header' as const, index: 0 as const },
    { part: 'payload' as const, index: 1 as const },
    { part: 'signature' as const, index: 2 as const },
  ])(
    'a $part whose length no base64url text has (4n+1) → TOKEN_PART_NOT_BASE64 in that part',
    async ({ part, index }) => {
      const original = parts(token)[index];
      // Append 'A's until the length is 1 more than a multiple of 4.
      let text = original;
      while (text.length % 4 !== 1) text += 'A';
      const result = await diagnose(withPart(token, index, text));
      const error = only(result, 'TOKEN_PART_NOT_BASE64');
      expect(error.part).toBe(part);
      expect(error.offset).toBeGreaterThanOrEqual(original.length - 1);
      expect(error.offset).toBeLessThan(text.length);
    },
  );

  it('a five-character signature is an impossible length: offset points into it', async () => {
    const error = only(await diagnose(withPart(token, 2, 'abcde')), 'TOKEN_PART_NOT_BASE64');
    expect(error.part).toBe('signature');
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThan(5);
  });

  it.each(['ES256', 'RS256'] as const)(
    'a %s signature whose last character has non-zero unused bits (non-canonical base64url) is not accepted',
    async (alg) => {
      const original = makeToken(alg);
      const signature = parts(original)[2];
      // 64 and 256 bytes leave 4 unused bits in the last character; flipping the lowest one keeps the decoded bytes.
      expect(signature.length % 4).toBe(2);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = signature.at(-1)!;
      const altered = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
      expect(Buffer.from(altered, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      const result = await diagnose(withPart(original, 2, altered));
      expect(result.ok).toBe(false);
      const error = only(result, 'TOKEN_PART_NOT_BASE64');
      expect(error.part).toBe('signature');
      expect(error.offset).toBe(altered.length - 1);
    },
  );

  it('names the first bad offset when a part has several bad characters', async () => {
    const text = `${payload.slice(0, 3)}=${payload.slice(4, 7)}+${payload.slice(8)}`;
    const error = only(await diagnose(withPart(token, 1, text)), 'TOKEN_PART_NOT_BASE64');
    expect(error.part).toBe('payload');
    expect(error.offset).toBe(3);
  });

  it('gives the position within the whole token as well', async () => {
    const error = only(
      await diagnose(withPart(token, 1, `${payload.slice(0, 5)}+${payload.slice(6)}`)),
      'TOKEN_PART_NOT_BASE64',
    );
    expect(error.position).toBe(header.length + 1 + 5);
  });

  it('does not judge JSON, claims or signature of a token with a base64 problem', async () => {
    const expired = rs256({ exp: NOW - 3600 });
    const result = await diagnose(withPart(expired, 2, `${parts(expired)[2]}=`));
    only(result, 'TOKEN_PART_NOT_BASE64');
  });
});

describe('rule 3: header and payload are JSON objects', () => {
  const header = { alg: 'RS256', typ: 'JWT', kid: rsa.kid };
  const payload = JSON.stringify(goodClaims());

  it.each([
    ['not JSON', 'header', '{alg: RS256}', payload],
    ['not JSON', 'payload', JSON.stringify(header), 'sub=user-42&exp=1800000600'],
    ['a JSON array', 'header', '["RS256"]', payload],
    ['a JSON array', 'payload', JSON.stringify(header), '[{"sub":"user-42"}]'],
    ['a JSON number', 'header', '256', payload],
    ['a JSON number', 'payload', JSON.stringify(header), '1800000600'],
    ['a JSON string', 'payload', JSON.stringify(header), '"user-42"'],
    ['JSON null', 'header', 'null', payload],
    ['truncated JSON', 'payload', JSON.stringify(header), payload.slice(0, -1)],
    ['empty', 'header', '', payload],
  ])('%s in the %s → TOKEN_PART_NOT_JSON naming that part', async (_what, part, headerText, payloadText) => {
    const result = await diagnose(rawToken(headerText, payloadText));
    const error = only(result, 'TOKEN_PART_NOT_JSON');
    expect(error.part).toBe(part);
    expect(result[part as 'header' | 'payload']).toBeNull();
  });

  it('bytes that are not UTF-8 in the payload → TOKEN_PART_NOT_JSON naming the payload', async () => {
    const token = withPart(
      rawToken(JSON.stringify(header), '{}'),
      1,
      b64url(Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d])),
    );
    expect(only(await diagnose(token), 'TOKEN_PART_NOT_JSON').part).toBe('payload');
  });

  it('still decodes the other part for display when one part is not JSON', async () => {
    const result = await diagnose(rawToken(JSON.stringify(header), '[1,2]'));
    only(result, 'TOKEN_PART_NOT_JSON');
    expect(result.header).toEqual(header);
    expect(result.payload).toBeNull();
  });
});

describe('absurd nesting', () => {
  it('a payload nested 20 000 deep → TOKEN_PART_NOT_JSON, and the result still serialises', async () => {
    const deep = `{"sub":"u","exp":${NOW + 600},"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const result = await diagnose(rawToken('{"alg":"RS256"}', deep));
    const error = only(result, 'TOKEN_PART_NOT_JSON');
    expect(error.part).toBe('payload');
    expect(error.message).toMatch(/more than 64 levels deep/);
    expect(result.payload).toBeNull();
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('a header nested past the limit is refused the same way', async () => {
    only(
      await diagnose(rawToken(`{"alg":"RS256","x":${'['.repeat(65)}${']'.repeat(65)}}`, JSON.stringify(goodClaims()))),
      'TOKEN_PART_NOT_JSON',
    );
  });
});

describe('rule 4: the header has a string alg', () => {
  it('a header without alg → TOKEN_HEADER_NO_ALG', async () => {
    const result = await diagnose(
      signToken({ header: { typ: 'JWT', kid: rsa.kid }, payload: goodClaims(), alg: 'RS256', key: rsa }),
    );
    only(result, 'TOKEN_HEADER_NO_ALG');
    expect(result.header).toEqual({ typ: 'JWT', kid: rsa.kid });
  });

  it.each([
    ['a number', 256],
    ['null', null],
    ['an array', ['RS256']],
    ['an object', { name: 'RS256' }],
    ['a boolean', true],
  ])('alg that is %s → TOKEN_HEADER_NO_ALG', async (_name, alg) => {
    only(await diagnose(rs256(goodClaims(), { alg })), 'TOKEN_HEADER_NO_ALG');
  });
});

describe('rule 5: an accepted asymmetric alg, exact case', () => {
  it('HS256 signed with the public key PEM as HMAC secret (key confusion) → TOKEN_UNSUPPORTED_ALG', async () => {
    const token = signToken({
      header: { alg: 'HS256', typ: 'JWT', kid: rsa.kid },
      payload: goodClaims(),
      alg: 'HS256',
      key: Buffer.from(rsa.publicPem),
    });
    const result = await diagnose(token);
    only(result, 'TOKEN_UNSUPPORTED_ALG');
    expect(result.key).toBeNull();
    expect(result.header?.alg).toBe('HS256');
  });

  it('HS256 with the JWK set JSON as HMAC secret → TOKEN_UNSUPPORTED_ALG', async () => {
    const token = signToken({
      header: { alg: 'HS256' },
      payload: goodClaims(),
      alg: 'HS256',
      key: JSON.stringify(rsa.jwk),
    });
    only(await diagnose(token), 'TOKEN_UNSUPPORTED_ALG');
  });

  it('alg "none" with an empty signature → TOKEN_UNSUPPORTED_ALG', async () => {
    const token = `${b64urlJson({ alg: 'none', typ: 'JWT' })}.${b64urlJson(goodClaims())}.`;
    const result = await diagnose(token);
    only(result, 'TOKEN_UNSUPPORTED_ALG');
    expect(result.key).toBeNull();
  });

  it.each(['None', 'NONE'])('alg %s → TOKEN_UNSUPPORTED_ALG', async (alg) => {
    only(await diagnose(`${b64urlJson({ alg })}.${b64urlJson(goodClaims())}.`), 'TOKEN_UNSUPPORTED_ALG');
  });

  it('lowercase "rs256" signed correctly with RS256 → TOKEN_UNSUPPORTED_ALG', async () => {
    const token = signToken({ header: { alg: 'rs256', kid: rsa.kid }, payload: goodClaims(), alg: 'RS256', key: rsa });
    only(await diagnose(token), 'TOKEN_UNSUPPORTED_ALG');
  });

  it.each(['HS384', 'HS512', 'EdDSA', 'ES256K', 'RSA-OAEP', 'Rs256', 'es256', 'RS256 ', ''])(
    'alg %j → TOKEN_UNSUPPORTED_ALG',
    async (alg) => {
      only(await diagnose(rs256(goodClaims(), { alg })), 'TOKEN_UNSUPPORTED_ALG');
    },
  );
});

describe("rule 5 with the service's own set (the default): RS256–RS512 and PS256–PS512 only", () => {
  const serviceKeys = loadKeySet(jwkSet(rsa, p256, p384, p521));

  it.each(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const)(
    '%s is accepted without any "algorithms" option',
    async (alg) => {
      const result = await diagnoseToken(makeToken(alg), { keys: (await serviceKeys).keys, now: NOW });
      expect(result.ok).toBe(true);
      expect(result.algorithms).toEqual([...SERVICE_ALGORITHMS]);
    },
  );

  it.each(['ES256', 'ES384', 'ES512'] as const)(
    '%s, though asymmetric and correctly signed → TOKEN_UNSUPPORTED_ALG saying what to do',
    async (alg) => {
      const result = await diagnoseToken(makeToken(alg), { keys: (await serviceKeys).keys, now: NOW });
      expect(codes(result)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
      const message = result.errors[0]!.message;
      expect(message.startsWith('Unsupported JWT signature algorithm.')).toBe(true);
      expect(message).toContain('asymmetric, but the service accepts only RS256, RS384, RS512, PS256, PS384 and PS512');
      expect(message).toMatch(/Re-sign the token with RS256/);
      expect(message).toMatch(/RSA key pair of 2048 bits or more/);
    },
  );

  it('the EC keys of the set are skipped with a warning each, and the RSA key still verifies', async () => {
    const loaded = await serviceKeys;
    expect(loaded.keys.map((key) => key.kty)).toEqual(['RSA']);
    expect(loaded.warnings.map((warning) => warning.code)).toEqual([
      'JWKS_KEY_SKIPPED',
      'JWKS_KEY_SKIPPED',
      'JWKS_KEY_SKIPPED',
    ]);
    expect(loaded.warnings[0]!.message).toMatch(/EC P-256 key, and no accepted algorithm uses it/);
  });

  it('HS256 and none keep their own explanations under the default set', async () => {
    const hs = signToken({ header: { alg: 'HS256' }, payload: goodClaims(), alg: 'HS256', key: 'secret' });
    expect((await diagnoseToken(hs, { now: NOW })).errors[0]!.message).toMatch(/shared-secret \(HMAC\)/);
    const none = `${b64urlJson({ alg: 'none' })}.${b64urlJson(goodClaims())}.`;
    expect((await diagnoseToken(none, { now: NOW })).errors[0]!.message).toMatch(/not signed at all/);
  });

  it('a check can narrow the set: PS256 alone refuses RS256', async () => {
    const result = await diagnoseToken(makeToken('RS256'), {
      keys: (await serviceKeys).keys,
      now: NOW,
      algorithms: ['PS256'],
    });
    expect(codes(result)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
    expect(result.errors[0]!.message).toContain('this check accepts PS256');
  });
});

describe('rule 6: sub and exp present, with the right types', () => {
  it('missing sub → TOKEN_MISSING_CLAIMS listing sub', async () => {
    const error = only(await diagnose(rs256({ iat: NOW - 60, exp: NOW + 600 })), 'TOKEN_MISSING_CLAIMS');
    expect(error.claims).toEqual(['sub']);
  });

  it('missing exp → TOKEN_MISSING_CLAIMS listing exp', async () => {
    const error = only(await diagnose(rs256({ sub: 'user-42', iat: NOW - 60 })), 'TOKEN_MISSING_CLAIMS');
    expect(error.claims).toEqual(['exp']);
  });

  it('missing both → one TOKEN_MISSING_CLAIMS listing both', async () => {
    const error = only(await diagnose(rs256({ iat: NOW - 60 })), 'TOKEN_MISSING_CLAIMS');
    expect([...(error.claims ?? [])].sort()).toEqual(['exp', 'sub']);
    expect(error.message).toMatch(/sub/);
    expect(error.message).toMatch(/exp/);
  });

  it('an empty payload object → one TOKEN_MISSING_CLAIMS listing both', async () => {
    const error = only(await diagnose(rs256({})), 'TOKEN_MISSING_CLAIMS');
    expect([...(error.claims ?? [])].sort()).toEqual(['exp', 'sub']);
  });

  it.each([
    ['sub', 'a number', 42],
    ['sub', 'an empty string', ''],
    ['sub', 'null', null],
    ['sub', 'an object', { id: 'user-42' }],
    ['exp', 'a string', String(NOW + 600)],
    ['exp', 'null', null],
    ['exp', 'a boolean', true],
    ['iat', 'null', null],
    ['iat', 'a string', 'yesterday'],
    ['nbf', 'an array', [NOW - 60]],
    ['nbf', 'an object', {}],
  ])('%s that is %s → TOKEN_INVALID_CLAIM naming the claim', async (claim, _what, value) => {
    const result = await diagnose(rs256({ ...goodClaims(), [claim]: value }));
    const error = only(result, 'TOKEN_INVALID_CLAIM');
    expect(error.claim).toBe(claim);
  });

  it('a numeric sub is called a number and told to be a non-empty string', async () => {
    const error = only(await diagnose(rs256({ ...goodClaims(), sub: 42 })), 'TOKEN_INVALID_CLAIM');
    expect(error.message).toContain('"sub" is a number; it must be a non-empty string');
    expect(error.message).not.toMatch(/finite/);
  });

  it('an exp too large for a number (1e400 parses to Infinity) → TOKEN_INVALID_CLAIM saying so', async () => {
    const token = signToken({
      header: { alg: 'RS256', kid: rsa.kid },
      payload: '{"sub":"u","exp":1e400}',
      alg: 'RS256',
      key: rsa,
    });
    const result = await diagnose(token);
    expect(codes(result)).toContain('TOKEN_INVALID_CLAIM');
    expect(result.errors.find((error) => error.claim === 'exp')!.message).toContain('too large to be a time');
  });

  it('reports every wrongly typed claim', async () => {
    const result = await diagnose(rs256({ sub: 7, exp: 'soon', iat: null, nbf: [] }));
    expect(codes(result)).toEqual([
      'TOKEN_INVALID_CLAIM',
      'TOKEN_INVALID_CLAIM',
      'TOKEN_INVALID_CLAIM',
      'TOKEN_INVALID_CLAIM',
    ]);
    expect(result.errors.map((error) => error.claim).sort()).toEqual(['exp', 'iat', 'nbf', 'sub']);
  });

  it('accepts nbf and iat in the past and fractional times', async () => {
    const result = await diagnose(rs256({ sub: 'u', iat: NOW - 60.5, nbf: NOW - 60, exp: NOW + 600.25 }));
    expect(result.errors).toEqual([]);
  });
});

describe('rule 7: times against now, with tolerance', () => {
  it('expired an hour ago → TOKEN_EXPIRED with the distance in human terms', async () => {
    const result = await diagnose(rs256({ sub: 'u', iat: NOW - 7200, exp: NOW - 3600 }));
    const error = only(result, 'TOKEN_EXPIRED');
    expect(error.claim).toBe('exp');
    expect(error.message).toMatch(/1 hour/);
  });

  it('issued an hour in the future → TOKEN_ISSUED_IN_FUTURE with the distance', async () => {
    const error = only(await diagnose(rs256({ sub: 'u', iat: NOW + 3600, exp: NOW + 4000 })), 'TOKEN_ISSUED_IN_FUTURE');
    expect(error.claim).toBe('iat');
    expect(error.message).toMatch(/1 hour/);
  });

  it('valid only from two minutes ahead → TOKEN_NOT_YET_VALID with the distance', async () => {
    const error = only(await diagnose(rs256({ ...goodClaims(), nbf: NOW + 120 })), 'TOKEN_NOT_YET_VALID');
    expect(error.claim).toBe('nbf');
    expect(error.message).toMatch(/2 minutes/);
  });

  it('reports every time problem that applies', async () => {
    const result = await diagnose(rs256({ sub: 'u', exp: NOW - 3600, iat: NOW + 3600, nbf: NOW + 3600 }));
    expect(codes(result).sort()).toEqual(['TOKEN_EXPIRED', 'TOKEN_ISSUED_IN_FUTURE', 'TOKEN_NOT_YET_VALID']);
  });

  it('exp exactly at now − tolerance (default 30 s) is expired', async () => {
    only(await diagnose(rs256({ sub: 'u', iat: NOW - 600, exp: NOW - 30 })), 'TOKEN_EXPIRED');
  });

  it('exp at now − tolerance + 1 is not expired', async () => {
    const result = await diagnose(rs256({ sub: 'u', iat: NOW - 600, exp: NOW - 29 }));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('iat at now + tolerance is accepted, now + tolerance + 1 is in the future', async () => {
    expect((await diagnose(rs256({ sub: 'u', iat: NOW + 30, exp: NOW + 600 }))).ok).toBe(true);
    only(await diagnose(rs256({ sub: 'u', iat: NOW + 31, exp: NOW + 600 })), 'TOKEN_ISSUED_IN_FUTURE');
  });

  it('nbf at now + tolerance is accepted, now + tolerance + 1 is not yet valid', async () => {
    expect((await diagnose(rs256({ ...goodClaims(), nbf: NOW + 30 }))).ok).toBe(true);
    only(await diagnose(rs256({ ...goodClaims(), nbf: NOW + 31 })), 'TOKEN_NOT_YET_VALID');
  });

  it('with tolerance 0: exp = now is expired, exp = now + 1 is not', async () => {
    only(await diagnose(rs256({ sub: 'u', iat: NOW - 60, exp: NOW }), { tolerance: 0 }), 'TOKEN_EXPIRED');
    expect((await diagnose(rs256({ sub: 'u', iat: NOW - 60, exp: NOW + 1 }), { tolerance: 0 })).ok).toBe(true);
  });

  it('with tolerance 0: iat or nbf one second ahead are reported, at now they are not', async () => {
    const ahead = await diagnose(rs256({ sub: 'u', iat: NOW + 1, nbf: NOW + 1, exp: NOW + 600 }), { tolerance: 0 });
    expect(codes(ahead).sort()).toEqual(['TOKEN_ISSUED_IN_FUTURE', 'TOKEN_NOT_YET_VALID']);
    expect((await diagnose(rs256({ sub: 'u', iat: NOW, nbf: NOW, exp: NOW + 600 }), { tolerance: 0 })).ok).toBe(true);
  });

  it('a custom tolerance of 300 s forgives 299 s of expiry but not 300 s', async () => {
    expect((await diagnose(rs256({ sub: 'u', iat: NOW - 900, exp: NOW - 299 }), { tolerance: 300 })).ok).toBe(true);
    only(await diagnose(rs256({ sub: 'u', iat: NOW - 900, exp: NOW - 300 }), { tolerance: 300 }), 'TOKEN_EXPIRED');
  });

  it('judges against the given now, not the wall clock', async () => {
    const token = rs256({ sub: 'u', iat: 1_000_000_000, exp: 1_000_000_600 });
    expect((await diagnose(token, { now: 1_000_000_100 })).ok).toBe(true);
    only(await diagnose(token, { now: 1_000_000_700 }), 'TOKEN_EXPIRED');
  });

  it('reports the moment and tolerance it judged against', async () => {
    const result = await diagnose(makeToken('RS256'), { tolerance: 5 });
    expect(result.checkedAt).toBe(NOW);
    expect(result.tolerance).toBe(5);
    expect((await diagnose(makeToken('RS256'))).tolerance).toBe(30);
  });
});

describe('rule 8: keys come only from the account set', () => {
  it('a kid naming a key of the other type → JWKS_UNAVAILABLE (no signature check)', async () => {
    const token = makeToken('ES256', { header: { kid: rsa.kid } });
    const result = await diagnose(token);
    only(result, 'JWKS_UNAVAILABLE');
    expect(result.key).toBeNull();
  });

  it('a kid naming an EC key of another curve → JWKS_UNAVAILABLE', async () => {
    only(await diagnose(makeToken('ES256', { header: { kid: p384.kid } })), 'JWKS_UNAVAILABLE');
  });

  it('a kid not in the set → JWKS_UNAVAILABLE naming the kid', async () => {
    const error = only(
      await diagnose(makeToken('RS256', { header: { kid: 'rotated-away-2019' } })),
      'JWKS_UNAVAILABLE',
    );
    expect(error.message).toContain('rotated-away-2019');
    // The headline states the finding; the message still starts with the service's words.
    expect(error.finding).toBe('No key in the key set has kid "rotated-away-2019"');
  });

  it('an account\'s set names the account in the finding: "No key in this account has kid …"', async () => {
    const error = only(
      await diagnose(makeToken('RS256', { header: { kid: 'abc' } }), { keySetName: 'Account "Acme"' }),
      'JWKS_UNAVAILABLE',
    );
    expect(error.finding).toBe('No key in this account has kid "abc"');
    expect(error.message).toMatch(/^Unable to retrieve JWK set\. Account "Acme" has 4 keys; none has kid "abc"/);
  });

  it('with a kid, only that key is used even when another key in the set would verify', async () => {
    const keys = await keysOf(rsa, otherRsa);
    const token = makeToken('RS256', { header: { kid: otherRsa.kid }, key: rsa });
    const result = await diagnose(token, { keys });
    only(result, 'TOKEN_SIGNATURE_INVALID');
    expect(result.key).toBeNull();
  });

  it('without a kid, the right key is found among keys of the wrong type and wrong keys', async () => {
    const keys = await keysOf(p256, otherRsa, p521, rsa, attackerRsa);
    const result = await diagnose(makeToken('PS384', { header: { kid: undefined } }), { keys });
    expect(result.errors).toEqual([]);
    expect(result.key).toEqual({ kid: rsa.kid, thumbprint: rfc7638Thumbprint(rsa.jwk) });
  });

  it('without a kid, an ES256 token is checked against every P-256 key and the right one found', async () => {
    const keys = await keysOf(rsa, p384, otherP256, p256);
    const result = await diagnose(makeToken('ES256', { header: { kid: undefined } }), { keys });
    expect(result.ok).toBe(true);
    expect(result.key?.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
  });

  it('without a kid and no key of the fitting type → JWKS_UNAVAILABLE', async () => {
    const keys = await keysOf(p256, p384);
    const error = only(
      await diagnose(makeToken('RS256', { header: { kid: undefined } }), { keys }),
      'JWKS_UNAVAILABLE',
    );
    expect(error.finding).toBe('No key in the key set can check this RS256 signature');
  });

  it('an empty key set → JWKS_UNAVAILABLE', async () => {
    const result = await diagnose(makeToken('RS256'), { keys: [] });
    expect(only(result, 'JWKS_UNAVAILABLE').finding).toBe('The key set is empty');
    expect(result.key).toBeNull();
    expect((await diagnose(makeToken('RS256'), { keys: [], keySetName: 'This account' })).errors[0]!.finding).toBe(
      'This account has no public keys',
    );
  });

  it('no key set given (keys undefined) → JWKS_UNAVAILABLE, found as "not checked"', async () => {
    const result = await diagnoseToken(makeToken('RS256'), { now: NOW });
    expectWellFormed(result);
    expect(only(result, 'JWKS_UNAVAILABLE').finding).toBe(
      'No public keys were given, so the signature was not checked',
    );
    expect(result.key).toBeNull();
  });

  it.each(['jku', 'x5u', 'x5c', 'jwk'])(
    'a %s header → TOKEN_HEADER_KEY_IGNORED warning; the token still verifies with the account key',
    async (name) => {
      const values: Record<string, unknown> = {
        jku: 'https://attacker.example/jwks.json',
        x5u: 'https://attacker.example/cert.pem',
        x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
        jwk: attackerRsa.jwk,
      };
      const result = await diagnose(makeToken('RS256', { header: { [name]: values[name] } }));
      expect(result.ok).toBe(true);
      expect(warningCodes(result)).toContain('TOKEN_HEADER_KEY_IGNORED');
      expect(result.key?.thumbprint).toBe(rfc7638Thumbprint(rsa.jwk));
    },
  );

  it('a token signed by an attacker key embedded as a jwk header fails with the account key', async () => {
    const embedded = { kty: attackerRsa.jwk.kty, n: attackerRsa.jwk.n, e: attackerRsa.jwk.e };
    const token = makeToken('RS256', { header: { kid: undefined, jwk: embedded }, key: attackerRsa });
    const result = await diagnose(token);
    only(result, 'TOKEN_SIGNATURE_INVALID');
    expect(warningCodes(result)).toContain('TOKEN_HEADER_KEY_IGNORED');
    expect(result.key).toBeNull();
  });

  it('an attacker jwk header carrying the account kid still fails', async () => {
    const token = makeToken('RS256', { header: { kid: rsa.kid, jwk: attackerRsa.jwk }, key: attackerRsa });
    const result = await diagnose(token);
    only(result, 'TOKEN_SIGNATURE_INVALID');
    expect(warningCodes(result)).toContain('TOKEN_HEADER_KEY_IGNORED');
  });

  it('an attacker jku header is not fetched or used: signature invalid', async () => {
    const token = makeToken('ES256', {
      header: { kid: p256.kid, jku: 'https://attacker.example/jwks.json' },
      key: otherP256,
    });
    const result = await diagnose(token);
    only(result, 'TOKEN_SIGNATURE_INVALID');
    expect(warningCodes(result)).toContain('TOKEN_HEADER_KEY_IGNORED');
  });

  it('a jwk header does not stand in for a missing key set: empty set → JWKS_UNAVAILABLE', async () => {
    const token = makeToken('RS256', { header: { kid: undefined, jwk: attackerRsa.jwk }, key: attackerRsa });
    only(await diagnose(token, { keys: [] }), 'JWKS_UNAVAILABLE');
  });
});

describe('rule 9: the signature verifies', () => {
  it('a tampered payload → TOKEN_SIGNATURE_INVALID', async () => {
    const token = makeToken('RS256');
    const tampered = withPart(token, 1, b64urlJson({ ...goodClaims(), sub: 'admin' }));
    const result = await diagnose(tampered);
    only(result, 'TOKEN_SIGNATURE_INVALID');
    expect(result.payload?.sub).toBe('admin');
    expect(result.key).toBeNull();
  });

  it('a tampered header (typ changed) → TOKEN_SIGNATURE_INVALID', async () => {
    const token = makeToken('ES384');
    only(
      await diagnose(withPart(token, 0, b64urlJson({ alg: 'ES384', typ: 'at+jwt', kid: p384.kid }))),
      'TOKEN_SIGNATURE_INVALID',
    );
  });

  it.each(['ES256', 'ES384', 'ES512'] as const)('a DER-encoded %s signature → TOKEN_SIGNATURE_INVALID', async (alg) => {
    const der = makeToken(alg, { dsaEncoding: 'der' });
    expect(Buffer.from(parts(der)[2], 'base64url')[0]).toBe(0x30); // really DER: a SEQUENCE
    only(await diagnose(der), 'TOKEN_SIGNATURE_INVALID');
  });

  it.each([
    ['ES256', 64],
    ['ES384', 96],
    ['ES512', 132],
  ] as const)('an %s signature with r and s all zero bytes → TOKEN_SIGNATURE_INVALID', async (alg, length) => {
    const token = withPart(makeToken(alg), 2, b64url(new Uint8Array(length)));
    only(await diagnose(token), 'TOKEN_SIGNATURE_INVALID');
  });

  it('a signature by another key with the same kid → TOKEN_SIGNATURE_INVALID', async () => {
    only(await diagnose(makeToken('RS512', { key: { ...otherRsa, kid: rsa.kid } })), 'TOKEN_SIGNATURE_INVALID');
  });

  it('a PS256 header over an RS256 (PKCS#1 v1.5) signature → TOKEN_SIGNATURE_INVALID', async () => {
    const header = { alg: 'PS256', typ: 'JWT', kid: rsa.kid };
    only(
      await diagnose(signToken({ header, payload: goodClaims(), alg: 'RS256', key: rsa })),
      'TOKEN_SIGNATURE_INVALID',
    );
  });

  it('an RS256 signature under an RS384 header → TOKEN_SIGNATURE_INVALID', async () => {
    const header = { alg: 'RS384', typ: 'JWT', kid: rsa.kid };
    only(
      await diagnose(signToken({ header, payload: goodClaims(), alg: 'RS256', key: rsa })),
      'TOKEN_SIGNATURE_INVALID',
    );
  });

  it('an empty signature → TOKEN_SIGNATURE_INVALID', async () => {
    only(await diagnose(withPart(makeToken('RS256'), 2, '')), 'TOKEN_SIGNATURE_INVALID');
  });

  it('an ES256 signature truncated by one byte → TOKEN_SIGNATURE_INVALID', async () => {
    const token = makeToken('ES256');
    const bytes = Buffer.from(parts(token)[2], 'base64url');
    only(await diagnose(withPart(token, 2, b64url(bytes.subarray(0, 63)))), 'TOKEN_SIGNATURE_INVALID');
  });

  it('without a kid, no key of several fitting ones verifies → TOKEN_SIGNATURE_INVALID', async () => {
    const keys = await keysOf(rsa, otherRsa);
    only(
      await diagnose(makeToken('RS256', { header: { kid: undefined }, key: attackerRsa }), { keys }),
      'TOKEN_SIGNATURE_INVALID',
    );
  });
});

describe('rules 6–9 all run once the structure is sound', () => {
  it('an expired token with a bad signature reports both', async () => {
    const token = makeToken('RS256', {
      header: { kid: rsa.kid },
      payload: { exp: NOW - 3600, iat: NOW - 7200 },
      key: attackerRsa,
    });
    const result = await diagnose(token);
    expect(codes(result).sort()).toEqual(['TOKEN_EXPIRED', 'TOKEN_SIGNATURE_INVALID']);
  });

  it('missing sub and expired report both (and the signature is fine)', async () => {
    const result = await diagnose(rs256({ iat: NOW - 7200, exp: NOW - 3600 }));
    expect(codes(result).sort()).toEqual(['TOKEN_EXPIRED', 'TOKEN_MISSING_CLAIMS']);
    expect(errorOf(result, 'TOKEN_MISSING_CLAIMS').claims).toEqual(['sub']);
  });

  it('a wrongly typed claim and an unknown kid report both', async () => {
    const result = await diagnose(rs256({ ...goodClaims(), sub: 42 }, { kid: 'nope' }));
    expect(codes(result).sort()).toEqual(['JWKS_UNAVAILABLE', 'TOKEN_INVALID_CLAIM']);
  });

  it('missing exp, not yet valid and a tampered signature report all three', async () => {
    const token = withPart(rs256({ sub: 'u', nbf: NOW + 3600 }), 2, parts(makeToken('RS256'))[2]);
    const result = await diagnose(token);
    expect(codes(result).sort()).toEqual(['TOKEN_MISSING_CLAIMS', 'TOKEN_NOT_YET_VALID', 'TOKEN_SIGNATURE_INVALID']);
  });

  it('missing claims with no key set given report both', async () => {
    const result = await diagnoseToken(rs256({ iat: NOW }), { now: NOW });
    expectWellFormed(result);
    expect(codes(result).sort()).toEqual(['JWKS_UNAVAILABLE', 'TOKEN_MISSING_CLAIMS']);
  });
});

describe('rules 1–5 are structural: a failure stops later rules', () => {
  const bad = { iat: NOW + 7200, exp: NOW - 3600 }; // no sub, expired, issued in the future

  it('an unsupported alg on an expired token without sub reports only TOKEN_UNSUPPORTED_ALG', async () => {
    const token = signToken({
      header: { alg: 'HS256', kid: rsa.kid },
      payload: bad,
      alg: 'HS256',
      key: Buffer.from(rsa.publicPem),
    });
    only(await diagnose(token), 'TOKEN_UNSUPPORTED_ALG');
  });

  it('a missing alg on an expired token reports only TOKEN_HEADER_NO_ALG', async () => {
    only(await diagnose(rawToken(JSON.stringify({ typ: 'JWT' }), JSON.stringify(bad))), 'TOKEN_HEADER_NO_ALG');
  });

  it('a non-JSON header on an expired token reports only TOKEN_PART_NOT_JSON', async () => {
    only(await diagnose(rawToken('alg=RS256', JSON.stringify(bad))), 'TOKEN_PART_NOT_JSON');
  });

  it('a non-base64url signature on an expired token reports only TOKEN_PART_NOT_BASE64', async () => {
    const token = `${b64urlJson({ alg: 'RS256' })}.${b64urlJson(bad)}.abc=`;
    only(await diagnose(token), 'TOKEN_PART_NOT_BASE64');
  });

  it('an unsupported alg with an unknown kid does not look up keys', async () => {
    only(await diagnose(rs256(goodClaims(), { alg: 'HS512', kid: 'nope' }), { keys: [] }), 'TOKEN_UNSUPPORTED_ALG');
  });
});

describe('warnings', () => {
  it.each([
    ['a "Bearer " prefix', (token: string) => `Bearer ${token}`],
    ['a lowercase "bearer " prefix', (token: string) => `bearer ${token}`],
    ['double quotes', (token: string) => `"${token}"`],
    ['single quotes', (token: string) => `'${token}'`],
    ['"Bearer " and quotes', (token: string) => `Bearer "${token}"`],
    ['surrounding whitespace and a newline', (token: string) => `  ${token}\n`],
    ['an Authorization header line', (token: string) => `Authorization: Bearer ${token}`],
  ])('%s is stripped with TOKEN_INPUT_CLEANED and the token still verifies', async (_name, wrap) => {
    const result = await diagnose(wrap(makeToken('ES256')));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toContain('TOKEN_INPUT_CLEANED');
    expect(result.key?.thumbprint).toBe(rfc7638Thumbprint(p256.jwk));
  });

  it('a bare token gets no TOKEN_INPUT_CLEANED', async () => {
    expect(warningCodes(await diagnose(makeToken('ES256')))).not.toContain('TOKEN_INPUT_CLEANED');
  });

  it('a missing iat → TOKEN_NO_IAT, still ok', async () => {
    const result = await diagnose(rs256({ sub: 'u', exp: NOW + 600 }));
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toContain('TOKEN_NO_IAT');
  });

  it('an exp 30 days ahead → TOKEN_LONG_LIFETIME, still ok', async () => {
    const result = await diagnose(rs256({ sub: 'u', iat: NOW, exp: NOW + 30 * 24 * 3600 }));
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toContain('TOKEN_LONG_LIFETIME');
  });

  it('an exp 30 days ahead without iat → TOKEN_LONG_LIFETIME and TOKEN_NO_IAT', async () => {
    const result = await diagnose(rs256({ sub: 'u', exp: NOW + 30 * 24 * 3600 }));
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toEqual(expect.arrayContaining(['TOKEN_LONG_LIFETIME', 'TOKEN_NO_IAT']));
  });

  it('a token valid for one working day gets no lifetime warning', async () => {
    const result = await diagnose(makeToken('RS256'));
    expect(warningCodes(result)).not.toContain('TOKEN_LONG_LIFETIME');
    expect(warningCodes(result)).not.toContain('TOKEN_SHORT_LIFETIME');
  });

  it('a ten-minute token → TOKEN_SHORT_LIFETIME (the editor does not fetch a new one mid-session), still ok', async () => {
    const result = await diagnose(rs256({ sub: 'u', iat: NOW, exp: NOW + 600 }));
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toEqual(['TOKEN_SHORT_LIFETIME']);
    expect(result.warnings[0]!.message).toMatch(/valid for 10 minutes.*disconnected.*at least 8 hours/);
  });

  it('the short-lifetime threshold is the one constant: exactly the recommended lifetime passes, one second less warns', async () => {
    expect(
      warningCodes(await diagnose(rs256({ sub: 'u', iat: NOW, exp: NOW + RECOMMENDED_LIFETIME_SECONDS }))),
    ).toEqual([]);
    expect(
      warningCodes(await diagnose(rs256({ sub: 'u', iat: NOW, exp: NOW + RECOMMENDED_LIFETIME_SECONDS - 1 }))),
    ).toEqual(['TOKEN_SHORT_LIFETIME']);
  });

  it('an expired token is not also warned about its lifetime', async () => {
    expect(warningCodes(await diagnose(rs256({ sub: 'u', iat: NOW - 700, exp: NOW - 100 })))).toEqual([]);
  });

  it('warnings come with their catalog docs and title', async () => {
    const result = await diagnose(
      `Bearer ${rs256({ sub: 'u', exp: NOW + 40 * 24 * 3600 }, { jku: 'https://x.example' })}`,
    );
    expect(warningCodes(result).sort()).toEqual([
      'TOKEN_HEADER_KEY_IGNORED',
      'TOKEN_INPUT_CLEANED',
      'TOKEN_LONG_LIFETIME',
      'TOKEN_NO_IAT',
    ]);
    for (const warning of result.warnings) {
      expect(warning.docs).toBe(WARNING_CATALOG[warning.code].docs);
      expect(warning.message.startsWith(WARNING_CATALOG[warning.code].title)).toBe(true);
    }
    expect(result.ok).toBe(true);
  });
});

describe('result shape', () => {
  /** One token per contract code, each producing that code. */
  const producers: Record<ErrorCode, () => Promise<Diagnosis>> = {
    TOKEN_NOT_ENOUGH_PARTS: () => diagnose('a.b'),
    TOKEN_TOO_MANY_PARTS: () => diagnose('a.b.c.d'),
    TOKEN_PART_NOT_BASE64: () => diagnose('a=.b.c'),
    TOKEN_PART_NOT_JSON: () => diagnose(rawToken('[]', '{}')),
    TOKEN_HEADER_NO_ALG: () => diagnose(rawToken('{}', '{}')),
    TOKEN_UNSUPPORTED_ALG: () => diagnose(rawToken('{"alg":"HS256"}', '{}')),
    TOKEN_MISSING_CLAIMS: () => diagnose(rs256({ sub: 'u' })),
    TOKEN_INVALID_CLAIM: () => diagnose(rs256({ ...goodClaims(), sub: '' })),
    TOKEN_EXPIRED: () => diagnose(rs256({ sub: 'u', iat: NOW - 100, exp: NOW - 50 })),
    TOKEN_ISSUED_IN_FUTURE: () => diagnose(rs256({ sub: 'u', iat: NOW + 100, exp: NOW + 500 })),
    TOKEN_NOT_YET_VALID: () => diagnose(rs256({ ...goodClaims(), nbf: NOW + 100 })),
    JWKS_UNAVAILABLE: () => diagnose(makeToken('RS256'), { keys: [] }),
    TOKEN_SIGNATURE_INVALID: () => diagnose(makeToken('RS256', { header: { kid: rsa.kid }, key: attackerRsa })),
  } as Record<ErrorCode, () => Promise<Diagnosis>>;

  it.each(CONTRACT_CODES)(
    '%s: ok false, docs /docs/errors/<slug>, message starting with the catalog message',
    async (code) => {
      const result = await producers[code]();
      expect(result.ok).toBe(false);
      const error = errorOf(result, code);
      expect(error.docs).toBe(docsPath(code));
      expect(error.message.startsWith(ERROR_CATALOG[code].message)).toBe(true);
      expect(error.message.length).toBeGreaterThan(ERROR_CATALOG[code].message.length);
    },
  );

  it('ok is true exactly when errors is empty, warnings or not', async () => {
    const clean = await diagnose(makeToken('PS256'));
    expect([clean.ok, clean.errors.length]).toEqual([true, 0]);
    const warned = await diagnose(`"${rs256({ sub: 'u', exp: NOW + 600 })}"`);
    expect(warned.warnings.length).toBeGreaterThan(0);
    expect([warned.ok, warned.errors.length]).toEqual([true, 0]);
    const failed = await diagnose(rs256({ sub: 'u', exp: NOW - 600 }));
    expect(failed.errors.length).toBeGreaterThan(0);
    expect(failed.ok).toBe(false);
  });

  it('serialises to the contract JSON shape', async () => {
    const result = JSON.parse(JSON.stringify(await diagnose(makeToken('RS256', { payload: { exp: NOW - 3600 } }))));
    // Expired, but the signature verifies: the key that verified it is still named.
    expect(result).toMatchObject({
      ok: false,
      header: expect.any(Object),
      payload: expect.any(Object),
      key: { kid: rsa.kid, thumbprint: rfc7638Thumbprint(rsa.jwk) },
    });
    expect(result.errors[0]).toMatchObject({
      code: 'TOKEN_EXPIRED',
      message: expect.any(String),
      docs: '/docs/errors/token-expired',
      part: 'payload',
      claim: 'exp',
    });
    expect(Array.isArray(result.warnings)).toBe(true);
  });
});

describe('decodeToken: rules 1–7 only', () => {
  it('a valid token decodes ok without keys; signatureChecked false, key null', () => {
    const result = decode(makeToken('ES512'));
    expect(result.ok).toBe(true);
    expect(result.signatureChecked).toBe(false);
    expect(result.key).toBeNull();
    expect(result.header?.alg).toBe('ES512');
    expect(result.payload).toEqual(goodClaims());
  });

  it('does not check the signature: a token signed by another key still decodes ok', () => {
    const result = decode(makeToken('RS256', { key: attackerRsa }));
    expect(result.ok).toBe(true);
    expect(result.signatureChecked).toBe(false);
  });

  it('never reports JWKS_UNAVAILABLE or TOKEN_SIGNATURE_INVALID', () => {
    const result = decode(withPart(makeToken('ES256', { header: { kid: 'unknown' } }), 2, b64url(new Uint8Array(64))));
    expect(result.errors).toEqual([]);
  });

  it('reports the structural rules', () => {
    only(decode('one.two'), 'TOKEN_NOT_ENOUGH_PARTS');
    only(decode('a.b.c.d.e'), 'TOKEN_TOO_MANY_PARTS');
    expect(only(decode('ab+c.AAAA.AAAA'), 'TOKEN_PART_NOT_BASE64').offset).toBe(2);
    only(decode(rawToken('7', '{}')), 'TOKEN_PART_NOT_JSON');
    only(decode(rawToken('{"typ":"JWT"}', '{}')), 'TOKEN_HEADER_NO_ALG');
    only(decode(rawToken('{"alg":"none"}', JSON.stringify(goodClaims()))), 'TOKEN_UNSUPPORTED_ALG');
  });

  it('reports claims and times, all of them', () => {
    const result = decode(rs256({ nbf: 'later', iat: NOW + 3600, exp: NOW - 3600 }));
    expect(codes(result).sort()).toEqual([
      'TOKEN_EXPIRED',
      'TOKEN_INVALID_CLAIM',
      'TOKEN_ISSUED_IN_FUTURE',
      'TOKEN_MISSING_CLAIMS',
    ]);
    expect(result.signatureChecked).toBe(false);
  });

  it('uses the given now and tolerance', () => {
    const token = rs256({ sub: 'u', iat: NOW - 600, exp: NOW - 10 });
    expect(decode(token).ok).toBe(true);
    only(decode(token, { tolerance: 10 }), 'TOKEN_EXPIRED');
    only(decode(token, { now: NOW + 20 }), 'TOKEN_EXPIRED');
  });

  it('gives the same errors as diagnoseToken for rules 1–7', async () => {
    const tokens = [
      'x',
      rawToken('[]', '{}'),
      rs256({ iat: NOW + 3600 }),
      rs256({ sub: '', exp: NOW - 100 }),
      makeToken('ES384', { payload: { nbf: NOW + 100 } }),
    ];
    for (const token of tokens) {
      const decoded = decode(token);
      const diagnosed = await diagnose(token);
      expect(codes(decoded)).toEqual(
        codes(diagnosed).filter((code) => code !== 'TOKEN_SIGNATURE_INVALID' && code !== 'JWKS_UNAVAILABLE'),
      );
    }
  });

  it('strips wrapping text as diagnoseToken does', () => {
    const result = decode(`Bearer ${makeToken('RS256')}`);
    expect(result.ok).toBe(true);
    expect(warningCodes(result)).toContain('TOKEN_INPUT_CLEANED');
  });
});
