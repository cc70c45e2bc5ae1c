import { CompactSign, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { RECOMMENDED_ALGORITHM } from '@/lib/algorithms';
import { encodeBase64Url } from '@/lib/encoding/base64url';
import type { ErrorCode } from '@/lib/errors/summary';
import { RECOMMENDED_LIFETIME_SECONDS } from './lifetime';

export interface ExampleToken {
  id: string;
  title: string;
  description: string;
  token: string;
  /** The codes a diagnosis with the example key set reports, in order. */
  expected: readonly ErrorCode[];
  /** Whether the token debugger offers it as a button; the rest complete `token example CODE`'s codes. */
  button: boolean;
}

export interface ExampleSet {
  /** The public key set every example is checked against. */
  jwks: { keys: JWK[] };
  examples: ExampleToken[];
}

export const EXAMPLES = [
  {
    id: 'valid',
    title: 'Valid',
    description: 'Signed with RS256 and the example key; expires after a working day.',
    expected: [],
  },
  { id: 'expired', title: 'Expired', description: 'Its exp passed an hour ago.', expected: ['TOKEN_EXPIRED'] },
  {
    id: 'future',
    title: 'Clock ahead',
    description: 'Signed on a machine whose clock runs 10 minutes fast.',
    expected: ['TOKEN_ISSUED_IN_FUTURE'],
  },
  {
    id: 'not-yet-valid',
    title: 'Not yet valid',
    description: 'Its nbf is 15 minutes from now.',
    expected: ['TOKEN_NOT_YET_VALID'],
  },
  {
    id: 'missing-sub',
    title: 'Missing sub',
    description: 'No user ID in the payload.',
    expected: ['TOKEN_MISSING_CLAIMS'],
  },
  {
    id: 'hs256',
    title: 'HS256',
    description: 'Signed with a shared secret instead of a private key.',
    expected: ['TOKEN_UNSUPPORTED_ALG'],
  },
  { id: 'none', title: 'alg none', description: 'Not signed at all.', expected: ['TOKEN_UNSUPPORTED_ALG'] },
  {
    id: 'es256',
    title: 'ES256',
    description: 'Signed with an EC key (ES256): asymmetric, but not an algorithm the service accepts.',
    expected: ['TOKEN_UNSUPPORTED_ALG'],
  },
  {
    id: 'wrong-key',
    title: 'Wrong key',
    description: 'Signed with a private key whose public key is not on the account.',
    expected: ['TOKEN_SIGNATURE_INVALID'],
  },
  {
    id: 'unknown-kid',
    title: 'Unknown kid',
    description: 'Names a key ID the account does not have.',
    expected: ['JWKS_UNAVAILABLE'],
  },
  {
    id: 'tampered',
    title: 'Tampered',
    description: 'The payload was edited after signing.',
    expected: ['TOKEN_SIGNATURE_INVALID'],
  },
  {
    id: 'truncated',
    title: 'Cut short',
    description: 'The signature part was lost on the way.',
    expected: ['TOKEN_NOT_ENOUGH_PARTS'],
  },
  {
    id: 'too-many-parts',
    title: 'Four parts',
    description: 'A fourth part was glued on (two tokens run together, or an encrypted JWE).',
    expected: ['TOKEN_TOO_MANY_PARTS'],
    button: false,
  },
  {
    id: 'not-base64',
    title: 'Not base64url',
    description: 'The payload part holds characters base64url does not use.',
    expected: ['TOKEN_PART_NOT_BASE64'],
    button: false,
  },
  {
    id: 'not-json',
    title: 'Not JSON',
    description: 'The payload decodes to text that is not JSON.',
    expected: ['TOKEN_PART_NOT_JSON'],
    button: false,
  },
  {
    id: 'no-alg',
    title: 'No alg',
    description: 'The header names no algorithm.',
    expected: ['TOKEN_HEADER_NO_ALG'],
    button: false,
  },
  {
    id: 'exp-as-text',
    title: 'exp as text',
    description: 'Its exp is the string "tomorrow", not epoch seconds.',
    expected: ['TOKEN_INVALID_CLAIM'],
    button: false,
  },
] as const satisfies readonly (Omit<ExampleToken, 'token' | 'button'> & { button?: false })[];

export type ExampleId = (typeof EXAMPLES)[number]['id'];

const KID = 'example-key-1';

/**
 * Tokens that show each kind of failure, made on the spot with Web Crypto so no real key is ever involved.
 * Runs in the browser (the token debugger's example buttons) and in Node (the tests).
 */
export async function createExampleTokens(now: number = Math.floor(Date.now() / 1000)): Promise<ExampleSet> {
  const alg = RECOMMENDED_ALGORITHM;
  const [account, stranger, ecKey] = await Promise.all([
    generateKeyPair(alg, { extractable: true }),
    generateKeyPair(alg, { extractable: true }),
    generateKeyPair('ES256', { extractable: true }),
  ]);
  const publicJwk = { ...(await exportJWK(account.publicKey)), kid: KID, alg, use: 'sig' };
  const claims = { sub: 'user-42', name: 'Ada Example' };
  const exp = now + RECOMMENDED_LIFETIME_SECONDS;

  const sign = (key: CryptoKey, options: { exp?: number; iat?: number; nbf?: number; sub?: string | null } = {}) => {
    const payload: Record<string, unknown> = { ...claims };
    if (options.sub === null) delete payload.sub;
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg, typ: 'JWT', kid: KID })
      .setIssuedAt(options.iat ?? now - 60);
    if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
    if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
    return jwt.sign(key);
  };

  const secret = crypto.getRandomValues(new Uint8Array(32));
  const hmacToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now - 60)
    .setExpirationTime(exp)
    .sign(secret);
  const ecToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID })
    .setIssuedAt(now - 60)
    .setExpirationTime(exp)
    .sign(ecKey.privateKey);
  const unsignedHeader = btoaUrl(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const unsignedPayload = btoaUrl(JSON.stringify({ ...claims, iat: now - 60, exp }));
  const truncated = (await sign(account.privateKey, { exp })).split('.').slice(0, 2).join('.');
  const tampered = await sign(account.privateKey, { exp });
  const [tamperedHeader, , tamperedSignature] = tampered.split('.');
  const tamperedPayload = btoaUrl(JSON.stringify({ ...claims, sub: 'admin', iat: now - 60, exp }));
  const noKid = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...claims, iat: now - 60, exp })))
    .setProtectedHeader({ alg, typ: 'JWT', kid: 'rotated-away' })
    .sign(account.privateKey);

  const tokens: Record<ExampleId, string> = {
    valid: await sign(account.privateKey, { exp }),
    expired: await sign(account.privateKey, { iat: now - 7200 - RECOMMENDED_LIFETIME_SECONDS, exp: now - 3600 }),
    future: await sign(account.privateKey, { iat: now + 600, exp: exp + 600 }),
    'not-yet-valid': await sign(account.privateKey, { nbf: now + 900, exp: exp + 900 }),
    'missing-sub': await sign(account.privateKey, { sub: null, exp }),
    hs256: hmacToken,
    none: `${unsignedHeader}.${unsignedPayload}.`,
    es256: ecToken,
    'wrong-key': await sign(stranger.privateKey, { exp }),
    'unknown-kid': noKid,
    tampered: `${tamperedHeader}.${tamperedPayload}.${tamperedSignature}`,
    truncated: truncated,
    'too-many-parts': `${tampered}.${tamperedSignature}`,
    'not-base64': `${tamperedHeader}.pay*load!.${tamperedSignature}`,
    'not-json': `${tamperedHeader}.${btoaUrl('user-42 until tomorrow')}.${tamperedSignature}`,
    'no-alg': `${btoaUrl(JSON.stringify({ typ: 'JWT', kid: KID }))}.${unsignedPayload}.${tamperedSignature}`,
    'exp-as-text': await new SignJWT({ ...claims, exp: 'tomorrow' } as unknown as Record<string, unknown>)
      .setProtectedHeader({ alg, typ: 'JWT', kid: KID })
      .setIssuedAt(now - 60)
      .sign(account.privateKey),
  };

  return {
    jwks: { keys: [publicJwk] },
    examples: EXAMPLES.map((example) => ({
      ...example,
      expected: [...example.expected],
      button: !('button' in example),
      token: tokens[example.id],
    })),
  };
}

function btoaUrl(text: string): string {
  return encodeBase64Url(new TextEncoder().encode(text));
}
