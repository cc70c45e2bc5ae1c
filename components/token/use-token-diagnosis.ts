'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { requestJson } from '@/components/request-json';
import type { AlgorithmName } from '@/lib/algorithms';
import { useDebouncedValue } from '@/components/use-debounced-value';
import type { Diagnosis, DiagnosisError } from '@/lib/jwt/types';
import type { KeySource } from '@/lib/accounts';

const KEY_RULE_CODES = new Set<DiagnosisError['code']>(['JWKS_UNAVAILABLE', 'TOKEN_SIGNATURE_INVALID']);

/** Keys pasted into the page (checked in this browser), or an account's registered keys (checked by this portal's API). */
export type DebuggerKeys = { kind: 'paste'; text: string } | { kind: 'account'; apiKey: string };

export type ServerDiagnosis = Diagnosis & { keySource: KeySource };

export interface DebuggerDiagnosis {
  /** Rules 1–7, recomputed on every keystroke and every tick of the clock. */
  decoded: Diagnosis | null;
  /** A token is there and the decoder is still loading (the first token of the visit). */
  reading: boolean;
  /** Rules 8–9, when keys were given: the same library call the API and CLI make. */
  verified: Diagnosis | undefined;
  /** In account mode: whose keys the server used. */
  keySource?: KeySource;
  verifying: boolean;
  keyProblem?: string;
  errors: DiagnosisError[];
  warnings: Diagnosis['warnings'];
}

export function hasKeys(keys: DebuggerKeys): boolean {
  return keys.kind === 'paste' ? keys.text.trim() !== '' : keys.apiKey.trim() !== '';
}

/** `algorithms` is the accepted set this check judges against (contract rule 5): every step below uses it. */
export function useTokenDiagnosis(
  token: string,
  keys: DebuggerKeys,
  now: number,
  algorithms: readonly AlgorithmName[],
): DebuggerDiagnosis {
  const present = token.trim() !== '';
  // The decoder and the error catalog load with the first token, not with the page.
  const decoder = useQuery({
    queryKey: ['token-decoder'],
    queryFn: () => import('@/lib/jwt/decode'),
    enabled: present,
    staleTime: Infinity,
  });
  const { decodeToken, STRUCTURAL_ERROR_CODES } = decoder.data ?? {};
  const decoded = useMemo(
    () => (present && decodeToken ? decodeToken(token, { now, algorithms }) : null),
    [present, decodeToken, token, now, algorithms],
  );
  const structureSound = decoded !== null && decoded.errors.every((error) => !STRUCTURAL_ERROR_CODES?.has(error.code));
  const pasted = usePastedKeyVerification(token, keys.kind === 'paste' ? keys.text : '', structureSound, algorithms);
  const account = useAccountVerification(
    token,
    keys.kind === 'account' ? keys.apiKey.trim() : '',
    structureSound,
    algorithms,
  );
  const check = keys.kind === 'paste' ? pasted : account;

  const verified = structureSound ? check.verified : undefined;
  const errors = [
    ...(decoded?.errors ?? []),
    ...(verified?.errors.filter((error) => KEY_RULE_CODES.has(error.code)) ?? []),
  ];
  const warnings = [...(decoded?.warnings ?? []), ...check.keyWarnings];
  return {
    decoded,
    reading: present && !decoded,
    verified,
    keySource: check.keySource,
    verifying: structureSound && check.fetching,
    keyProblem: check.problem,
    errors,
    warnings,
  };
}

interface KeyCheck {
  verified?: Diagnosis;
  keySource?: KeySource;
  keyWarnings: Diagnosis['warnings'];
  fetching: boolean;
  problem?: string;
}

// Key reading and signature checks need jose: loaded when keys are first given, not with the page.
const loadVerifier = () => import('@/lib/jwt');

function usePastedKeyVerification(
  token: string,
  keysText: string,
  structureSound: boolean,
  algorithms: readonly AlgorithmName[],
): KeyCheck {
  const keySet = useQuery({
    queryKey: ['key-set', keysText, algorithms],
    queryFn: async () => (await loadVerifier()).loadKeySet(keysText, algorithms),
    enabled: keysText.trim() !== '',
    staleTime: Infinity,
  });
  const keys = keySet.data && !keySet.data.unreadable ? keySet.data : undefined;
  const verification = useQuery({
    queryKey: ['verify-token', token, keysText, algorithms],
    queryFn: async () => (await loadVerifier()).diagnoseToken(token, { keys: keys!.keys, algorithms }),
    enabled: structureSound && keys !== undefined,
    staleTime: Infinity,
  });
  return {
    verified: keys ? verification.data : undefined,
    keyWarnings: keys?.warnings ?? [],
    fetching: keySet.isFetching || verification.isFetching,
    problem: keySet.data?.unreadable ? `These keys cannot be read: ${keySet.data.unreadable}.` : undefined,
  };
}

function useAccountVerification(
  token: string,
  apiKey: string,
  structureSound: boolean,
  algorithms: readonly AlgorithmName[],
): KeyCheck {
  // One request per pause in typing; the token goes to this portal's API only in this mode.
  const settled = { token: useDebouncedValue(token, 300), apiKey: useDebouncedValue(apiKey, 300) };
  const current = settled.token === token && settled.apiKey === apiKey;
  const verification = useQuery({
    queryKey: ['diagnose-with-account', settled.apiKey, settled.token, algorithms],
    queryFn: () =>
      requestJson<ServerDiagnosis>('/api/tokens/diagnose', {
        method: 'POST',
        body: JSON.stringify({ token: settled.token, apiKey: settled.apiKey, algorithms }),
      }),
    enabled: structureSound && settled.apiKey !== '' && current,
    staleTime: 30_000,
    retry: false,
  });
  const data = current && apiKey !== '' ? verification.data : undefined;
  return {
    verified: data,
    keySource: data?.keySource,
    keyWarnings: data?.warnings.filter((warning) => warning.code.startsWith('JWKS_')) ?? [],
    fetching: apiKey !== '' && (!current || verification.isFetching),
    problem: apiKey !== '' && verification.error ? verification.error.message : undefined,
  };
}
