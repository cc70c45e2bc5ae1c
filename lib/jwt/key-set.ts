import { LRUCache } from 'lru-cache';
import { readPublicKeys, type PublicKeyEntry } from '@/lib/jwk/read';
import { tokenWarning } from './findings';
import type { DiagnosisWarning } from './types';

export interface LoadedKeySet {
  keys: PublicKeyEntry[];
  warnings: DiagnosisWarning[];
  /** Set when the input is not a key set at all: callers treat that as bad input, not as a token problem. */
  unreadable?: string;
}

// Callers send the same key set again and again (every API request carries it); reading one means hashing
// and importing each key, so recent sets are kept, together with the keys imported from them.
const recentKeySets = new LRUCache<string, Promise<LoadedKeySet>>({ max: 64 });
const CACHEABLE_INPUT_LENGTH = 64 * 1024;

/** A JWK set, a JWK or PEM text, as the CLI's --jwks file or the API's jwks field provides it. */
export function loadKeySet(input: string | unknown): Promise<LoadedKeySet> {
  const cacheKey = typeof input === 'string' ? input : JSON.stringify(input);
  if (cacheKey === undefined || cacheKey.length > CACHEABLE_INPUT_LENGTH) return readKeySet(input);
  let loaded = recentKeySets.get(cacheKey);
  if (!loaded) {
    loaded = readKeySet(input);
    recentKeySets.set(cacheKey, loaded);
  }
  return loaded;
}

async function readKeySet(input: string | unknown): Promise<LoadedKeySet> {
  const read = await readPublicKeys(input);
  if (read.unreadable) return { keys: [], warnings: [], unreadable: read.problems.map((problem) => problem.message).join('; ') };
  const warnings = read.problems.map((problem) =>
    problem.code === 'KEY_IS_PRIVATE' && problem.index !== null && read.keys.some((key) => key.index === problem.index)
      ? tokenWarning('JWKS_PRIVATE_KEY', `${problem.message}. Treat that private key as leaked and rotate it.`)
      : tokenWarning('JWKS_KEY_SKIPPED', problem.code === 'KEY_IS_PRIVATE' ? `${problem.message}. Treat that private key as leaked and rotate it.` : `${problem.message}.`),
  );
  return { keys: read.keys, warnings };
}
