/**
 * Test helpers: tokens and keys built with node:crypto only, independently of the code under test.
 * Not a test file. Keys are generated once per test file (module-level cache): RSA keygen is slow.
 */
import {
  constants,
  createHash,
  createHmac,
  generateKeyPairSync,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

export type SigningAlg =
  'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'HS256';
export type AsymmetricAlg = Exclude<SigningAlg, 'HS256'>;

export const ASYMMETRIC_ALGS: readonly AsymmetricAlg[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
];

/** A fixed moment for every test: 2027-01-15T08:00:00Z. Never the wall clock. */
export const NOW = 1_800_000_000;

// ---------------------------------------------------------------- base64url

export function b64url(data: Uint8Array | string): string {
  return Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64url');
}

export function b64urlJson(value: unknown): string {
  return b64url(JSON.stringify(value));
}

export function fromB64url(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}

// ---------------------------------------------------------------- keys

export interface TestKey {
  /** Which cache entry: 'RSA', 'EC P-256', … */
  type: string;
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK with `kid` (and nothing else added). */
  jwk: JsonWebKey & { kid: string };
  /** Private JWK (with "d" …) and the same kid. */
  privateJwk: JsonWebKey & { kid: string };
  /** SPKI "PUBLIC KEY" PEM. */
  publicPem: string;
  /** PKCS#1 "RSA PUBLIC KEY" PEM (RSA keys only). */
  pkcs1Pem?: string;
  /** PKCS#8 "PRIVATE KEY" PEM. */
  privatePem: string;
}

const CURVE_FOR: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const HASH_FOR: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

function keyTypeFor(alg: AsymmetricAlg): string {
  return alg.startsWith('ES') ? `EC ${CURVE_FOR[alg]}` : 'RSA';
}

const keyCache = new Map<string, TestKey>();

/**
 * The key pair for `alg` (RS and PS algorithms share one RSA key, each ES algorithm has its curve), cached per type and name,
 * so `makeKeys('RS256')` and `makeKeys('PS512')` are the same key, and `makeKeys('RS256', 'attacker')` another one.
 */
export function makeKeys(alg: AsymmetricAlg, name = 'main'): TestKey {
  const type = keyTypeFor(alg);
  const cacheKey = `${type}/${name}`;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const { privateKey, publicKey } =
    type === 'RSA'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: CURVE_FOR[alg]! });
  const kid = `${name}-${type.replace(' ', '-').toLowerCase()}`;
  const key: TestKey = {
    type,
    kid,
    privateKey,
    publicKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid },
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid },
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    pkcs1Pem: type === 'RSA' ? publicKey.export({ format: 'pem', type: 'pkcs1' }).toString() : undefined,
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  keyCache.set(cacheKey, key);
  return key;
}

/** RFC 7638 SHA-256 thumbprint, computed here from the required members in lexicographic order. */
export function rfc7638Thumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'];
  const canonical = `{${members.map((member) => `${JSON.stringify(member)}:${JSON.stringify((jwk as Record<string, unknown>)[member])}`).join(',')}}`;
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}

// ---------------------------------------------------------------- signing

export interface SignOptions {
  /** Encoded verbatim (as JSON when an object, as the text itself when a string). */
  header: Record<string, unknown> | string;
  payload: Record<string, unknown> | string;
  /** How to sign, whatever the header says. */
  alg: SigningAlg;
  /** A private KeyObject, a TestKey, or for HS256 the secret bytes. */
  key: KeyObject | TestKey | Uint8Array | string;
  /** ECDSA signature encoding; the JWS form (and the default) is 'ieee-p1363' (raw r||s). */
  dsaEncoding?: 'ieee-p1363' | 'der';
}

function encodePart(value: Record<string, unknown> | string): string {
  return typeof value === 'string' ? b64url(value) : b64urlJson(value);
}

/** The raw JWS signature bytes over `data`. */
export function signBytes(
  alg: SigningAlg,
  data: string,
  key: SignOptions['key'],
  dsaEncoding: SignOptions['dsaEncoding'] = 'ieee-p1363',
): Buffer {
  const hash = HASH_FOR[alg.slice(2)]!;
  if (alg === 'HS256') {
    if (typeof key !== 'string' && !(key instanceof Uint8Array)) throw new Error('HS256 needs the secret bytes');
    return createHmac('sha256', key).update(data).digest();
  }
  const privateKey = 'privateKey' in (key as object) ? (key as TestKey).privateKey : (key as KeyObject);
  if (alg.startsWith('RS')) return sign(hash, Buffer.from(data), privateKey);
  if (alg.startsWith('PS')) {
    return sign(hash, Buffer.from(data), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: Number(alg.slice(2)) / 8,
    });
  }
  return sign(hash, Buffer.from(data), { key: privateKey, dsaEncoding });
}

/** A compact JWS: base64url(header).base64url(payload).base64url(signature). */
export function signToken({ header, payload, alg, key, dsaEncoding }: SignOptions): string {
  const input = `${encodePart(header)}.${encodePart(payload)}`;
  return `${input}.${b64url(signBytes(alg, input, key, dsaEncoding))}`;
}

/** Payload claims that pass every rule at NOW, with a lifetime of one working day (no lifetime warning). */
export function goodClaims(now = NOW): Record<string, unknown> {
  return { sub: 'user-42', iat: now - 60, exp: now - 60 + 8 * 3600 };
}

/**
 * A token that passes every rule at NOW with makeKeys(alg): header {alg, typ, kid}, goodClaims().
 * `header` and `payload` are merged over the defaults; a member set to undefined is removed.
 */
export function makeToken(
  alg: AsymmetricAlg,
  options: {
    header?: Record<string, unknown>;
    payload?: Record<string, unknown>;
    key?: TestKey;
    dsaEncoding?: SignOptions['dsaEncoding'];
  } = {},
): string {
  const key = options.key ?? makeKeys(alg);
  const header = dropUndefined({ alg, typ: 'JWT', kid: key.kid, ...options.header });
  const payload = dropUndefined({ ...goodClaims(), ...options.payload });
  return signToken({ header, payload, alg, key, dsaEncoding: options.dsaEncoding });
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** A JWK set text/object for the given keys (public JWKs). */
export function jwkSet(...keys: (TestKey | JsonWebKey)[]): { keys: JsonWebKey[] } {
  return {
    keys: keys.map((key) => ('jwk' in key && 'privateKey' in key ? (key as TestKey).jwk : (key as JsonWebKey))),
  };
}
