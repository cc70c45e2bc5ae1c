// Reads a private signing key (PEM PKCS#8 or PKCS#1, or a private JWK) with Web Crypto through jose, so the same
// code signs in the browser (the token workbench) and in Node (the CLI). The key's text is never put in a message.
import { exportJWK, importJWK, importPKCS8, type JWK } from 'jose';
import { decodeBase64Url } from '@/lib/encoding/base64url';
import { ALGORITHMS, MIN_RSA_BITS, RECOMMENDED_ALGORITHM, type AlgorithmName, type KeyType } from '@/lib/algorithms';

export interface PrivateSigningKey {
  kty: KeyType;
  crv?: string;
  /** The key's own kid, when a JWK carried one. */
  kid?: string;
  /** RSA only. */
  bits?: number;
  /** The public half, as a JWK (no private members): what an account registers. */
  publicJwk: JWK;
  /** Imports the key for one algorithm (Web Crypto keys are bound to theirs). */
  forAlgorithm: (alg: AlgorithmName) => Promise<CryptoKey>;
}

export type PrivateKeyResult = { key: PrivateSigningKey } | { error: string };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

/** DER bytes of the object identifiers that say what a PKCS#8 key is. */
const OIDS = {
  rsaEncryption: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
  ecPublicKey: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01],
  'P-256': [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
  'P-384': [0x2b, 0x81, 0x04, 0x00, 0x22],
  'P-521': [0x2b, 0x81, 0x04, 0x00, 0x23],
} as const;

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let start = 0; start + needle.length <= bytes.length; start++) {
    for (let index = 0; index < needle.length; index++) if (bytes[start + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A DER length: short form below 128, else the long form. */
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function der(tag: number, content: readonly number[] | Uint8Array): number[] {
  return [tag, ...derLength(content.length), ...content];
}

/** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo, which Web Crypto reads: version 0, rsaEncryption, the key. */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const algorithm = der(0x30, [...der(0x06, OIDS.rsaEncryption), 0x05, 0x00]);
  return Uint8Array.from(der(0x30, [0x02, 0x01, 0x00, ...algorithm, ...der(0x04, pkcs1)]));
}

function toPem(label: string, bytes: Uint8Array): string {
  const body = bytesToBase64(bytes).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** What signs by default with a key of this type: RS256 for RSA (the service's recommendation), else its curve's. */
export function defaultAlgorithm(key: Pick<PrivateSigningKey, 'kty' | 'crv'>): AlgorithmName {
  if (key.kty === 'RSA') return RECOMMENDED_ALGORITHM;
  const byCurve = (Object.keys(ALGORITHMS) as AlgorithmName[]).find(
    (name) => (ALGORITHMS[name] as { crv?: string }).crv === key.crv,
  );
  return byCurve ?? RECOMMENDED_ALGORITHM;
}

/** A first algorithm to import with: Web Crypto needs one to read the key at all. */
function probeAlgorithm(kty: KeyType, crv?: string): AlgorithmName {
  return defaultAlgorithm({ kty, crv });
}

async function describe(
  kty: KeyType,
  crv: string | undefined,
  kid: string | undefined,
  forAlgorithm: (alg: AlgorithmName) => Promise<CryptoKey>,
): Promise<PrivateKeyResult> {
  let probe: CryptoKey;
  try {
    probe = await forAlgorithm(probeAlgorithm(kty, crv));
  } catch {
    return { error: `the ${kty === 'RSA' ? 'RSA' : `EC ${crv}`} private key could not be read (it may be damaged)` };
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = await exportJWK(probe);
  const bits = kty === 'RSA' ? decodeBase64Url(publicJwk.n ?? '').length * 8 : undefined;
  if (bits !== undefined && bits < MIN_RSA_BITS)
    return { error: `the RSA key has ${bits} bits; the service needs ${MIN_RSA_BITS} bits or more` };
  return { key: { kty, crv, kid, bits, publicJwk: { ...publicJwk, ...(kid && { kid }) }, forAlgorithm } };
}

async function fromJwk(jwk: JWK): Promise<PrivateKeyResult> {
  if (jwk.kty === 'oct') return { error: 'the JWK is a shared secret (kty "oct"); the service needs an RSA key pair' };
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') return { error: `a JWK of kty ${JSON.stringify(jwk.kty)} cannot sign` };
  if (typeof jwk.d !== 'string')
    return { error: 'the JWK is a public key (it has no "d"); signing needs the private key' };
  const kty = jwk.kty as KeyType;
  const { alg: _alg, key_ops: _ops, use: _use, ...bare } = jwk;
  return describe(
    kty,
    jwk.crv,
    jwk.kid,
    async (alg) => (await importJWK(bare, alg, { extractable: true })) as CryptoKey,
  );
}

/** Reads the text of a private key file or paste. */
export async function readPrivateKey(text: string): Promise<PrivateKeyResult> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { error: 'the key looks like JSON but does not parse' };
    }
    const object = parsed as { keys?: unknown } & JWK;
    if (Array.isArray(object.keys)) {
      const privates = object.keys.filter(
        (key): key is JWK => typeof key === 'object' && key !== null && PRIVATE_MEMBERS.some((m) => m in key),
      );
      if (privates.length !== 1)
        return { error: `the JWK set holds ${privates.length} private keys; give exactly one` };
      return fromJwk(privates[0]!);
    }
    return fromJwk(object);
  }
  const block = PEM_BLOCK.exec(trimmed);
  if (!block) return { error: 'the key is neither a PEM block (-----BEGIN PRIVATE KEY-----) nor a JWK' };
  const label = block[1]!;
  if (label === 'ENCRYPTED PRIVATE KEY')
    return { error: 'the key is encrypted; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem)' };
  if (label === 'EC PRIVATE KEY')
    return {
      error: 'the key is in the SEC 1 format; convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in key.pem)',
    };
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE')
    return { error: `the PEM block is a ${label.toLowerCase()}; signing needs the private key` };
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY')
    return { error: `a PEM block of type "${label}" is not a private key this can read` };
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(block[2]!);
  } catch {
    return { error: 'the PEM block is not valid base64' };
  }
  const pkcs8 = label === 'RSA PRIVATE KEY' ? pkcs1ToPkcs8(bytes) : bytes;
  const pem = toPem('PRIVATE KEY', pkcs8);
  const importer = async (alg: AlgorithmName) => (await importPKCS8(pem, alg, { extractable: true })) as CryptoKey;
  if (contains(pkcs8, OIDS.rsaEncryption)) return describe('RSA', undefined, undefined, importer);
  if (contains(pkcs8, OIDS.ecPublicKey)) {
    const crv = (['P-256', 'P-384', 'P-521'] as const).find((curve) => contains(pkcs8, OIDS[curve]));
    if (!crv) return { error: 'the EC key is on a curve no JWS algorithm uses' };
    return describe('EC', crv, undefined, importer);
  }
  return { error: 'the private key is neither RSA nor EC (RSA-PSS-only and Ed25519 keys cannot sign these tokens)' };
}
