import { calculateJwkThumbprint, type JWK } from 'jose';
import { ERROR_CATALOG } from '@/lib/errors';
import { decodeBase64Url, findBase64UrlProblem } from '@/lib/jwt/base64url';
import { PRIVATE_MEMBERS, REQUIRED_MEMBERS } from './members';
import { pkcs1ToSpki, readPemBlocks, toPem } from './pem';
import { spkiToJwk } from './read';

export type KeyErrorCode = 'KEY_MALFORMED' | 'KEY_IS_PRIVATE' | 'KEY_SYMMETRIC' | 'KEY_TOO_WEAK' | 'KEY_UNSUPPORTED_TYPE' | 'KEY_DUPLICATE_KID' | 'KEY_ALG_MISMATCH';

export interface KeyFinding {
  code: string;
  message: string;
  docs?: string;
}

export interface CheckedKey {
  /** The key's kid; for a key without one, its thumbprint, offered as the kid to use. */
  kid: string | null;
  kty: string | null;
  alg: string | null;
  bits?: number;
  crv?: string;
  thumbprint: string | null;
  /** The public members only, ready to store; null when the key cannot be used. */
  publicJwk: JWK | null;
  errors: KeyFinding[];
  warnings: KeyFinding[];
}

export interface KeyCheckResult {
  ok: boolean;
  keys: CheckedKey[];
  errors: KeyFinding[];
}

export const MAX_KEYS_PER_SET = 100;
const CURVE_ALGORITHM: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const DOCS = (code: KeyErrorCode) => `/docs/errors/${code.toLowerCase().replaceAll('_', '-')}`;

function finding(code: KeyErrorCode, detail: string): KeyFinding {
  return { code, message: `${ERROR_CATALOG[code].message}: ${detail}`, docs: DOCS(code) };
}

function modulusBits(n: string): number {
  const bytes = decodeBase64Url(n);
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index++;
  if (index === bytes.length) return 0;
  return (bytes.length - index) * 8 - Math.clz32(bytes[index]!) + 24;
}

function label(index: number, kid: unknown): string {
  return typeof kid === 'string' ? `key ${index + 1} (kid "${kid}")` : `key ${index + 1}`;
}

/** Every problem with one JWK, by the contract's key codes; private members are never copied out. */
async function checkJwk(value: unknown, index: number): Promise<CheckedKey> {
  const blank: CheckedKey = { kid: null, kty: null, alg: null, thumbprint: null, publicJwk: null, errors: [], warnings: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ...blank, errors: [finding('KEY_MALFORMED', `key ${index + 1} is not a JSON object`)] };
  }
  const jwk = value as Record<string, unknown>;
  const name = label(index, jwk.kid);
  const result: CheckedKey = { ...blank, kid: typeof jwk.kid === 'string' ? jwk.kid : null, kty: typeof jwk.kty === 'string' ? jwk.kty : null, alg: typeof jwk.alg === 'string' ? jwk.alg : null };
  const privateMembers = PRIVATE_MEMBERS.filter((member) => Object.hasOwn(jwk, member));
  if (jwk.kty === 'oct') {
    result.errors.push(finding('KEY_SYMMETRIC', `${name} is a shared secret ("kty": "oct"); the service only accepts public keys of asymmetric pairs`));
    if (Object.hasOwn(jwk, 'k')) result.errors.push(finding('KEY_IS_PRIVATE', `${name} contains the secret itself ("k"): treat it as leaked and replace it`));
    return result;
  }
  if (privateMembers.length) {
    result.errors.push(finding('KEY_IS_PRIVATE', `${name} contains private key material (${privateMembers.map((member) => `"${member}"`).join(', ')}). It was not stored; treat the private key as leaked and rotate it`));
  }
  if (typeof jwk.kty !== 'string') return { ...result, errors: [...result.errors, finding('KEY_MALFORMED', `${name} has no "kty" member`)] };
  const required = REQUIRED_MEMBERS[jwk.kty];
  if (!required) return { ...result, errors: [...result.errors, finding('KEY_UNSUPPORTED_TYPE', `${name} has "kty" ${JSON.stringify(jwk.kty)}; accepted key types are RSA and EC`)] };
  for (const member of required) {
    const memberValue = jwk[member];
    if (typeof memberValue !== 'string' || memberValue === '') return { ...result, errors: [...result.errors, finding('KEY_MALFORMED', `${name} has ${memberValue === undefined ? 'no' : 'an invalid'} "${member}" member`)] };
    if (member !== 'crv') {
      const problem = findBase64UrlProblem(memberValue);
      if (problem) return { ...result, errors: [...result.errors, finding('KEY_MALFORMED', `${name}'s "${member}" is not base64url at offset ${problem.offset}: ${problem.reason}`)] };
    }
  }
  const publicJwk = Object.fromEntries(['kty', ...required].map((member) => [member, jwk[member]])) as JWK;
  result.thumbprint = await calculateJwkThumbprint(publicJwk, 'sha256');

  let fittingAlgorithms: string[] = [];
  if (jwk.kty === 'RSA') {
    result.bits = modulusBits(jwk.n as string);
    if (result.bits < 2048) result.errors.push(finding('KEY_TOO_WEAK', `${name} is a ${result.bits}-bit RSA key; use 2048 bits or more`));
    fittingAlgorithms = RSA_ALGORITHMS;
  } else {
    result.crv = String(jwk.crv);
    const algorithm = jwk.kty === 'EC' ? CURVE_ALGORITHM[result.crv] : undefined;
    if (!algorithm) result.errors.push(finding('KEY_UNSUPPORTED_TYPE', `${name} is a ${jwk.kty} key on curve ${result.crv}, which no accepted algorithm uses; use P-256, P-384 or P-521`));
    else fittingAlgorithms = [algorithm];
  }
  if (result.alg !== null && fittingAlgorithms.length && !fittingAlgorithms.includes(result.alg)) {
    result.errors.push(finding('KEY_ALG_MISMATCH', `${name} says "alg": ${JSON.stringify(result.alg)}, but a ${jwk.kty === 'RSA' ? 'RSA' : `${result.crv}`} key signs with ${fittingAlgorithms.join(', ')}`));
  }
  result.alg ??= fittingAlgorithms[0] ?? null;
  if (jwk.use !== undefined && jwk.use !== 'sig') result.warnings.push({ code: 'KEY_USE_NOT_SIG', message: `${name} has "use": ${JSON.stringify(jwk.use)}; keys that check signatures need "sig" or no "use"` });
  if (result.kid === null) {
    result.kid = result.thumbprint;
    result.warnings.push({ code: 'KEY_NO_KID', message: `${name} has no kid; its thumbprint is offered as the kid. Put the same kid in the header of the tokens it signs` });
  }
  result.publicJwk = { ...publicJwk, kid: result.kid, ...(jwk.alg ? { alg: jwk.alg as string } : {}) };
  return result;
}

async function keysFromPem(text: string): Promise<KeyCheckResult> {
  const blocks = readPemBlocks(text);
  if ('error' in blocks) return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', `the PEM text could not be read: ${blocks.error}`)] };
  const keys: CheckedKey[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.label.includes('PRIVATE')) {
      keys.push({
        kid: null, kty: null, alg: null, thumbprint: null, publicJwk: null, warnings: [],
        errors: [finding('KEY_IS_PRIVATE', `block ${index + 1} is a private key ("${block.label}"). It was not stored; treat it as leaked, rotate it, and upload only the public key`)],
      });
      continue;
    }
    const spki = block.label === 'PUBLIC KEY' ? block.der : block.label === 'RSA PUBLIC KEY' ? pkcs1ToSpki(block.der) : undefined;
    const jwk = spki && (await spkiToJwk(toPem('PUBLIC KEY', spki)));
    if (jwk) keys.push(await checkJwk(jwk, index));
    else {
      const reason = spki ? 'is not an RSA or EC public key this service can use' : `is a "${block.label}", not a public key`;
      keys.push({ kid: null, kty: null, alg: null, thumbprint: null, publicJwk: null, warnings: [], errors: [finding(spki ? 'KEY_UNSUPPORTED_TYPE' : 'KEY_MALFORMED', `block ${index + 1} ${reason}`)] });
    }
  }
  return summarise(keys, []);
}

function summarise(keys: CheckedKey[], errors: KeyFinding[]): KeyCheckResult {
  const byKid = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key.kid !== null) byKid.set(key.kid, [...(byKid.get(key.kid) ?? []), index]);
  });
  for (const [kid, indexes] of byKid) {
    if (indexes.length < 2) continue;
    for (const index of indexes) keys[index]!.errors.push(finding('KEY_DUPLICATE_KID', `keys ${indexes.map((item) => item + 1).join(' and ')} share the kid "${kid}"`));
  }
  return { ok: errors.length === 0 && keys.length > 0 && keys.every((key) => key.errors.length === 0), keys, errors };
}

/** Contract §2: every key of a PEM text, JWK or JWK set, validated and fingerprinted. */
export async function checkKeys(input: string): Promise<KeyCheckResult> {
  if (input.includes('-----BEGIN')) return keysFromPem(input);
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', `the text is neither a PEM key nor valid JSON (${reason})`)] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', 'expected a JWK set ({"keys": […]}), a single JWK object or a PEM public key')] };
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, 'keys')) return summarise([await checkJwk(record, 0)], []);
  if (!Array.isArray(record.keys)) return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', '"keys" must be an array of JWK objects')] };
  if (record.keys.length === 0) return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', 'the key set is empty')] };
  if (record.keys.length > MAX_KEYS_PER_SET) {
    return { ok: false, keys: [], errors: [finding('KEY_MALFORMED', `the set has ${record.keys.length} keys; at most ${MAX_KEYS_PER_SET} are accepted`)] };
  }
  const keys: CheckedKey[] = [];
  for (const [index, entry] of record.keys.entries()) keys.push(await checkJwk(entry, index));
  return summarise(keys, []);
}

/** The contract §2 shape, as the CLI, the API and the upload errors report it: without each key's stored form. */
export function keyCheckReport(result: KeyCheckResult) {
  return { ...result, keys: result.keys.map(({ publicJwk: _publicJwk, ...key }) => key) };
}

/** The keys of a result that passed (`ok`), in the form the store keeps. */
export function storableKeys(result: KeyCheckResult): { kid: string; kty: string; alg: string | null; jwk: Record<string, unknown>; thumbprint: string }[] {
  if (!result.ok) throw new Error('Only a key check without errors can be stored.');
  return result.keys.map((key) => ({ kid: key.kid!, kty: key.kty!, alg: key.alg, jwk: key.publicJwk as Record<string, unknown>, thumbprint: key.thumbprint! }));
}
