'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { decodeToken, diagnoseToken, loadKeySet, STRUCTURAL_ERROR_CODES, type Diagnosis, type DiagnosisError } from '@/lib/jwt';

const KEY_RULE_CODES = new Set<DiagnosisError['code']>(['JWKS_UNAVAILABLE', 'TOKEN_SIGNATURE_INVALID']);

export interface DebuggerDiagnosis {
  /** Rules 1–7, recomputed on every keystroke and every tick of the clock. */
  decoded: Diagnosis | null;
  /** Rules 8–9, when keys were given: the same library call the API and CLI make. */
  verified: Diagnosis | undefined;
  verifying: boolean;
  keyProblem?: string;
  errors: DiagnosisError[];
  warnings: Diagnosis['warnings'];
}

export function useTokenDiagnosis(token: string, keysText: string, now: number): DebuggerDiagnosis {
  const decoded = useMemo(() => (token.trim() ? decodeToken(token, { now }) : null), [token, now]);
  const keySet = useQuery({ queryKey: ['key-set', keysText], queryFn: () => loadKeySet(keysText), enabled: keysText.trim() !== '', staleTime: Infinity });
  const keys = keySet.data && !keySet.data.unreadable ? keySet.data : undefined;
  const structureSound = decoded !== null && decoded.errors.every((error) => !STRUCTURAL_ERROR_CODES.has(error.code));
  const verification = useQuery({
    queryKey: ['verify-token', token, keysText],
    queryFn: () => diagnoseToken(token, { keys: keys!.keys }),
    enabled: structureSound && keys !== undefined,
    staleTime: Infinity,
  });
  const verified = structureSound && keys ? verification.data : undefined;
  const errors = [...(decoded?.errors ?? []), ...(verified?.errors.filter((error) => KEY_RULE_CODES.has(error.code)) ?? [])];
  const warnings = [...(decoded?.warnings ?? []), ...(keys?.warnings ?? [])];
  return {
    decoded,
    verified,
    verifying: structureSound && (keySet.isFetching || verification.isFetching),
    keyProblem: keySet.data?.unreadable ? `These keys cannot be read: ${keySet.data.unreadable}.` : undefined,
    errors,
    warnings,
  };
}
