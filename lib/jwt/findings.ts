import { ERROR_CATALOG, errorDocsPath, type ErrorCode } from '@/lib/errors';
import { WARNING_CATALOG, type WarningCode } from '@/lib/errors/warnings';
import type { DiagnosisError, DiagnosisWarning } from './types';

/** An error in the catalog's words, followed by this token's particulars. */
export function tokenError(
  code: ErrorCode,
  detail: string,
  extra: Omit<DiagnosisError, 'code' | 'message' | 'title' | 'docs'> = {},
): DiagnosisError {
  const entry = ERROR_CATALOG[code];
  return { code, message: `${entry.message}. ${detail}`, title: entry.title, docs: errorDocsPath(code), ...extra };
}

export function tokenWarning(code: WarningCode, detail: string): DiagnosisWarning {
  const entry = WARNING_CATALOG[code];
  return { code, message: `${entry.title}: ${detail}`, docs: entry.docs };
}
