'use client';

import type { KeyAttempt } from '@/lib/jwt';

const OUTCOME_STYLE: Record<KeyAttempt['outcome'], { label: string; className: string }> = {
  verified: { label: 'Verified', className: 'bg-emerald-700 text-white' },
  'signature-mismatch': { label: 'No match', className: 'bg-red-700 text-white' },
  'not-applicable': { label: 'Not used', className: 'bg-slate-600 text-white' },
  unusable: { label: 'Unusable', className: 'bg-amber-700 text-white' },
};

/** What happened with each key of the set: verified, tried without a match, or not used and why. */
export function KeyAttemptList({ attempts }: { attempts: KeyAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Verdict per key">
      {attempts.map((attempt) => {
        const style = OUTCOME_STYLE[attempt.outcome];
        return (
          <li
            key={`${attempt.thumbprint}-${attempt.kid}`}
            className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
          >
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${style.className}`}>{style.label}</span>
            <span className="font-medium">{attempt.kid ? `kid "${attempt.kid}"` : 'key without kid'}</span>{' '}
            <span className="text-slate-600 dark:text-slate-300">
              ({attempt.kty}, thumbprint <code className="text-xs">{attempt.thumbprint.slice(0, 12)}…</code>):{' '}
              {attempt.reason}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
