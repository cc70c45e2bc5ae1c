import { CompactSign, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { ErrorCode } from '@/lib/errors';

export interface ExampleToken {
  id: string;
  title: string;
  description: string;
  token: string;
  /** The codes a diagnosis with the example key set reports, in order. */
  expected: readonly ErrorCode[];
}

export interface ExampleSet {
  /** The public key set every example is checked against. */
  jwks: { keys: JWK[] };
  examples: ExampleToken[];
}

export const EXAMPLES = [
  { id: 'valid', title: 'Valid', description: 'Signed with the example key, expires in 10 minutes.', expected: [] },
  { id: 'expired', title: 'Expired', description: 'Its exp passed an hour ago.', expected: ['TOKEN_EXPIRED'] },
  { id: 'future', title: 'Clock ahead', description: 'Signed on a machine whose clock runs 10 minutes fast.', expected: ['TOKEN_ISSUED_IN_FUTURE'] },
  { id: 'not-yet-valid', title: 'Not yet valid', description: 'Its nbf is 15 minutes from now.', expected: ['TOKEN_NOT_YET_VALID'] },
  { id: 'missing-sub', title: 'Missing sub', description: 'No user ID in the payload.', expected: ['TOKEN_MISSING_CLAIMS'] },
  { id: 'hs256', title: 'HS256', description: 'Signed with a shared secret instead of a private key.', expected: ['TOKEN_UNSUPPORTED_ALG'] },
  { id: 'none', title: 'alg none', description: 'Not signed at all.', expected: ['TOKEN_UNSUPPORTED_ALG'] },
  { id: 'wrong-key', title: 'Wrong key', description: 'Signed with a private key whose public key is not on the account.', expected: ['TOKEN_SIGNATURE_INVALID'] },
  { id: 'unknown-kid', title: 'Unknown kid', description: 'Names a key ID the account does not have.', expected: ['JWKS_UNAVAILABLE'] },
  { id: 'tampered', title: 'Tampered', description: 'The payload was edited after signing.', expected: ['TOKEN_SIGNATURE_INVALID'] },
  { id: 'truncated', title: 'Cut short', description: 'The signature part was lost on the way.', expected: ['TOKEN_NOT_ENOUGH_PARTS'] },
] as const satisfies readonly Omit<ExampleToken, 'token'>[];

export type ExampleId = (typeof EXAMPLES)[number]['id'];

const KID = 'example-key-1';

/**
 * Tokens that show each kind of failure, made on the spot with Web Crypto so no real key is ever involved.
 * Runs in the browser (the token debugger's example buttons) and in Node (the tests).
 */
export async function createExampleTokens(now: number = Math.floor(Date.now() / 1000)): Promise<ExampleSet> {
  const account = await generateKeyPair('ES256', { extractable: true });
  const stranger = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(account.publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
  const claims = { sub: 'user-42', name: 'Ada Example' };

  const sign = (key: CryptoKey, options: { exp?: number; iat?: number; nbf?: number; sub?: string | null } = {}) => {
    const payload: Record<string, unknown> = { ...claims };
    if (options.sub === null) delete payload.sub;
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID }).setIssuedAt(options.iat ?? now - 60);
    if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
    if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
    return jwt.sign(key);
  };

  const secret = crypto.getRandomValues(new Uint8Array(32));
  const hmacToken = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now - 60).setExpirationTime(now + 600).sign(secret);
  const unsignedHeader = btoaUrl(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const unsignedPayload = btoaUrl(JSON.stringify({ ...claims, iat: now - 60, exp: now + 600 }));
  const truncated = (await sign(account.privateKey, { exp: now + 600 })).split('.').slice(0, 2).join('.');
  const tampered = await sign(account.privateKey, { exp: now + 600 });
  const [tamperedHeader, , tamperedSignature] = tampered.split('.');
  const tamperedPayload = btoaUrl(JSON.stringify({ ...claims, sub: 'admin', iat: now - 60, exp: now + 600 }));
  const noKid = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...claims, iat: now - 60, exp: now + 600 })))
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'rotated-away' })
    .sign(account.privateKey);

  const tokens: Record<ExampleId, string> = {
    'valid': await sign(account.privateKey, { exp: now + 600 }),
    'expired': await sign(account.privateKey, { iat: now - 7200, exp: now - 3600 }),
    'future': await sign(account.privateKey, { iat: now + 600, exp: now + 1200 }),
    'not-yet-valid': await sign(account.privateKey, { nbf: now + 900, exp: now + 1800 }),
    'missing-sub': await sign(account.privateKey, { sub: null, exp: now + 600 }),
    'hs256': hmacToken,
    'none': `${unsignedHeader}.${unsignedPayload}.`,
    'wrong-key': await sign(stranger.privateKey, { exp: now + 600 }),
    'unknown-kid': noKid,
    'tampered': `${tamperedHeader}.${tamperedPayload}.${tamperedSignature}`,
    'truncated': truncated,
  };

  return {
    jwks: { keys: [publicJwk] },
    examples: EXAMPLES.map((example) => ({ ...example, expected: [...example.expected], token: tokens[example.id] })),
  };
}

function btoaUrl(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
