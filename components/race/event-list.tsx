import type { TimelineEntry } from '@/lib/race';
import { laneName, stepLabel, TONE_DOT } from './timeline-entry';

const TONE_WORD = { info: '', good: 'OK: ', bad: 'Breaks: ' } as const;

/** The timeline as an ordered list: what screen readers read, and a log for everyone. */
export function EventList({
  entries,
  position,
  onPick,
  label = 'Events in order',
}: {
  entries: TimelineEntry[];
  position: number;
  onPick?: (position: number) => void;
  label?: string;
}) {
  return (
    <ol aria-label={label} className="space-y-1.5" data-testid="race-events">
      {entries.map((entry) => {
        const happened = entry.index < position;
        const current = entry.index === position - 1;
        const body = (
          <>
            <span
              className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold ${happened ? TONE_DOT[entry.tone] : 'border-slate-300 text-slate-500 dark:border-slate-600 dark:text-slate-400'}`}
              aria-hidden="true"
            >
              {entry.step ?? '↻'}
            </span>
            <span className="min-w-0">
              <span className="block text-xs font-semibold text-slate-600 dark:text-slate-300">
                {stepLabel(entry.step)} · {laneName(entry.lane)}
                {entry.at !== undefined && ` · ${entry.at} ms`}
                {!happened && <span className="sr-only"> (not yet)</span>}
              </span>
              <span className="block text-sm">
                {TONE_WORD[entry.tone] && <span className="sr-only">{TONE_WORD[entry.tone]}</span>}
                {entry.text}
              </span>
              {entry.detail && (
                <code className="mt-1 block overflow-x-auto text-xs break-all whitespace-pre-wrap text-slate-700 dark:text-slate-300">
                  {entry.detail}
                </code>
              )}
            </span>
          </>
        );
        const frame = `flex w-full gap-3 rounded-md border px-3 py-2 text-left ${
          current ? 'border-brand-500 bg-brand-50 dark:border-brand-400 dark:bg-brand-900/40' : 'border-transparent'
        } ${happened ? '' : 'text-slate-500 dark:text-slate-400'}`;
        return (
          <li
            key={entry.index}
            aria-current={current ? 'step' : undefined}
            data-tone={entry.tone}
            data-happened={happened}
          >
            {onPick ? (
              <button
                type="button"
                onClick={() => onPick(entry.index + 1)}
                className={`${frame} hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800`}
              >
                {body}
              </button>
            ) : (
              <div className={frame}>{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
