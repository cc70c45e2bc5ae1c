import { compactVerify, errors as joseErrors, importJWK } from 'jose';
import { ALGORITHMS, keyFitsAlgorithm, requiredKey, type AlgorithmName } from '@/lib/algorithms';
import { describeType } from '@/lib/jwk/read';
import { tokenError } from './findings';
import type { PublicKeyEntry } from './key-set';
import type { DiagnosisError, KeyAttempt } from './types';

/** Why this key cannot check a token signed with `alg`, or undefined when it can. */
export function keyMismatch(key: PublicKeyEntry, alg: AlgorithmName): string | undefined {
  if (!keyFitsAlgorithm({ kty: key.kty, crv: key.jwk.crv }, alg))
    return `it is an ${describeType(key.kty, typeof key.jwk.crv === 'string' ? key.jwk.crv : undefined)} key; ${alg} needs ${requiredKey(alg)}`;
  if (typeof key.jwk.alg === 'string' && key.jwk.alg !== alg) return `its "alg" is ${key.jwk.alg}, not ${alg}`;
  if (key.jwk.use !== undefined && key.jwk.use !== 'sig')
    return `its "use" is ${JSON.stringify(key.jwk.use)}, not "sig"`;
  return undefined;
}

function label(key: PublicKeyEntry): string {
  return key.kid === null ? `key ${key.index + 1} (no kid)` : `key "${key.kid}"`;
}

function attempt(key: PublicKeyEntry, outcome: KeyAttempt['outcome'], reason: string): KeyAttempt {
  return { kid: key.kid, thumbprint: key.thumbprint, kty: key.kty, outcome, reason };
}

/**
 * Contract rule 8: keys come only from the account's set. With a kid, the key with that kid;
 * without one, every key whose type fits the algorithm.
 */
export function selectKeys(
  keys: readonly PublicKeyEntry[],
  alg: AlgorithmName,
  kid: unknown,
  keySetName?: string,
): { candidates: PublicKeyEntry[]; attempts: KeyAttempt[]; error?: DiagnosisError } {
  const where = keySetName ? 'this account' : 'the key set';
  if (keys.length === 0) {
    const detail = keySetName
      ? `${keySetName} has no public keys registered, so no token for it can be checked. Register the public half of the signing key on the account.`
      : 'The key set is empty: there is no public key to check the signature with.';
    const finding = keySetName ? 'This account has no public keys' : 'The key set is empty';
    return { candidates: [], attempts: [], error: tokenError('JWKS_UNAVAILABLE', detail, { finding }) };
  }
  const attempts: KeyAttempt[] = [];
  const candidates: PublicKeyEntry[] = [];
  const byKid = typeof kid === 'string';
  for (const key of keys) {
    if (byKid && key.kid !== kid) {
      attempts.push(
        attempt(key, 'not-applicable', `its kid is ${key.kid === null ? 'missing' : `"${key.kid}"`}, not "${kid}"`),
      );
      continue;
    }
    const mismatch = keyMismatch(key, alg);
    if (mismatch) attempts.push(attempt(key, 'not-applicable', mismatch));
    else candidates.push(key);
  }
  if (candidates.length) return { candidates, attempts };

  const count = `${keySetName ?? 'The set'} has ${keys.length} key${keys.length === 1 ? '' : 's'}`;
  let detail: string;
  let finding: string;
  if (byKid && !keys.some((key) => key.kid === kid)) {
    const kids = keys.map((key) => key.kid).filter((value) => value !== null);
    const known = kids.length
      ? ` (the kids are ${kids.map((value) => `"${value}"`).join(', ')})`
      : ` (no key in it has a kid: give the matching key "kid": "${kid}", or sign without a kid)`;
    detail = `${count}; none has kid "${kid}"${known}.`;
    finding = `No key in ${where} has kid "${kid}"`;
  } else {
    // No candidate means every key was ruled out, each with one attempt, in order.
    detail = `${count}; none can check a signature made with ${alg}${byKid ? ` with kid "${kid}"` : ''}: ${keys.map((key, index) => `${label(key)}: ${attempts[index]!.reason}`).join('; ')}.`;
    finding = `No key in ${where} can check this ${alg} signature${byKid ? ` with kid "${kid}"` : ''}`;
  }
  return {
    candidates,
    attempts,
    error: tokenError('JWKS_UNAVAILABLE', detail, {
      finding,
      ...(typeof kid === 'string' ? { part: 'header' as const } : {}),
    }),
  };
}

// Importing a key costs more than verifying with it; batches check many tokens against the same few keys.
const importedKeys = new WeakMap<PublicKeyEntry, Map<string, Promise<CryptoKey | Uint8Array>>>();

function importForAlgorithm(key: PublicKeyEntry, alg: AlgorithmName): Promise<CryptoKey | Uint8Array> {
  let byAlg = importedKeys.get(key);
  if (!byAlg) importedKeys.set(key, (byAlg = new Map()));
  let imported = byAlg.get(alg);
  if (!imported) {
    imported = importJWK({ ...key.jwk, alg }, alg);
    byAlg.set(alg, imported);
  }
  return imported;
}

/** Contract rule 9: the signature must verify with one of the candidate keys. */
export async function verifySignature(
  token: string,
  alg: AlgorithmName,
  candidates: readonly PublicKeyEntry[],
): Promise<{ verifiedBy?: PublicKeyEntry; attempts: KeyAttempt[]; error?: DiagnosisError }> {
  const attempts: KeyAttempt[] = [];
  for (const key of candidates) {
    try {
      const cryptoKey = await importForAlgorithm(key, alg);
      await compactVerify(token, cryptoKey, { algorithms: [alg] });
      attempts.push(attempt(key, 'verified', `the ${alg} signature verifies with this key`));
      return { verifiedBy: key, attempts };
    } catch (cause) {
      if (cause instanceof joseErrors.JWSSignatureVerificationFailed) {
        attempts.push(attempt(key, 'signature-mismatch', `the signature does not match this key`));
      } else {
        const reason = cause instanceof Error ? cause.message : String(cause);
        attempts.push(attempt(key, 'unusable', `this key could not be used: ${reason}`));
      }
    }
  }
  const detail =
    candidates.length === 1
      ? `It does not verify with ${label(candidates[0]!)}: ${attempts[0]!.reason}. The token was signed with a different private key, or changed after signing.`
      : `It does not verify with any of the ${candidates.length} keys that fit ${alg} (${candidates.map((key, index) => `${label(key)}: ${attempts[index]!.reason}`).join('; ')}).`;
  const ecdsaHint =
    ALGORITHMS[alg].kty === 'EC'
      ? ' ECDSA signatures must be the raw r||s form; a DER-encoded signature never verifies.'
      : '';
  return { attempts, error: tokenError('TOKEN_SIGNATURE_INVALID', detail + ecdsaHint, { part: 'signature' }) };
}
