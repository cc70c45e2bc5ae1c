export { decodeToken, diagnoseToken, DEFAULT_TOLERANCE_SECONDS, type DiagnoseOptions } from './diagnose';
export {
  STRUCTURAL_ERROR_CODES,
  type Diagnosis,
  type DiagnosisError,
  type DiagnosisWarning,
  type KeyAttempt,
  type TokenPart,
} from './types';
export { describeDuration, describeRelative, formatEpoch } from './duration';
export { lenientKeySet, loadKeySet, type LoadedKeySet, type PublicKeyEntry } from './key-set';
export { LONG_LIFETIME_SECONDS, RECOMMENDED_LIFETIME_SECONDS } from './lifetime';
export { cleanTokenInput, describeCleaning, type CleanedTokenInput } from './input';
export {
  ACCEPTED_HEADLINE,
  problemCount,
  rejectedHeadline,
  SIGNATURE_NOT_CHECKED,
  tokenProblems,
  UNCHECKED_CONSEQUENCE,
  UNCHECKED_HEADLINE,
  verdictOf,
  type VerdictKind,
} from './verdict';
