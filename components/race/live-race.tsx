'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { clientName, PROVIDERS, SAFE_PROVIDER_DOCS, type ProviderBehaviour, type RaceTiming } from '@/lib/race';
import { describeOverlap, liveTimeline, overlappingCreates, type LiveEvent } from '@/lib/race/live-order';
import { EventList } from './event-list';
import { Timeline } from './timeline';
import type { LiveOutcome } from './run-live-race';

/** Runs the scenario against this server's session API and shows the real answers as they come. */
export function LiveRace({
  clients,
  provider,
  timing,
}: {
  clients: number;
  provider: ProviderBehaviour;
  timing: RaceTiming;
}) {
  const [seen, setSeen] = useState<LiveEvent[]>([]);
  // Shown in the order each party saw things, not the order the browser did (see lib/race/live-order).
  const entries = useMemo(
    () =>
      liveTimeline(
        seen,
        timing.clients.map((client) => client.networkMs),
      ),
    [seen, timing],
  );
  const overlaps = useMemo(() => overlappingCreates(seen), [seen]);
  const run = useMutation({
    mutationFn: async () => {
      setSeen([]);
      // Loaded on the first run: most visits never use the live mode.
      const { runLiveRace } = await import('./run-live-race');
      return runLiveRace({ clients, provider, timing, onEntry: (entry) => setSeen((current) => [...current, entry]) });
    },
  });
  const lanes = [...Array.from({ length: clients }, (_, client) => client), 'server' as const];

  return (
    <div className="space-y-4" data-testid="live-race">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" onClick={() => run.mutate()} disabled={run.isPending}>
          {run.isPending ? 'Running…' : entries.length ? 'Run again' : 'Run against this server'}
        </Button>
        <p className="min-w-0 flex-1 basis-64 text-sm text-slate-700 dark:text-slate-300">
          Each run uses a fresh document id. Each client makes its key and sends create-session on the simulation’s
          timing, and the browser passes the request on when it would reach the server; the real network comes on top.
          Events are shown when their party saw them: what the server says reaches a client one network delay later.
        </p>
      </div>
      <div aria-live="polite">
        {run.isPending && (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-900">
            Racing {clients} clients against the session API…
          </p>
        )}
        {run.isError && (
          <div
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950/40"
            data-testid="live-error"
          >
            <p className="font-semibold text-red-900 dark:text-red-100">The live race could not finish.</p>
            <p className="mt-1 text-sm text-red-900 dark:text-red-200">{run.error.message}</p>
            <p className="mt-1 text-sm text-red-900 dark:text-red-200">
              The simulation does not need the server: switch to “Step through one race”.
            </p>
          </div>
        )}
        {run.isSuccess && <LiveVerdict outcome={run.data} provider={provider} />}
        {run.isSuccess &&
          overlaps.map((overlap) => (
            <p
              key={overlap.clients.join()}
              className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
              data-testid="live-overlap"
            >
              {describeOverlap(overlap, run.data.winner)}
            </p>
          ))}
      </div>
      {entries.length === 0 && !run.isPending && !run.isError && (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-600">
          <h3 className="font-semibold">Nothing run yet</h3>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            The live mode opens one event stream per client on <code>/api/sessions/&#123;documentId&#125;/events</code>,
            then sends every client’s <code>POST /api/sessions/&#123;documentId&#125;</code> at once (after its delays).
            The server picks the winner; the chosen provider decides whether the others can decrypt.
          </p>
        </div>
      )}
      {entries.length > 0 && (
        <>
          <Timeline entries={entries} lanes={lanes} position={entries.length} />
          <EventList entries={entries} position={entries.length} label="Live events in order" />
        </>
      )}
    </div>
  );
}

function LiveVerdict({ outcome, provider }: { outcome: LiveOutcome; provider: ProviderBehaviour }) {
  const lost = outcome.dataLost;
  return (
    <div
      role="status"
      data-testid="live-outcome"
      data-lost={lost}
      className={`rounded-lg border p-4 ${lost ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'}`}
    >
      <p className="font-semibold">
        The server chose {clientName(outcome.winner)} (key hint {outcome.winnerHint}).{' '}
        {lost
          ? `${outcome.cannotDecrypt.map(clientName).join(', ') || 'Nobody'} cannot decrypt${outcome.contentLost ? '; the content is lost on reopening' : ''}.`
          : 'Every client decrypts.'}
      </p>
      {lost && (
        <p className="mt-1 text-sm">
          <Link href={PROVIDERS[provider].docs} className="font-medium underline">
            Why this provider loses keys
          </Link>
          {' · '}
          <Link href={SAFE_PROVIDER_DOCS} className="font-medium underline">
            The corrected provider, in code
          </Link>
        </p>
      )}
    </div>
  );
}
