// Rules 1–7: no cryptography and no key handling, so the browser can run it on every keystroke without loading jose.
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { checkClaims } from './claims';
import { cleanTokenInput } from './input';
import { parseCompactToken } from './parse';
import type { ParsedToken } from './parse';
import type { PublicKeyEntry } from './key-set';
import type { Diagnosis, DiagnosisWarning } from './types';

// The debugger loads this module with the first token; what it needs to read a result comes along.
export { STRUCTURAL_ERROR_CODES } from './types';

export const DEFAULT_TOLERANCE_SECONDS = 30;

export interface DiagnoseOptions {
  /** The account's public keys. Undefined means no key set was given. */
  keys?: readonly PublicKeyEntry[];
  /** Warnings about the key set itself (skipped entries), passed through to the result. */
  keyWarnings?: readonly DiagnosisWarning[];
  /** Epoch seconds; defaults to the current time. */
  now?: number;
  /** Seconds; defaults to 30. */
  tolerance?: number;
  /** The accepted set (contract rule 5); defaults to the service's. */
  algorithms?: readonly AlgorithmName[];
  /** Names whose keys these are ("Account \"Acme\""), so key problems speak of that account rather than of "the set". */
  keySetName?: string;
}

function currentTime(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Rules 1–7 without any cryptography: instant, for decoding as someone types.
 * The signature is not checked (signatureChecked stays false).
 */
export function decodeToken(input: string, options: Omit<DiagnoseOptions, 'keys'> = {}): Diagnosis {
  return decodeWithStructure(input, options).diagnosis;
}

export function decodeWithStructure(
  input: string,
  options: Omit<DiagnoseOptions, 'keys'>,
): { diagnosis: Diagnosis; parsed?: ParsedToken } {
  const now = options.now ?? currentTime();
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  const cleaned = cleanTokenInput(input);
  const algorithms = options.algorithms ?? SERVICE_ALGORITHMS;
  const structure = parseCompactToken(cleaned.token, algorithms);
  const warnings = [...cleaned.warnings, ...structure.warnings, ...(options.keyWarnings ?? [])];
  const errors = [...structure.errors];
  if (structure.parsed) {
    const claims = checkClaims(structure.parsed.payload, { now, tolerance });
    errors.push(...claims.errors);
    warnings.push(...claims.warnings);
  }
  return {
    diagnosis: {
      ok: errors.length === 0,
      errors,
      warnings,
      header: structure.header,
      payload: structure.payload,
      key: null,
      keys: [],
      checkedAt: now,
      tolerance,
      algorithms: [...algorithms],
      signatureChecked: false,
    },
    parsed: structure.parsed,
  };
}
