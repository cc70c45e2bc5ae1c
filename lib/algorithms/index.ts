/**
 * The one table of JWS algorithms (in the manner of jose's per-algorithm table): which key each needs, and
 * whether the collaboration service accepts it. Token rules, key checks, key selection, the key generator,
 * the docs' algorithm table and the error messages all read it; nothing else lists algorithms.
 *
 * The service's own list (its JWT authentication guide, "Supported algorithms"): RS256, RS384, RS512,
 * PS256, PS384, PS512, with RS256 recommended; symmetric algorithms such as HS256 are not supported.
 */

export type KeyType = 'RSA' | 'EC';

export interface AlgorithmEntry {
  /** What RFC 7518 §3 calls it. */
  readonly description: string;
  readonly kty: KeyType;
  /** EC only: the one curve this algorithm signs with. */
  readonly crv?: 'P-256' | 'P-384' | 'P-521';
  /** RSA only: the smallest modulus the service takes. */
  readonly minBits?: number;
  /** In the service's "Supported algorithms" list, so in the default accepted set. */
  readonly service: boolean;
}

export const MIN_RSA_BITS = 2048;

export const ALGORITHMS = {
  RS256: { description: 'RSASSA-PKCS1-v1_5 using SHA-256', kty: 'RSA', minBits: MIN_RSA_BITS, service: true },
  RS384: { description: 'RSASSA-PKCS1-v1_5 using SHA-384', kty: 'RSA', minBits: MIN_RSA_BITS, service: true },
  RS512: { description: 'RSASSA-PKCS1-v1_5 using SHA-512', kty: 'RSA', minBits: MIN_RSA_BITS, service: true },
  PS256: {
    description: 'RSASSA-PSS using SHA-256 and MGF1 with SHA-256',
    kty: 'RSA',
    minBits: MIN_RSA_BITS,
    service: true,
  },
  PS384: {
    description: 'RSASSA-PSS using SHA-384 and MGF1 with SHA-384',
    kty: 'RSA',
    minBits: MIN_RSA_BITS,
    service: true,
  },
  PS512: {
    description: 'RSASSA-PSS using SHA-512 and MGF1 with SHA-512',
    kty: 'RSA',
    minBits: MIN_RSA_BITS,
    service: true,
  },
  ES256: { description: 'ECDSA using P-256 and SHA-256', kty: 'EC', crv: 'P-256', service: false },
  ES384: { description: 'ECDSA using P-384 and SHA-384', kty: 'EC', crv: 'P-384', service: false },
  ES512: { description: 'ECDSA using P-521 and SHA-512', kty: 'EC', crv: 'P-521', service: false },
} as const satisfies Record<string, AlgorithmEntry>;

export type AlgorithmName = keyof typeof ALGORITHMS;

export const ALGORITHM_NAMES = Object.keys(ALGORITHMS) as AlgorithmName[];

/** The default accepted set: the service's list, in the table's order. */
export const SERVICE_ALGORITHMS: readonly AlgorithmName[] = ALGORITHM_NAMES.filter((name) => ALGORITHMS[name].service);

/** What the service recommends, and so what the key generator, the demo and the CLI's signer use by default. */
export const RECOMMENDED_ALGORITHM: AlgorithmName = 'RS256';

export function isAlgorithmName(value: string): value is AlgorithmName {
  return Object.hasOwn(ALGORITHMS, value);
}

const SYMMETRIC = /^HS\d+$/i;

/** "HS256" is a shared-secret (HMAC) algorithm: never an asymmetric signature the service can check. */
export function isSymmetricAlgorithm(name: string): boolean {
  return SYMMETRIC.test(name);
}

/** The public key a token signed with `alg` needs, in words: "an RSA key of 2048 bits or more", "an EC P-256 key". */
export function requiredKey(alg: AlgorithmName): string {
  const entry: AlgorithmEntry = ALGORITHMS[alg];
  return entry.kty === 'EC' ? `an EC ${entry.crv} key` : `an RSA key of ${entry.minBits} bits or more`;
}

/** The key pair to generate for `alg`: "an RSA key pair of 2048 bits or more", "an EC P-256 key pair". */
export function requiredKeyPair(alg: AlgorithmName): string {
  return requiredKey(alg).replace(' key', ' key pair');
}

/** Whether a key of this type (and curve) can check signatures made with `alg`. Size is judged separately. */
export function keyFitsAlgorithm(key: { kty: string; crv?: unknown }, alg: AlgorithmName): boolean {
  const entry: AlgorithmEntry = ALGORITHMS[alg];
  return entry.kty === key.kty && (entry.crv === undefined || entry.crv === key.crv);
}

/** The algorithms of `accepted` that a key of this type and curve can check, in the table's order. */
export function algorithmsForKey(
  key: { kty: string; crv?: unknown },
  accepted: readonly AlgorithmName[],
): AlgorithmName[] {
  return ALGORITHM_NAMES.filter((name) => accepted.includes(name) && keyFitsAlgorithm(key, name));
}

/** "RS256, RS384, RS512, PS256, PS384 and PS512" */
export function listAlgorithms(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether `accepted` is exactly the service's own list. */
export function isServiceSet(accepted: readonly AlgorithmName[]): boolean {
  return accepted.length === SERVICE_ALGORITHMS.length && SERVICE_ALGORITHMS.every((name) => accepted.includes(name));
}

/** The set in words for messages: "the service's RS256 … PS512", or "this check's RS256 and ES256". */
export function describeAcceptedSet(accepted: readonly AlgorithmName[]): string {
  return isServiceSet(accepted)
    ? `the service accepts only ${listAlgorithms(accepted)}`
    : `this check accepts ${listAlgorithms(accepted)}`;
}

/**
 * Reads an accepted set given by a deployment (RTC_DOCTOR_ALGORITHMS), a CLI flag or an API field: a
 * comma-separated list or an array. Only names from the table, in exact case; symmetric names, "none" and
 * anything unknown are refused with the reason, never silently dropped. Callers prefix the error with what
 * they read ("--algorithms: …").
 */
export function parseAlgorithmList(
  input: string | readonly unknown[],
): { algorithms: AlgorithmName[] } | { error: string } {
  const names =
    typeof input === 'string'
      ? input
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '')
      : [...input];
  if (names.length === 0)
    return { error: `the list is empty; name at least one of ${listAlgorithms(ALGORITHM_NAMES)}` };
  const algorithms: AlgorithmName[] = [];
  for (const name of names) {
    if (typeof name !== 'string')
      return { error: `algorithm names must be strings, not ${name === null ? 'null' : typeof name}` };
    if (isAlgorithmName(name)) {
      algorithms.push(name);
      continue;
    }
    const caseFix = ALGORITHM_NAMES.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (caseFix) return { error: `"${name}" must be written "${caseFix}" (algorithm names are case-sensitive)` };
    if (isSymmetricAlgorithm(name))
      return { error: `"${name}" is a shared-secret (HMAC) algorithm; the service only checks asymmetric signatures` };
    if (name.toLowerCase() === 'none') return { error: `"${name}" means an unsigned token, which is never accepted` };
    return {
      error: `${JSON.stringify(name)} is not an algorithm RTC Doctor knows; use ${listAlgorithms(ALGORITHM_NAMES)}`,
    };
  }
  return { algorithms: ALGORITHM_NAMES.filter((name) => algorithms.includes(name)) };
}
