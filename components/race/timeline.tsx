'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { TimelineEntry } from '@/lib/race';
import { layoutTimeAxis } from '@/lib/race/time-axis';
import { laneName, TONE_DOT } from './timeline-entry';

// A dot is 1.75rem across (2.2rem while it is the current one); one level of a lane is 2.25rem tall.
const DOT_PX = 32;
const LEVEL_REM = 2.25;

/** The width of an element, followed as the window resizes; 0 until it has been measured. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The lanes drawn on a time axis: one row per client and one for the server, each event at its time. Events of a
 * lane too close to draw apart stack downwards. It always fits the width it is given, so it never scrolls
 * sideways. It is a picture of the event list below (hidden from screen readers, which read that list instead).
 */
export function Timeline({
  entries,
  lanes,
  position,
  onPick,
}: {
  entries: TimelineEntry[];
  lanes: Array<number | 'server'>;
  position: number;
  onPick?: (position: number) => void;
}) {
  const track = useRef<HTMLDivElement>(null);
  const width = useWidth(track);
  const timed = entries.some((entry) => entry.at !== undefined);
  const axis = useMemo(
    () =>
      layoutTimeAxis(
        entries.map((entry) => ({ at: timed ? (entry.at ?? 0) : entry.index + 1, lane: entry.lane })),
        { minGap: width > 0 ? DOT_PX / width : 0.06, maxTicks: width > 0 ? Math.max(2, Math.floor(width / 50)) : 6 },
      ),
    [entries, timed, width],
  );
  const now = position > 0 ? axis.placements[position - 1]?.x : undefined;
  const left = (x: number) => `${x * 100}%`;

  return (
    <div
      aria-hidden="true"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
      data-testid="race-timeline"
    >
      <div className="grid grid-cols-[4.25rem_minmax(0,1fr)] items-start gap-y-1 sm:grid-cols-[5.5rem_minmax(0,1fr)]">
        <div className="text-xs leading-5 font-semibold text-slate-600 dark:text-slate-300">
          {timed ? 'time (ms)' : 'event'}
        </div>
        <div
          ref={track}
          className="relative mx-4 h-5 border-b border-slate-300 dark:border-slate-600"
          data-testid="race-axis"
        >
          {axis.ticks.map((tick) => (
            <span
              key={tick.at}
              className="absolute top-0 -translate-x-1/2 text-[0.7rem] leading-4 text-slate-600 tabular-nums dark:text-slate-300"
              style={{ left: left(tick.x) }}
              data-tick={tick.at}
            >
              {tick.at}
            </span>
          ))}
        </div>
        {lanes.map((lane) => {
          const levels = axis.levels[String(lane)] ?? 1;
          return (
            <div key={String(lane)} className="contents">
              <div className="truncate pr-1 text-sm leading-9 font-semibold">{laneName(lane)}</div>
              <div className="relative mx-4" style={{ height: `${levels * LEVEL_REM}rem` }}>
                {axis.ticks.map((tick) => (
                  <div
                    key={tick.at}
                    className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800"
                    style={{ left: left(tick.x) }}
                  />
                ))}
                <div
                  className="absolute inset-x-0 h-px bg-slate-200 dark:bg-slate-700"
                  style={{ top: `${LEVEL_REM / 2}rem` }}
                />
                {now !== undefined && (
                  <div
                    className="absolute left-0 h-0.5 bg-slate-400 dark:bg-slate-500"
                    style={{ top: `calc(${LEVEL_REM / 2}rem - 1px)`, width: left(now) }}
                  />
                )}
                {entries.map((entry, index) => {
                  if (entry.lane !== lane) return null;
                  const placement = axis.placements[index]!;
                  const happened = entry.index < position;
                  const current = entry.index === position - 1;
                  return (
                    <div
                      key={entry.index}
                      onClick={onPick ? () => onPick(entry.index + 1) : undefined}
                      data-current={current || undefined}
                      data-at={entry.at}
                      data-level={placement.level}
                      className={`absolute flex size-7 -translate-x-1/2 items-center justify-center rounded-full border-2 text-xs font-bold transition-transform duration-300 ${onPick ? 'cursor-pointer' : ''} ${
                        happened
                          ? TONE_DOT[entry.tone]
                          : 'border-slate-300 bg-white text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-400'
                      } ${current ? 'z-10 scale-125 ring-4 ring-brand-300 motion-safe:animate-pulse dark:ring-brand-700' : ''}`}
                      style={{ left: left(placement.x), top: `${placement.level * LEVEL_REM + 0.25}rem` }}
                    >
                      {entry.step ?? '↻'}
                    </div>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
