import { calculateJwkThumbprint, exportJWK, importSPKI, type JWK } from 'jose';
import { findBase64UrlProblem } from '@/lib/jwt/base64url';
import { PRIVATE_MEMBERS, REQUIRED_MEMBERS } from './members';
import { readPemBlocks, pkcs1ToSpki, toPem } from './pem';

/** A public key from a key set, ready to try against tokens. */
export interface PublicKeyEntry {
  jwk: JWK;
  kid: string | null;
  kty: string;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string;
  /** Position in the input, from 0. */
  index: number;
}

export interface KeyProblem {
  index: number | null;
  code: 'KEY_MALFORMED' | 'KEY_IS_PRIVATE' | 'KEY_SYMMETRIC';
  message: string;
}

export interface ReadKeysResult {
  keys: PublicKeyEntry[];
  problems: KeyProblem[];
  /** True when the input as a whole is not a PEM key, a JWK or a JWK set. */
  unreadable: boolean;
}

/** Import attempts for a SPKI key of unknown type: one algorithm per key type and curve. */
const SPKI_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function describeKey(index: number, jwk: Record<string, unknown>): string {
  return typeof jwk.kid === 'string' ? `key ${index + 1} (kid "${jwk.kid}")` : `key ${index + 1}`;
}

async function readJwk(value: unknown, index: number): Promise<{ key?: PublicKeyEntry; problems: KeyProblem[] }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ index, code: 'KEY_MALFORMED', message: `key ${index + 1} is not a JSON object` }] };
  }
  const jwk = value as Record<string, unknown>;
  const name = describeKey(index, jwk);
  if (typeof jwk.kty !== 'string') return { problems: [{ index, code: 'KEY_MALFORMED', message: `${name} has no "kty" member` }] };
  if (jwk.kty === 'oct') return { problems: [{ index, code: 'KEY_SYMMETRIC', message: `${name} is a shared secret ("kty": "oct"), which cannot check asymmetric signatures` }] };
  const problems: KeyProblem[] = [];
  const privateMembers = PRIVATE_MEMBERS.filter((member) => Object.hasOwn(jwk, member));
  const publicJwk: Record<string, unknown> = { ...jwk };
  if (privateMembers.length) {
    problems.push({ index, code: 'KEY_IS_PRIVATE', message: `${name} contains private key material (${privateMembers.map((member) => `"${member}"`).join(', ')}); only its public part was used` });
    for (const member of privateMembers) delete publicJwk[member];
  }
  const required = REQUIRED_MEMBERS[jwk.kty];
  if (!required) return { problems: [...problems, { index, code: 'KEY_MALFORMED', message: `${name} has an unknown "kty" ${JSON.stringify(jwk.kty)}` }] };
  for (const member of required) {
    const memberValue = publicJwk[member];
    if (typeof memberValue !== 'string' || (member !== 'crv' && (memberValue === '' || findBase64UrlProblem(memberValue) !== undefined))) {
      return { problems: [...problems, { index, code: 'KEY_MALFORMED', message: `${name} has ${memberValue === undefined ? 'no' : 'an invalid'} "${member}" member` }] };
    }
  }
  const thumbprint = await calculateJwkThumbprint(publicJwk as JWK, 'sha256');
  return {
    key: { jwk: publicJwk as JWK, kid: typeof jwk.kid === 'string' ? jwk.kid : null, kty: jwk.kty, thumbprint, index },
    problems,
  };
}

/** A SPKI public key of any supported type as a JWK, or undefined when it is none of them. */
export async function spkiToJwk(pem: string): Promise<JWK | undefined> {
  for (const alg of SPKI_ALGORITHMS) {
    try {
      return await exportJWK(await importSPKI(pem, alg, { extractable: true }));
    } catch {
      // Not this key type; try the next.
    }
  }
  return undefined;
}

async function readPem(text: string): Promise<ReadKeysResult> {
  const blocks = readPemBlocks(text);
  if ('error' in blocks) return { keys: [], problems: [{ index: null, code: 'KEY_MALFORMED', message: `the PEM text could not be read: ${blocks.error}` }], unreadable: true };
  const keys: PublicKeyEntry[] = [];
  const problems: KeyProblem[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.label.includes('PRIVATE')) {
      problems.push({ index, code: 'KEY_IS_PRIVATE', message: `block ${index + 1} is a private key ("${block.label}"), which was not used: paste the public key instead` });
      continue;
    }
    const spki = block.label === 'PUBLIC KEY' ? block.der : block.label === 'RSA PUBLIC KEY' ? pkcs1ToSpki(block.der) : undefined;
    const jwk = spki && (await spkiToJwk(toPem('PUBLIC KEY', spki)));
    if (!jwk) {
      const why = spki ? 'is not an RSA, EC or OKP public key' : `is a "${block.label}", not a public key`;
      problems.push({ index, code: 'KEY_MALFORMED', message: `block ${index + 1} ${why}` });
      continue;
    }
    const read = await readJwk(jwk, index);
    if (read.key) keys.push(read.key);
    problems.push(...read.problems);
  }
  return { keys, problems, unreadable: keys.length === 0 && problems.every((problem) => problem.code === 'KEY_MALFORMED') };
}

/** Reads a JWK set, a single JWK, or PEM public keys (SPKI or PKCS#1), as text or as parsed JSON. */
export async function readPublicKeys(input: string | unknown): Promise<ReadKeysResult> {
  let value = input;
  if (typeof input === 'string') {
    if (input.includes('-----BEGIN')) return readPem(input);
    try {
      value = JSON.parse(input);
    } catch {
      return { keys: [], problems: [{ index: null, code: 'KEY_MALFORMED', message: 'the text is neither PEM nor JSON' }], unreadable: true };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { keys: [], problems: [{ index: null, code: 'KEY_MALFORMED', message: 'expected a JWK set ({"keys": […]}), a single JWK or a PEM public key' }], unreadable: true };
  }
  const record = value as Record<string, unknown>;
  const entries = Object.hasOwn(record, 'keys') ? record.keys : [record];
  if (!Array.isArray(entries)) return { keys: [], problems: [{ index: null, code: 'KEY_MALFORMED', message: '"keys" must be an array' }], unreadable: true };
  const keys: PublicKeyEntry[] = [];
  const problems: KeyProblem[] = [];
  for (const [index, entry] of entries.entries()) {
    const read = await readJwk(entry, index);
    if (read.key) keys.push(read.key);
    problems.push(...read.problems);
  }
  const single = !Object.hasOwn(record, 'keys');
  return { keys, problems, unreadable: single && keys.length === 0 };
}
