import type { DiagnosisError } from './types';

/**
 * Without any keys the signature step cannot run. The result still carries JWKS_UNAVAILABLE and `ok: false`
 * (contract §1: `ok` exactly when `errors` is empty; the CLI exits 1 for anything not valid), but that is not a
 * fault found in the token. Every surface says so in these words, and counts only the token's own problems.
 */
export const NO_KEYS_FINDING = 'No public keys were given, so the signature was not checked';

export const SIGNATURE_NOT_CHECKED = 'Its signature is not checked yet.';
export const UNCHECKED_HEADLINE = `The token is well formed and in date. ${SIGNATURE_NOT_CHECKED}`;
export const UNCHECKED_CONSEQUENCE =
  'It is not a pass until its signature is checked against the account’s public keys.';
export const ACCEPTED_HEADLINE = 'This token will be accepted.';

export type VerdictKind = 'accepted' | 'rejected' | 'unchecked';

export function problemCount(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

export function rejectedHeadline(count: number): string {
  return `The service would reject this token: ${problemCount(count)}.`;
}

/** The errors that are faults of the token: all of them, less the "no keys were given" one when no keys were given. */
export function tokenProblems(errors: readonly DiagnosisError[], keysGiven: boolean): DiagnosisError[] {
  // With no keys, rule 8 never looked at a set, so JWKS_UNAVAILABLE can only mean that none was given.
  return keysGiven ? [...errors] : errors.filter((error) => error.code !== 'JWKS_UNAVAILABLE');
}

/** Rejected for any fault of the token; accepted only once a key verified it; otherwise not checked yet. */
export function verdictOf(
  diagnosis: { errors: readonly DiagnosisError[]; signatureChecked: boolean },
  keysGiven: boolean,
): VerdictKind {
  if (tokenProblems(diagnosis.errors, keysGiven).length > 0) return 'rejected';
  return keysGiven && diagnosis.signatureChecked ? 'accepted' : 'unchecked';
}
