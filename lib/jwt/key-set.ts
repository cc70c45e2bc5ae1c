import type { JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { readKeys, type KeyProblemCode, type KeyReading } from '@/lib/jwk/read';
import { tokenWarning } from './findings';
import type { DiagnosisWarning } from './types';

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

export interface LoadedKeySet {
  keys: PublicKeyEntry[];
  warnings: DiagnosisWarning[];
  /** Set when the input is not a key set at all: callers treat that as bad input, not as a token problem. */
  unreadable?: string;
}

/** Problems the service could live with for one check: the key is still tried, with a warning. */
const TRIED_DESPITE: ReadonlySet<KeyProblemCode> = new Set(['KEY_IS_PRIVATE', 'KEY_DUPLICATE_KID', 'KEY_ALG_MISMATCH']);

/**
 * The lenient policy over the key reader's facts, for diagnosis: a key is tried unless the service could not
 * use it either (unreadable, a shared secret, too weak, a type no accepted algorithm uses); every problem the
 * upload check would refuse becomes a warning, so the debugger shows the same facts as the key check.
 */
export function lenientKeySet(reading: KeyReading): LoadedKeySet {
  const unreadable =
    reading.errors.length > 0 ||
    (reading.form !== 'jwks' &&
      reading.keys.length > 0 &&
      reading.keys.every((key) => key.problems.some((problem) => problem.code === 'KEY_MALFORMED')));
  if (unreadable) {
    const problems = reading.errors.length > 0 ? reading.errors : reading.keys.flatMap((key) => key.problems);
    return { keys: [], warnings: [], unreadable: problems.map((problem) => problem.message).join('; ') };
  }
  const keys: PublicKeyEntry[] = [];
  const warnings: DiagnosisWarning[] = [];
  for (const key of reading.keys) {
    const tried =
      key.publicJwk !== null &&
      key.thumbprint !== null &&
      key.kty !== null &&
      key.problems.every((problem) => TRIED_DESPITE.has(problem.code));
    if (tried)
      keys.push({ jwk: key.publicJwk!, kid: key.kid, kty: key.kty!, thumbprint: key.thumbprint!, index: key.index });
    for (const problem of key.problems) {
      if (problem.code === 'KEY_IS_PRIVATE') {
        warnings.push(
          tokenWarning(
            'JWKS_PRIVATE_KEY',
            `${problem.message}.${tried ? ' Only its public part was used for this check.' : ''}`,
          ),
        );
      } else if (tried) warnings.push(tokenWarning('JWKS_KEY_REFUSED_ON_UPLOAD', `${problem.message}.`));
      else warnings.push(tokenWarning('JWKS_KEY_SKIPPED', `${problem.message}.`));
    }
    // A private key with no public half to use (an encrypted or SEC1 PEM) is still a skipped key.
    if (!tried && key.problems.every((problem) => problem.code === 'KEY_IS_PRIVATE'))
      warnings.push(tokenWarning('JWKS_KEY_SKIPPED', `${key.name} was not used.`));
  }
  return { keys, warnings };
}

// Callers send the same key set again and again (every API request carries it); reading one means hashing
// and importing each key, so recent sets are kept, together with the keys imported from them.
const recentKeySets = new LRUCache<string, Promise<LoadedKeySet>>({ max: 64 });
const CACHEABLE_INPUT_LENGTH = 64 * 1024;

/** A JWK set, a JWK or PEM text, as the CLI's --jwks file or the API's jwks field provides it, judged against `algorithms`. */
export function loadKeySet(
  input: string | unknown,
  algorithms: readonly AlgorithmName[] = SERVICE_ALGORITHMS,
): Promise<LoadedKeySet> {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const read = async () => lenientKeySet(await readKeys(input, { algorithms }));
  if (text === undefined || text.length > CACHEABLE_INPUT_LENGTH) return read();
  const cacheKey = `${algorithms.join(',')}\n${text}`;
  let loaded = recentKeySets.get(cacheKey);
  if (!loaded) {
    loaded = read();
    recentKeySets.set(cacheKey, loaded);
  }
  return loaded;
}
