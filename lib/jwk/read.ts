import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI, type JWK } from 'jose';
import {
  ALGORITHM_NAMES,
  ALGORITHMS,
  algorithmsForKey,
  describeAcceptedSet,
  isAlgorithmName,
  keyFitsAlgorithm,
  listAlgorithms,
  MIN_RSA_BITS,
  RECOMMENDED_ALGORITHM,
  SERVICE_ALGORITHMS,
  type AlgorithmEntry,
  type AlgorithmName,
} from '@/lib/algorithms';
import { decodeBase64Url, encodeBase64Url, findBase64UrlProblem } from '@/lib/encoding/base64url';
import { excessiveNesting } from '@/lib/encoding/json-depth';
import { ERROR_SUMMARIES, type FindingCode } from '@/lib/errors/summary';
import { jsonFailure } from '@/lib/encoding/json-error';
import { REQUIRED_MEMBERS } from './members';
import { isPrivatePemLabel, privateMembersOf } from './private';
import {
  certificatePublicKeyInfo,
  privateKeyAlgorithm,
  readPublicKeyInfo,
  type KeyAlgorithm,
  type PublicKeyInfo,
} from './der';
import { pkcs1PrivateToPkcs8, pkcs1ToSpki, readPemBlocks, toPem, type PemBlock } from './pem';

/**
 * The one key reader. It parses PEM (SPKI, PKCS#1, X.509 certificates, and private keys, whose public half it
 * derives), a JWK or a JWK set once, and states the facts about every key. The strict upload check
 * (`check.ts`) and the lenient diagnosis reader (`lib/jwt/key-set.ts`) are two policies over these facts,
 * so the same key gets the same facts everywhere.
 */

// Catalog codes: KeyFinding's code type and ERROR_SUMMARIES make a misspelt one a type error.
export type KeyProblemCode =
  | 'KEY_MALFORMED'
  | 'KEY_IS_PRIVATE'
  | 'KEY_SYMMETRIC'
  | 'KEY_TOO_WEAK'
  | 'KEY_UNSUPPORTED_TYPE'
  | 'KEY_DUPLICATE_KID'
  | 'KEY_ALG_MISMATCH';
export type KeyNoteCode = 'KEY_USE_NOT_SIG' | 'KEY_NO_KID';

export interface KeyFinding {
  /** A catalog code: an error, or for notes a warning. */
  code: FindingCode;
  message: string;
  docs?: string;
}

export interface ReadKey {
  /** Position in the input, from 0 (a JWK in the set, or a PEM block). */
  index: number;
  /** How messages name it: `key 2 (kid "a")`, `block 1`. */
  name: string;
  /** The kid as given; null when the key has none. */
  kid: string | null;
  kty: string | null;
  /** The key's own "alg" member, when it has one. */
  alg: string | null;
  bits?: number;
  crv?: string;
  /** RFC 7638 SHA-256 thumbprint of the public key, base64url; null when the key could not be read that far. */
  thumbprint: string | null;
  /** The public members (with kid, alg and use when given); null when the key cannot check anything. */
  publicJwk: JWK | null;
  /** The algorithms of the accepted set this key can check, in the table's order. */
  algorithms: AlgorithmName[];
  /** Facts that make the upload check refuse the key. */
  problems: (KeyFinding & { code: KeyProblemCode })[];
  /** Facts worth knowing that refuse nothing. */
  notes: (KeyFinding & { code: KeyNoteCode })[];
}

export interface KeyReading {
  form: 'pem' | 'jwk' | 'jwks';
  keys: ReadKey[];
  /** The input as a whole could not be read (not PEM or JSON, not a key, too many keys). */
  errors: KeyFinding[];
}

export interface ReadKeysOptions {
  /** The accepted set; defaults to the service's. */
  algorithms?: readonly AlgorithmName[];
}

export const MAX_KEYS_PER_SET = 100;

/**
 * Import attempts for a key of unknown type: the table's first algorithm for each key type and curve (RS256
 * reads any RSA key), then jose's EdDSA, which no table entry has, so an OKP key is read for what it is.
 */
const IMPORT_ALGORITHMS = [
  ...ALGORITHM_NAMES.filter(
    (name, index) => ALGORITHM_NAMES.findIndex((other) => keyFitsAlgorithm(ALGORITHMS[other], name)) === index,
  ),
  'EdDSA',
];

function finding(code: KeyProblemCode, detail: string): KeyFinding & { code: KeyProblemCode } {
  const entry = ERROR_SUMMARIES[code];
  return { code, message: `${entry.message}: ${detail}`, docs: entry.docs };
}

function jwkName(index: number, kid: unknown): string {
  return typeof kid === 'string' ? `key ${index + 1} (kid "${kid}")` : `key ${index + 1}`;
}

function modulusBits(n: string): number {
  const bytes = decodeBase64Url(n);
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index++;
  if (index === bytes.length) return 0;
  return (bytes.length - index) * 8 - Math.clz32(bytes[index]!) + 24;
}

function blank(index: number, name: string): ReadKey {
  return {
    index,
    name,
    kid: null,
    kty: null,
    alg: null,
    thumbprint: null,
    publicJwk: null,
    algorithms: [],
    problems: [],
    notes: [],
  };
}

/** What to do instead, for a key no accepted algorithm can use. */
function unsupportedAdvice(accepted: readonly AlgorithmName[]): string {
  if (accepted.some((name) => name.startsWith('RS') || name.startsWith('PS'))) {
    return `generate an RSA key pair of ${MIN_RSA_BITS} bits or more and sign with ${accepted.includes(RECOMMENDED_ALGORITHM) ? RECOMMENDED_ALGORITHM : accepted[0]}`;
  }
  return `use a key for ${listAlgorithms(accepted)}`;
}

/** "RSA", "EC P-256": a key's type as messages name it. */
export function describeType(kty: string, crv: string | undefined): string {
  return crv ? `${kty} ${crv}` : kty;
}

/** Every fact about one JWK. Private members are never copied out, nor echoed in messages. */
async function readJwk(
  value: unknown,
  index: number,
  name: string | undefined,
  accepted: readonly AlgorithmName[],
): Promise<ReadKey> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const key = blank(index, name ?? `key ${index + 1}`);
    key.problems.push(finding('KEY_MALFORMED', `${key.name} is not a JSON object`));
    return key;
  }
  const jwk = value as Record<string, unknown>;
  const key = blank(index, name ?? jwkName(index, jwk.kid));
  const malformed = (detail: string) => {
    key.problems.push(finding('KEY_MALFORMED', `${key.name} ${detail}`));
    return key;
  };
  key.kid = typeof jwk.kid === 'string' ? jwk.kid : null;
  key.alg = typeof jwk.alg === 'string' ? jwk.alg : null;
  for (const member of ['kid', 'alg', 'use'] as const) {
    if (Object.hasOwn(jwk, member) && typeof jwk[member] !== 'string')
      return malformed(
        `has a "${member}" that is ${Array.isArray(jwk[member]) ? 'an array' : jwk[member] === null ? 'null' : `a ${typeof jwk[member]}`}; it must be a string`,
      );
  }
  // A kid travels in token headers, URLs and the database; control characters (U+0000 above all) belong in none.
  if (key.kid !== null && /[\u0000-\u001f\u007f]/.test(key.kid))
    return malformed('has a "kid" with a control character in it; a kid is printable text');
  if (typeof jwk.kty !== 'string') return malformed('has no "kty" member');
  key.kty = jwk.kty;
  if (jwk.kty === 'oct') {
    key.problems.push(
      finding(
        'KEY_SYMMETRIC',
        `${key.name} is a shared secret ("kty": "oct"); the service only accepts public keys of asymmetric pairs`,
      ),
    );
    if (privateMembersOf(jwk).length)
      key.problems.push(
        finding('KEY_IS_PRIVATE', `${key.name} contains the secret itself ("k"): treat it as leaked and replace it`),
      );
    return key;
  }
  const privateMembers = privateMembersOf(jwk);
  if (privateMembers.length) {
    key.problems.push(
      finding(
        'KEY_IS_PRIVATE',
        `${key.name} contains private key material (${privateMembers.map((member) => `"${member}"`).join(', ')}). It is never stored; treat the private key as leaked and rotate it`,
      ),
    );
  }
  const required = REQUIRED_MEMBERS[jwk.kty];
  if (!required) {
    key.problems.push(
      finding(
        'KEY_UNSUPPORTED_TYPE',
        `${key.name} has "kty" ${JSON.stringify(jwk.kty)}, which no accepted algorithm uses; ${describeAcceptedSet(accepted)}`,
      ),
    );
    return key;
  }
  for (const member of required) {
    const memberValue = jwk[member];
    if (typeof memberValue !== 'string' || memberValue === '')
      return malformed(`has ${memberValue === undefined ? 'no' : 'an invalid'} "${member}" member`);
    if (member !== 'crv') {
      const problem = findBase64UrlProblem(memberValue);
      if (problem)
        return malformed(`has a "${member}" that is not base64url at offset ${problem.offset}: ${problem.reason}`);
    }
  }
  const publicMembers = Object.fromEntries(['kty', ...required].map((member) => [member, jwk[member]])) as JWK;
  key.thumbprint = await calculateJwkThumbprint(publicMembers, 'sha256');

  if (jwk.kty === 'RSA') {
    key.bits = modulusBits(jwk.n as string);
    if (key.bits < MIN_RSA_BITS)
      key.problems.push(
        finding(
          'KEY_TOO_WEAK',
          `${key.name} is a ${key.bits}-bit RSA key; the service needs ${MIN_RSA_BITS} bits or more`,
        ),
      );
  } else {
    key.crv = String(jwk.crv);
  }
  key.algorithms = algorithmsForKey({ kty: jwk.kty, crv: key.crv }, accepted);
  if (key.algorithms.length === 0) {
    key.problems.push(
      finding(
        'KEY_UNSUPPORTED_TYPE',
        `${key.name} is an ${describeType(jwk.kty, key.crv)} key, and no accepted algorithm uses it: ${describeAcceptedSet(accepted)}. Instead, ${unsupportedAdvice(accepted)}`,
      ),
    );
  } else if (key.alg !== null && !key.algorithms.includes(key.alg as AlgorithmName)) {
    const fits = isAlgorithmName(key.alg) && keyFitsAlgorithm({ kty: jwk.kty, crv: key.crv }, key.alg);
    key.problems.push(
      finding(
        'KEY_ALG_MISMATCH',
        fits
          ? `${key.name} says "alg": ${JSON.stringify(key.alg)}, which is not accepted (${describeAcceptedSet(accepted)}); set it to ${listAlgorithms(key.algorithms)} or remove it`
          : `${key.name} says "alg": ${JSON.stringify(key.alg)}, but an ${describeType(jwk.kty, key.crv)} key signs with ${listAlgorithms(key.algorithms)}`,
      ),
    );
  }
  if (jwk.use !== undefined && jwk.use !== 'sig')
    key.notes.push({
      code: 'KEY_USE_NOT_SIG',
      message: `${key.name} has "use": ${JSON.stringify(jwk.use)}; keys that check signatures need "sig" or no "use"`,
    });
  if (key.kid === null)
    key.notes.push({
      code: 'KEY_NO_KID',
      message: `${key.name} has no kid; its thumbprint is offered as the kid. Put the same kid in the header of the tokens it signs`,
    });
  key.publicJwk = {
    ...publicMembers,
    ...(key.kid !== null ? { kid: key.kid } : {}),
    ...(key.alg !== null ? { alg: key.alg } : {}),
    ...(typeof jwk.use === 'string' ? { use: jwk.use } : {}),
  };
  return key;
}

async function firstImport(importer: (alg: string) => Promise<CryptoKey>): Promise<JWK | undefined> {
  for (const alg of IMPORT_ALGORITHMS) {
    try {
      return await exportJWK(await importer(alg));
    } catch {
      // Not this key type; try the next.
    }
  }
  return undefined;
}

/** Types whose import the platform's crypto may refuse although the bytes are sound; their JWK is the key bits themselves. */
function jwkFromKeyBits({ algorithm, key }: PublicKeyInfo): JWK | undefined {
  if (algorithm.kty === 'OKP' && algorithm.crv) return { kty: 'OKP', crv: algorithm.crv, x: encodeBase64Url(key) };
  // An uncompressed point: 0x04, then x and y of equal length.
  if (algorithm.kty === 'EC' && algorithm.crv && key[0] === 0x04 && key.length % 2 === 1 && key.length > 1) {
    const half = (key.length - 1) / 2;
    return {
      kty: 'EC',
      crv: algorithm.crv,
      x: encodeBase64Url(key.subarray(1, 1 + half)),
      y: encodeBase64Url(key.subarray(1 + half)),
    };
  }
  return undefined;
}

/** The curves of the table's EC algorithms: Web Crypto imports every sound key on them. */
const IMPORTABLE_CURVES = new Set(
  ALGORITHM_NAMES.flatMap((name): string[] => {
    const entry: AlgorithmEntry = ALGORITHMS[name];
    return entry.crv ? [entry.crv] : [];
  }),
);

type BlockKey = { jwk: JWK } | { unsupported: KeyAlgorithm } | { malformed: string };

/** The public key of a SubjectPublicKeyInfo: imported, or read from its bits, or why neither works. */
async function publicKeyOf(spki: Uint8Array): Promise<BlockKey> {
  const info = readPublicKeyInfo(spki);
  if (!info) return { malformed: 'its bytes are not a public key structure (SubjectPublicKeyInfo)' };
  const jwk =
    (await firstImport((alg) => importSPKI(toPem('PUBLIC KEY', spki), alg, { extractable: true }))) ??
    jwkFromKeyBits(info);
  if (jwk) return { jwk };
  // RSA and the NIST curves always import when their bytes are sound.
  if (info.algorithm.kty === 'RSA' || IMPORTABLE_CURVES.has(info.algorithm.crv ?? ''))
    return { malformed: `its ${info.algorithm.kty} key bytes are damaged` };
  return { unsupported: info.algorithm };
}

/** The key a PEM block holds, as a JWK (private members included for a private key), or why there is none. */
async function pemBlockKey(block: PemBlock): Promise<BlockKey & { isPrivate: boolean }> {
  switch (block.label) {
    case 'PUBLIC KEY':
      return { ...(await publicKeyOf(block.der)), isPrivate: false };
    case 'RSA PUBLIC KEY':
      return { ...(await publicKeyOf(pkcs1ToSpki(block.der))), isPrivate: false };
    case 'CERTIFICATE': {
      const spki = certificatePublicKeyInfo(block.der);
      return {
        ...(spki ? await publicKeyOf(spki) : { malformed: 'its bytes are not an X.509 certificate' }),
        isPrivate: false,
      };
    }
    case 'PRIVATE KEY':
    case 'RSA PRIVATE KEY': {
      const pkcs8 = block.label === 'PRIVATE KEY' ? block.der : pkcs1PrivateToPkcs8(block.der);
      const jwk = await firstImport((alg) => importPKCS8(toPem('PRIVATE KEY', pkcs8), alg, { extractable: true }));
      if (jwk) return { jwk, isPrivate: true };
      const algorithm = privateKeyAlgorithm(pkcs8);
      return {
        ...(algorithm ? { unsupported: algorithm } : { malformed: 'its bytes are not a private key structure' }),
        isPrivate: true,
      };
    }
    default:
      return {
        malformed: `it is a "${block.label}", not a public key, a certificate or a private key`,
        isPrivate: isPrivatePemLabel(block.label),
      };
  }
}

async function readPem(text: string, accepted: readonly AlgorithmName[]): Promise<KeyReading> {
  const blocks = readPemBlocks(text);
  if ('error' in blocks)
    return {
      form: 'pem',
      keys: [],
      errors: [finding('KEY_MALFORMED', `the PEM text could not be read: ${blocks.error}`)],
    };
  if (blocks.length > MAX_KEYS_PER_SET)
    return {
      form: 'pem',
      keys: [],
      errors: [
        finding('KEY_MALFORMED', `the text has ${blocks.length} PEM blocks; at most ${MAX_KEYS_PER_SET} are accepted`),
      ],
    };
  const keys: ReadKey[] = [];
  for (const [index, block] of blocks.entries()) {
    const name = `block ${index + 1}`;
    const found = await pemBlockKey(block);
    const privateProblem = finding(
      'KEY_IS_PRIVATE',
      `${name} is a private key ("${block.label}"). It is never stored; treat it as leaked, rotate it, and give only the public key`,
    );
    if ('jwk' in found) {
      const key = await readJwk(found.jwk, index, name, accepted);
      if (found.isPrivate) {
        // Named by its PEM label, never by the JWK members the import produced.
        key.problems = [privateProblem, ...key.problems.filter((problem) => problem.code !== 'KEY_IS_PRIVATE')];
      }
      keys.push(key);
      continue;
    }
    const key = blank(index, name);
    if (found.isPrivate) key.problems.push(privateProblem);
    if ('unsupported' in found) {
      const { kty, crv, oid } = found.unsupported;
      if (kty !== 'unknown') key.kty = kty;
      if (crv) key.crv = crv;
      const what =
        kty === 'unknown'
          ? `a key of a type RTC Doctor does not know (algorithm ${oid})`
          : `an ${describeType(kty, crv)} key`;
      key.problems.push(
        finding(
          'KEY_UNSUPPORTED_TYPE',
          `${name} holds ${what}, and no accepted algorithm uses it: ${describeAcceptedSet(accepted)}. Instead, ${unsupportedAdvice(accepted)}`,
        ),
      );
    } else if (!found.isPrivate)
      key.problems.push(finding('KEY_MALFORMED', `${name} cannot be read: ${found.malformed}`));
    keys.push(key);
  }
  return { form: 'pem', keys: markDuplicateKids(keys), errors: [] };
}

function markDuplicateKids(keys: ReadKey[]): ReadKey[] {
  const byKid = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key.kid !== null) byKid.set(key.kid, [...(byKid.get(key.kid) ?? []), index]);
  });
  for (const [kid, indexes] of byKid) {
    if (indexes.length < 2) continue;
    for (const index of indexes)
      keys[index]!.problems.push(
        finding('KEY_DUPLICATE_KID', `keys ${indexes.map((item) => item + 1).join(' and ')} share the kid "${kid}"`),
      );
  }
  return keys;
}

/** Reads a JWK set, a single JWK, or PEM blocks, as text or as parsed JSON, and states the facts of every key. */
export async function readKeys(input: string | unknown, options: ReadKeysOptions = {}): Promise<KeyReading> {
  const accepted = options.algorithms ?? SERVICE_ALGORITHMS;
  let value = input;
  if (typeof input === 'string') {
    if (input.includes('-----BEGIN')) return readPem(input, accepted);
    const nesting = excessiveNesting(input);
    if (nesting)
      return {
        form: 'jwk',
        keys: [],
        errors: [finding('KEY_MALFORMED', `the text is not read: ${nesting}, which no key set needs`)],
      };
    try {
      value = JSON.parse(input);
    } catch (cause) {
      return {
        form: 'jwk',
        keys: [],
        errors: [finding('KEY_MALFORMED', `the text is neither a PEM key nor valid JSON (${jsonFailure(cause)})`)],
      };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      form: 'jwk',
      keys: [],
      errors: [
        finding(
          'KEY_MALFORMED',
          'expected a JWK set ({"keys": […]}), a single JWK object or a PEM public key or certificate',
        ),
      ],
    };
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, 'keys'))
    return { form: 'jwk', keys: [await readJwk(record, 0, undefined, accepted)], errors: [] };
  if (!Array.isArray(record.keys))
    return { form: 'jwks', keys: [], errors: [finding('KEY_MALFORMED', '"keys" must be an array of JWK objects')] };
  if (record.keys.length > MAX_KEYS_PER_SET) {
    return {
      form: 'jwks',
      keys: [],
      errors: [
        finding('KEY_MALFORMED', `the set has ${record.keys.length} keys; at most ${MAX_KEYS_PER_SET} are accepted`),
      ],
    };
  }
  const keys: ReadKey[] = [];
  for (const [index, entry] of record.keys.entries()) keys.push(await readJwk(entry, index, undefined, accepted));
  return { form: 'jwks', keys: markDuplicateKids(keys), errors: [] };
}
