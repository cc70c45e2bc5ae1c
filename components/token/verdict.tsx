'use client';

import Link from 'next/link';
import type { Ref } from 'react';
import { Button } from '@/components/ui/button';
import { listAlgorithms, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { errorDocsPath } from '@/lib/errors/summary';
import {
  ACCEPTED_HEADLINE,
  problemCount,
  rejectedHeadline,
  SIGNATURE_NOT_CHECKED,
  UNCHECKED_CONSEQUENCE,
  UNCHECKED_HEADLINE,
} from '@/lib/jwt/verdict';
import { STRUCTURAL_ERROR_CODES } from '@/lib/jwt/types';
import type { DebuggerDiagnosis } from './use-token-diagnosis';

type VerdictState = 'accepted' | 'rejected' | 'unchecked' | 'checking';

/** The page's reading of lib/jwt/verdict: the same three outcomes as the CLI, plus "checking" while keys are at work. */
function verdictState(diagnosis: DebuggerDiagnosis, hasKeys: boolean): VerdictState {
  if (diagnosis.errors.length > 0) return 'rejected';
  if (diagnosis.verifying) return 'checking';
  return hasKeys && diagnosis.verified ? 'accepted' : 'unchecked';
}

/** Rules 1–5 passed, so a signature was there to check, and no keys were given to check it. */
function signatureLeftUnchecked(diagnosis: DebuggerDiagnosis, hasKeys: boolean): boolean {
  return !hasKeys && diagnosis.errors.every((error) => !STRUCTURAL_ERROR_CODES.has(error.code));
}

/** The token's alg when the chosen set accepts it but the service's own list does not. */
function algorithmOnlyThisCheckAccepts(diagnosis: DebuggerDiagnosis): string | undefined {
  const alg = diagnosis.decoded?.header?.alg;
  return typeof alg === 'string' && !(SERVICE_ALGORITHMS as readonly string[]).includes(alg) ? alg : undefined;
}

/** A token that passes only because this check accepts more than the service does: said plainly, next to the verdict. */
function ServiceWouldRefuse({ alg }: { alg: string }) {
  return (
    <p
      data-testid="service-would-refuse"
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100"
    >
      The collaboration service itself would refuse this token: it accepts only {listAlgorithms(SERVICE_ALGORITHMS)},
      and this token is signed with {alg}.{' '}
      <Link href={errorDocsPath('TOKEN_UNSUPPORTED_ALG')} className="underline">
        Sign with one of those
      </Link>{' '}
      before using it with the editor.
    </p>
  );
}

const BOX = {
  accepted: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40',
  rejected: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40',
  unchecked: 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-900',
  checking: 'border-slate-200 dark:border-slate-700',
} as const;

/**
 * The full verdict, first in the result column. It is the page's one live region for the outcome, and the target
 * the compact verdict's "Details" button brings into view (hence the ref, the tabIndex and the scroll margin that
 * clears the sticky header).
 */
export function Verdict({
  diagnosis,
  hasKeys,
  setName,
  ref,
}: {
  diagnosis: DebuggerDiagnosis;
  hasKeys: boolean;
  setName: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const state = verdictState(diagnosis, hasKeys);
  const refusedAlg = algorithmOnlyThisCheckAccepts(diagnosis);
  const keyName = diagnosis.verified?.key?.kid ? `the key "${diagnosis.verified.key.kid}"` : 'a key without kid';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      data-verdict={state}
      className={`scroll-mt-20 rounded-lg border p-4 focus:outline-2 focus:outline-brand-500 ${BOX[state]}`}
    >
      {state === 'rejected' && (
        <>
          <p className="font-semibold text-red-900 dark:text-red-100">{rejectedHeadline(diagnosis.errors.length)}</p>
          {signatureLeftUnchecked(diagnosis, hasKeys) && (
            <p className="mt-1 text-sm text-red-900 dark:text-red-200">{SIGNATURE_NOT_CHECKED}</p>
          )}
        </>
      )}
      {state === 'checking' && <p>Checking the signature…</p>}
      {state === 'unchecked' && (
        <>
          <p className="font-semibold">{UNCHECKED_HEADLINE}</p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {UNCHECKED_CONSEQUENCE} Paste them, or give the account’s API key, to check it as the service will.
          </p>
          {refusedAlg && <ServiceWouldRefuse alg={refusedAlg} />}
        </>
      )}
      {state === 'accepted' && (
        <>
          <p className="font-semibold text-emerald-900 dark:text-emerald-100">
            {refusedAlg ? `Accepted under ${setName}.` : ACCEPTED_HEADLINE}
          </p>
          <p className="mt-1 text-sm text-emerald-900 dark:text-emerald-200">
            Signature verified with {keyName}
            {diagnosis.keySource?.kind === 'account'
              ? `, registered on ${diagnosis.keySource.account.name}: accepted as the service sees it.`
              : '.'}
          </p>
          {refusedAlg && <ServiceWouldRefuse alg={refusedAlg} />}
        </>
      )}
    </div>
  );
}

const COMPACT = {
  accepted: {
    mark: '✓',
    text: () => 'Will be accepted',
    className:
      'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-50',
  },
  rejected: {
    mark: '✗',
    text: (count: number) => `Rejected: ${problemCount(count)}`,
    className: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50',
  },
  unchecked: {
    mark: '?',
    text: () => 'Well formed; signature not checked',
    className:
      'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
  },
  checking: {
    mark: '…',
    text: () => 'Checking…',
    className: 'border-slate-200 text-slate-900 dark:border-slate-700 dark:text-slate-100',
  },
} as const;

/**
 * One line of verdict right under the token, for narrow screens where the result column starts far below: what the
 * user just pasted is judged where they are looking. Hidden from `lg` up, where the result column sits beside the
 * input. Not a live region: the full verdict is, and one announcement is enough.
 */
export function CompactVerdict({
  diagnosis,
  hasKeys,
  onShowDetails,
  ref,
}: {
  diagnosis: DebuggerDiagnosis;
  hasKeys: boolean;
  onShowDetails: () => void;
  ref?: Ref<HTMLDivElement>;
}) {
  const state = verdictState(diagnosis, hasKeys);
  const look = COMPACT[state];
  return (
    <div
      ref={ref}
      data-compact-verdict={state}
      className={`mt-2 flex scroll-mt-20 scroll-mb-4 items-center gap-2 rounded-md border px-3 py-2 text-sm lg:hidden ${look.className}`}
    >
      <span aria-hidden="true" className="font-bold">
        {look.mark}
      </span>
      <span className="min-w-0 flex-1 font-semibold">{look.text(diagnosis.errors.length)}</span>
      <Button variant="secondary" size="xs" onClick={onShowDetails}>
        Details <span aria-hidden="true">↓</span>
      </Button>
    </div>
  );
}
