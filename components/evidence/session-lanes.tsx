import type { EvidenceFinding } from '@/lib/evidence';

type SessionCall = Extract<EvidenceFinding, { kind: 'session' }>;
type Race = Extract<EvidenceFinding, { kind: 'race' }>;

/**
 * The session calls of one document on a time line with their real timings, one lane per call, as the race
 * visualizer lays out its clients: where each started, how long it took, and what it got back.
 */
export function SessionLanes({ documentId, calls, race }: { documentId: string; calls: SessionCall[]; race?: Race }) {
  const starts = calls.map((call) => Date.parse(call.at));
  const start = Math.min(...starts);
  const end = Math.max(...calls.map((call, index) => starts[index]! + call.durationMs));
  const span = Math.max(1, end - start);
  return (
    <figure className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <figcaption className="text-sm">
        <span className="font-semibold">
          Document <code>{documentId}</code>
        </span>
        {race && (
          <span className="text-slate-700 dark:text-slate-300">
            {' '}
            · {race.creators} creators,{' '}
            {race.winner ? (
              <>
                won by hint <code>{race.winner.keyHint}</code>
              </>
            ) : (
              'no winner in the capture'
            )}
            , {race.rejected} rejected;{' '}
            {race.loserAskedForWinnersKey
              ? 'a loser then asked for the winner’s key.'
              : 'no loser asked for the winner’s key afterwards.'}
          </span>
        )}
      </figcaption>
      <ol className="mt-3 space-y-2" aria-label={`Session calls for ${documentId}, in order`}>
        {calls.map((call, index) => {
          const left = ((starts[index]! - start) / span) * 100;
          const width = Math.max(1.5, (call.durationMs / span) * 100);
          const won = call.outcome === 'created';
          return (
            <li key={`${call.at}-${index}`} className="text-xs">
              <div className="flex flex-wrap justify-between gap-x-3">
                <span className="font-mono">
                  +{starts[index]! - start} ms · {call.call === 'create' ? 'create' : 'event stream'}
                  {call.sentKeyHint ? ` with hint ${call.sentKeyHint}` : ''}
                </span>
                <span>
                  {call.status}
                  {call.outcome ? ` ${call.outcome}` : ''}
                  {call.keyHint ? `, hint ${call.keyHint}` : ''} · {call.durationMs} ms
                </span>
              </div>
              <div className="relative mt-1 h-2 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                <div
                  className={`absolute inset-y-0 rounded ${won ? 'bg-emerald-600' : call.outcome === 'rejected' ? 'bg-amber-600' : 'bg-brand-600'}`}
                  style={{ left: `${Math.min(left, 98.5)}%`, width: `${Math.min(width, 100 - Math.min(left, 98.5))}%` }}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
