'use client';

import { useEffect, useRef } from 'react';
import { laneName, TONE_DOT, type TimelineEntry } from './timeline-entry';

/**
 * The lanes drawn as a grid: one row per client and one for the server, one column per event. It is a picture
 * of the event list below (hidden from screen readers, which read that list instead).
 */
export function Timeline({ entries, lanes, position, onPick }: { entries: TimelineEntry[]; lanes: Array<number | 'server'>; position: number; onPick?: (position: number) => void }) {
  const columns = `7rem repeat(${Math.max(entries.length, 1)}, minmax(2.25rem, 1fr))`;
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the grid scrolls sideways: keep the current event in view.
  useEffect(() => {
    const box = scroller.current;
    const dot = box?.querySelector<HTMLElement>('[data-current="true"]');
    if (!box || !dot) return;
    const offset = dot.getBoundingClientRect().left - box.getBoundingClientRect().left;
    if (offset < 112 || offset > box.clientWidth - 40) box.scrollLeft += offset - box.clientWidth / 2;
  }, [position]);
  return (
    <div ref={scroller} aria-hidden="true" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900" data-testid="race-timeline">
      <div className="grid min-w-max items-center gap-y-2" style={{ gridTemplateColumns: columns }}>
        <div className="text-xs font-semibold text-slate-500 dark:text-slate-400">{entries.some((entry) => entry.at !== undefined) ? 'ms' : 'event'}</div>
        {entries.map((entry) => (
          <div key={`t${entry.index}`} className="text-center text-[0.7rem] text-slate-500 tabular-nums dark:text-slate-400">
            {entry.at ?? entry.index + 1}
          </div>
        ))}
        {lanes.map((lane) => (
          <Lane key={String(lane)} lane={lane} entries={entries} position={position} onPick={onPick} />
        ))}
      </div>
    </div>
  );
}

function Lane({ lane, entries, position, onPick }: { lane: number | 'server'; entries: TimelineEntry[]; position: number; onPick?: (position: number) => void }) {
  return (
    <>
      <div className="pr-2 text-sm font-semibold whitespace-nowrap">{laneName(lane)}</div>
      {entries.map((entry) => {
        const mine = entry.lane === lane;
        const happened = entry.index < position;
        const current = entry.index === position - 1;
        return (
          <div key={entry.index} className="relative flex h-9 items-center justify-center">
            <div className={`absolute inset-x-0 top-1/2 h-px ${happened ? 'bg-slate-400 dark:bg-slate-500' : 'bg-slate-200 dark:bg-slate-700'}`} />
            {mine && (
              <div
                onClick={onPick ? () => onPick(entry.index + 1) : undefined}
                data-current={current || undefined}
                className={`relative flex size-7 cursor-pointer items-center justify-center rounded-full border-2 text-xs font-bold transition-transform duration-300 ${
                  happened ? TONE_DOT[entry.tone] : 'border-slate-300 bg-white text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-500'
                } ${current ? 'scale-125 ring-4 ring-brand-300 motion-safe:animate-pulse dark:ring-brand-700' : ''}`}
              >
                {entry.step ?? '↻'}
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
