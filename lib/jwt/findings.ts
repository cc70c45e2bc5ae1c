import { ERROR_SUMMARIES, WARNING_SUMMARIES, type ErrorCode, type WarningCode } from '@/lib/errors/summary';
import type { DiagnosisError, DiagnosisWarning } from './types';

/** An error in the catalog's words, followed by this token's particulars. */
export function tokenError(
  code: ErrorCode,
  detail: string,
  extra: Omit<DiagnosisError, 'code' | 'message' | 'title' | 'docs'> = {},
): DiagnosisError {
  const entry = ERROR_SUMMARIES[code];
  return { code, message: `${entry.message}. ${detail}`, title: entry.title, docs: entry.docs, ...extra };
}

export function tokenWarning(code: WarningCode, detail: string): DiagnosisWarning {
  const entry = WARNING_SUMMARIES[code];
  return { code, message: `${entry.message}: ${detail}`, docs: entry.docs };
}
