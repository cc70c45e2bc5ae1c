'use client';

import dynamic from 'next/dynamic';
import type { Ref } from 'react';
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { describeChange, fixesForError, type ClaimChange, type Fix, type FixContext } from '@/lib/jwt/fixes';
import type { DiagnosisError } from '@/lib/jwt/types';
import { JsonView } from './json-view';
import { ProblemList } from './problem-list';
import { TimeClaims } from './time-claims';
import type { DebuggerDiagnosis } from './use-token-diagnosis';
import { Verdict } from './verdict';

// Six endpoint templates are more than most readers need: they load once a token is clean.
const EndpointCode = dynamic(() => import('./endpoint-code'), { ssr: false });

function isServiceAlgorithm(alg: unknown): alg is AlgorithmName {
  return typeof alg === 'string' && (SERVICE_ALGORITHMS as readonly string[]).includes(alg);
}

/**
 * Everything said about a decoded token, first in the result column: the verdict, the stale-signature note, the
 * last fix's diff, the findings with their fix buttons, the decoded parts, the times and, for a clean token, the
 * endpoint code. Loaded with the first token (next/dynamic), so the empty page does not carry it.
 */
export default function TokenResult({
  diagnosis,
  hasKeys,
  now,
  setName,
  verdictRef,
  stale,
  lastFix,
  fixContext,
  onFix,
}: {
  stale: boolean;
  lastFix?: { label: string; changes: ClaimChange[] };
  /** What the set-kid fix and the time fixes need: the clock, and the kid the keys at hand name. */
  fixContext: FixContext;
  onFix: (fix: Fix) => void;
  diagnosis: DebuggerDiagnosis;
  hasKeys: boolean;
  now: number;
  setName: string;
  verdictRef: Ref<HTMLDivElement>;
}) {
  const decoded = diagnosis.decoded!;
  const fixesOf = (error: DiagnosisError): Fix[] =>
    decoded.header && decoded.payload
      ? fixesForError(error, { header: decoded.header, payload: decoded.payload }, fixContext)
      : [];
  return (
    <>
      <Verdict ref={verdictRef} diagnosis={diagnosis} hasKeys={hasKeys} setName={setName} />
      {stale && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <strong>Signature is stale:</strong> the token was edited after it was signed, so its signature no longer
          matches. Add a private key under “Edit and re-sign” to sign it again.
        </p>
      )}
      {lastFix && (
        <div role="status" className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
          <p className="font-medium">{lastFix.label}: done.</p>
          <ul className="mt-1 font-mono text-xs">
            {lastFix.changes.map((change) => (
              <li key={`${change.part}-${change.name}`}>
                {change.part} {describeChange(change)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(diagnosis.errors.length > 0 || diagnosis.warnings.length > 0) && (
        <ProblemList errors={diagnosis.errors} warnings={diagnosis.warnings} fixesOf={fixesOf} onFix={onFix} />
      )}
      {decoded.header && <JsonView label="Header" value={decoded.header} accent="text-rose-700 dark:text-rose-400" />}
      {decoded.payload && (
        <JsonView label="Payload" value={decoded.payload} accent="text-violet-700 dark:text-violet-400" />
      )}
      {decoded.payload && <TimeClaims payload={decoded.payload} now={now} />}
      {diagnosis.errors.length === 0 && decoded.payload && isServiceAlgorithm(decoded.header?.alg) && (
        <EndpointCode
          alg={decoded.header.alg}
          kid={typeof decoded.header!.kid === 'string' ? decoded.header!.kid : undefined}
          payload={decoded.payload}
        />
      )}
    </>
  );
}
