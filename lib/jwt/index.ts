export { decodeToken, diagnoseToken, DEFAULT_TOLERANCE_SECONDS, type DiagnoseOptions } from './diagnose';
export { ACCEPTED_ALGORITHMS, STRUCTURAL_ERROR_CODES, type AcceptedAlgorithm, type Diagnosis, type DiagnosisError, type DiagnosisWarning, type KeyAttempt, type TokenPart } from './types';
export { describeDuration, describeRelative, formatEpoch } from './duration';
export { loadKeySet, type LoadedKeySet } from './key-set';
