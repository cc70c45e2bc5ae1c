import Link from 'next/link';
import { errorDocsPath } from '@/lib/errors/paths';
import {
  describeTokenGroup,
  findingsOf,
  groupTokenFindings,
  type EvidenceFinding,
  type TokenFinding,
} from '@/lib/evidence';
import { SessionLanes } from './session-lanes';

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold">
        {title} <span className="font-normal text-slate-600 dark:text-slate-300">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function TokenList({ tokens }: { tokens: TokenFinding[] }) {
  return (
    <details className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">Every token, where it was first seen</summary>
      <ul className="mt-2 space-y-2">
        {tokens.map((finding, index) => (
          <li key={index} data-token-finding={finding.result.ok ? 'ok' : 'problem'}>
            <span className="font-mono text-xs break-all">{finding.where}</span>
            {finding.seen > 1 ? ` (seen ${finding.seen} times)` : ''}:{' '}
            {finding.result.errors.length === 0
              ? 'no problems'
              : finding.result.errors.map((error) => error.code).join(', ')}
            {typeof finding.result.header?.kid === 'string' ? `, kid "${finding.result.header.kid}"` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The findings, grouped as support reads them: tokens by problem, then origins, session races, clocks. */
export function EvidenceFindings({ findings }: { findings: readonly EvidenceFinding[] }) {
  const tokens = findingsOf(findings, 'token');
  const origins = findingsOf(findings, 'origin');
  const calls = findingsOf(findings, 'session');
  const races = findingsOf(findings, 'race');
  const clocks = findingsOf(findings, 'clock');
  const documents = [...new Set(calls.map((call) => call.documentId))];
  return (
    <div className="space-y-8">
      <Section title="Tokens" count={tokens.length}>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">No JWT anywhere in this file.</p>
        ) : (
          <>
            <ul className="space-y-2">
              {groupTokenFindings(tokens).map((group) => (
                <li
                  key={group.code ?? 'ok'}
                  data-group={group.code ?? 'ok'}
                  className={`rounded-lg border p-3 text-sm ${group.code ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'}`}
                >
                  <span className="font-medium">{describeTokenGroup(group)}</span>
                  {group.docs && (
                    <>
                      {' '}
                      <Link href={group.docs} className="underline">
                        How to fix it
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <TokenList tokens={tokens} />
          </>
        )}
      </Section>
      {origins.length > 0 && (
        <Section title="Page origin" count={origins.length}>
          <ul className="space-y-2">
            {origins.map((origin) => (
              <li
                key={origin.origin}
                data-secure={origin.secure}
                className={`rounded-lg border p-3 text-sm ${origin.secure ? 'border-slate-200 dark:border-slate-700' : 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40'}`}
              >
                <p className="font-medium">
                  {origin.secure ? '✓' : '✗'} <code>{origin.origin}</code>{' '}
                  {origin.secure ? 'is a secure context' : 'is not a secure context'}
                </p>
                <p className="mt-1 text-slate-700 dark:text-slate-300">
                  {origin.reason} {origin.fix}{' '}
                  <Link href={origin.docs} className="underline">
                    {origin.secure ? 'About secure contexts' : 'How to fix it'}
                  </Link>
                </p>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Seen in {origin.where}</p>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {documents.length > 0 && (
        <Section title="Collaboration sessions" count={documents.length}>
          {documents.map((documentId) => (
            <SessionLanes
              key={documentId}
              documentId={documentId}
              calls={calls.filter((call) => call.documentId === documentId)}
              race={races.find((race) => race.documentId === documentId)}
            />
          ))}
        </Section>
      )}
      {clocks.length > 0 && (
        <Section title="Clocks" count={clocks.length}>
          <ul className="space-y-2 text-sm">
            {clocks.map((clock) => (
              <li key={clock.where} data-clock={clock.withinTolerance ? 'ok' : 'skewed'}>
                {clock.withinTolerance ? '✓' : '✗'} <code>{clock.where}</code>:{' '}
                {clock.aheadSeconds > 0
                  ? `a token's iat is ${clock.aheadSeconds} s ahead of the server's Date header`
                  : 'no token is ahead of the server’s Date header'}{' '}
                ({clock.serverDate}).{' '}
                {!clock.withinTolerance && (
                  <Link href={errorDocsPath('TOKEN_ISSUED_IN_FUTURE')} className="underline">
                    Token issued in the future
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
