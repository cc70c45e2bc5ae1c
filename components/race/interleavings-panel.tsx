'use client';

import { Button } from '@/components/ui/button';
import { clientName, describeOrdering, PROVIDERS, type ProviderBehaviour, type RaceOutcome } from '@/lib/race';
import { useInterleavings } from './use-interleavings';

function outcomeWords(outcome: RaceOutcome): string {
  if (!outcome.dataLost) return 'Everyone decrypts';
  const parts = [];
  if (outcome.cannotDecrypt.length > 0)
    parts.push(`${outcome.cannotDecrypt.map(clientName).join(', ')} cannot decrypt`);
  if (outcome.contentLost) parts.push('content lost');
  return parts.join('; ');
}

/** Every ordering of two clients' steps under one provider, counted in a Web Worker. */
export function InterleavingsPanel({
  provider,
  onPick,
}: {
  provider: ProviderBehaviour;
  onPick: (ordering: number[]) => void;
}) {
  const state = useInterleavings(2, provider);
  if (state.status === 'running') {
    return (
      <p role="status" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        Working through every ordering…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
      >
        <p className="font-semibold">The orderings could not be worked out.</p>
        <p className="mt-1 text-sm">{state.message}</p>
      </div>
    );
  }
  const { summary } = state;
  const lost = summary.losing > 0;
  return (
    <div className="space-y-4">
      <div
        role="status"
        data-testid="interleavings-summary"
        data-total={summary.total}
        data-losing={summary.losing}
        className={`rounded-lg border p-4 ${lost ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'}`}
      >
        <p className="font-semibold">
          {summary.losing} of {summary.total} orderings lose data with “{PROVIDERS[provider].label}”.
        </p>
        <p className="mt-1 text-sm">
          Each client asks for a session (1), makes its key (2) and gets its create-session to the server (3): A2 is A
          making its key. Every way of interleaving those six steps is one ordering; the broadcast and the loser’s key
          fetch follow.
          {summary.wins.map((wins, client) => ` ${clientName(client)} wins ${wins}.`).join('')}
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table className="w-full text-sm">
          <caption className="sr-only">Every ordering and what it loses</caption>
          <thead className="bg-slate-50 text-left dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-3 py-2">
                Ordering{' '}
                <span className="font-normal text-slate-600 dark:text-slate-300">(pick one to step through)</span>
              </th>
              <th scope="col" className="px-3 py-2">
                Winner
              </th>
              <th scope="col" className="px-3 py-2">
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.results.map(({ ordering, outcome }) => {
              const name = describeOrdering(ordering);
              return (
                <tr
                  key={ordering.join('')}
                  data-lost={outcome.dataLost}
                  className="border-t border-slate-200 dark:border-slate-700"
                >
                  <td className="px-3 py-1.5">
                    {/* The ordering is the button, so the table stays three columns narrow enough for a phone. */}
                    <Button
                      size="xs"
                      onClick={() => onPick(ordering)}
                      aria-label={`Step through ${name}`}
                      className="font-mono whitespace-nowrap"
                    >
                      {name}
                    </Button>
                  </td>
                  <td className="px-3 py-1.5">{clientName(outcome.winner)}</td>
                  <td
                    className={`px-3 py-1.5 ${outcome.dataLost ? 'font-medium text-red-800 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}`}
                  >
                    {outcomeWords(outcome)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
