import type { JWK } from 'jose';

import { ERROR_SUMMARIES } from '@/lib/errors/summary';
import { readKeys, type KeyFinding, type KeyReading, type ReadKey, type ReadKeysOptions } from './read';

export type { KeyFinding } from './read';
export { MAX_KEYS_PER_SET } from './read';

/** A key as the contract §2 report gives it: the reader's facts, with the policy's verdict. */
export interface CheckedKey extends Pick<ReadKey, 'kty' | 'bits' | 'crv' | 'thumbprint'> {
  /** The key's kid; for a key without one, its thumbprint, offered as the kid to use. */
  kid: string | null;
  /** The key's "alg", or the first accepted algorithm that fits it. */
  alg: string | null;
  /** The public members only, ready to store; null when the key is refused. */
  publicJwk: JWK | null;
  errors: KeyFinding[];
  warnings: KeyFinding[];
}

export interface KeyCheckResult {
  ok: boolean;
  keys: CheckedKey[];
  errors: KeyFinding[];
}

/** The strict policy over the reader's facts, for uploads: every problem refuses the key. */
export function strictKeyCheck(reading: KeyReading): KeyCheckResult {
  const errors = [...reading.errors];
  if (reading.form === 'jwks' && reading.keys.length === 0 && errors.length === 0) {
    errors.push({
      code: 'KEY_MALFORMED',
      message: `${ERROR_SUMMARIES.KEY_MALFORMED.message}: the key set is empty`,
      docs: ERROR_SUMMARIES.KEY_MALFORMED.docs,
    });
  }
  const keys = reading.keys.map((key): CheckedKey => {
    const kid = key.kid ?? key.thumbprint;
    const usable = key.publicJwk !== null && key.problems.length === 0;
    return {
      kid,
      kty: key.kty,
      alg: key.alg ?? key.algorithms[0] ?? null,
      ...(key.bits !== undefined ? { bits: key.bits } : {}),
      ...(key.crv !== undefined ? { crv: key.crv } : {}),
      thumbprint: key.thumbprint,
      publicJwk: usable ? { ...key.publicJwk, kid: kid! } : null,
      errors: key.problems,
      warnings: key.notes,
    };
  });
  return { ok: errors.length === 0 && keys.length > 0 && keys.every((key) => key.errors.length === 0), keys, errors };
}

/** Contract §2: every key of a PEM text, JWK or JWK set, validated against the accepted set and fingerprinted. */
export async function checkKeys(input: string, options: ReadKeysOptions = {}): Promise<KeyCheckResult> {
  return strictKeyCheck(await readKeys(input, options));
}

/** The contract §2 shape, as the CLI, the API and the upload errors report it: without each key's stored form. */
export function keyCheckReport(result: KeyCheckResult) {
  return { ...result, keys: result.keys.map(({ publicJwk: _publicJwk, ...key }) => key) };
}

/**
 * The keys of a result that passed (`ok`), in the form the store keeps. Only an "alg" the key itself names is
 * kept: the report's inferred one is for display, and storing it would restrict an RSA key to RS256 alone.
 */
export function storableKeys(
  result: KeyCheckResult,
): { kid: string; kty: string; alg: string | null; jwk: Record<string, unknown>; thumbprint: string }[] {
  if (!result.ok) throw new Error('Only a key check without errors can be stored.');
  return result.keys.map((key) => ({
    kid: key.kid!,
    kty: key.kty!,
    alg: typeof key.publicJwk?.alg === 'string' ? key.publicJwk.alg : null,
    jwk: key.publicJwk as Record<string, unknown>,
    thumbprint: key.thumbprint!,
  }));
}
