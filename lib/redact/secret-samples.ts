// Secrets as readers paste them, and what must never be stored: shared by the redaction tests and the storage
// tests that read redacted rows back from the database.
import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { generateApiKey } from '@/lib/db/store';

export const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PEM = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
export const PKCS1_PEM = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
export const PRIVATE_JWK = { ...privateKey.export({ format: 'jwk' }), kid: 'k1' };

function b64(value: string): string {
  return Buffer.from(value).toString('base64url');
}

export function token(payload: object, header: object = { alg: 'RS256', kid: 'k1' }): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

export const JWT = token({ sub: 'user-1', exp: 1_800_000_000 });

/** What must never be stored, whatever the input (the "token or private-key patterns"). */
export const FORBIDDEN_PATTERNS = {
  jwt: /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  pem: /PRIVATE KEY-----/,
  privateJwkMember: /["'](?:d|p|q|dp|dq|qi|k)\\?["']\s*:\s*\\?["'][A-Za-z0-9_-]{16,}/,
};

export function leakedPattern(text: string): string | undefined {
  return Object.entries(FORBIDDEN_PATTERNS).find(([, pattern]) => pattern.test(text))?.[0];
}

/** Random text with secrets spliced in at random places, with random characters (base64url ones too) around them. */
export const textWithSecrets = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/),
      fc.constantFrom(' ', '\n', '.', '"', '{', '}', ':', '-----'),
      fc.constant(JWT),
      fc.constant(PEM),
      fc.constant(PKCS1_PEM),
      fc.constant(PEM.slice(0, 120)),
      fc.constant(JSON.stringify(PRIVATE_JWK)),
      fc.constant(JSON.stringify(PRIVATE_JWK, null, 2)),
      fc.constant(JSON.stringify({ jwk: JSON.stringify(PRIVATE_JWK) })),
      fc.constant(token({ sub: 'nested', note: JWT, key: PEM, jwk: PRIVATE_JWK })),
      fc.constant(JWT.split('.').slice(0, 2).join('.')),
      fc.constant(generateApiKey()),
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z0-9_-]{10,30}$/),
          fc.stringMatching(/^[A-Za-z0-9_-]{10,30}$/),
          fc.stringMatching(/^[A-Za-z0-9_-]{10,30}$/),
        )
        .map((parts) => parts.join('.')),
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));
