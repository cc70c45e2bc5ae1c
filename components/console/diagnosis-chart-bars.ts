// The geometry of an account's diagnosis chart, apart from its markup so that it can be tested as numbers.
import type { AccountDiagnoses } from '@/lib/api/console-accounts';

/** Series colours, most frequent code first; each has a dark-theme shade with the same contrast on slate-900. */
export const SERIES_COLOURS = [
  'fill-brand-600 dark:fill-brand-300',
  'fill-amber-500 dark:fill-amber-300',
  'fill-rose-600 dark:fill-rose-400',
  'fill-emerald-600 dark:fill-emerald-400',
  'fill-violet-600 dark:fill-violet-400',
  'fill-sky-500 dark:fill-sky-300',
  'fill-orange-700 dark:fill-orange-400',
  'fill-slate-500 dark:fill-slate-300',
] as const;

export const CHART = { width: 600, height: 160, barGap: 4, axis: 18 } as const;

export interface ChartSegment {
  code: string;
  count: number;
  colour: string;
  y: number;
  height: number;
}

export interface ChartBar {
  day: string;
  total: number;
  x: number;
  width: number;
  segments: ChartSegment[];
}

/** A tick on the count axis: a round number no higher than the busiest day. */
export function axisTop(busiest: number): number {
  if (busiest <= 5) return Math.max(busiest, 1);
  const magnitude = 10 ** Math.floor(Math.log10(busiest));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((value) => value * 5 >= busiest)!;
  return Math.ceil(busiest / step) * step;
}

/** One stacked bar per day; each code's segment in the legend's order and colour, scaled to the axis top. */
export function chartBars(diagnoses: AccountDiagnoses): { bars: ChartBar[]; top: number } {
  const plotHeight = CHART.height - CHART.axis;
  const slot = CHART.width / Math.max(diagnoses.days.length, 1);
  const totals = diagnoses.days.map((day) => Object.values(day.counts).reduce((sum, count) => sum + count, 0));
  const top = axisTop(Math.max(0, ...totals));
  const bars = diagnoses.days.map((day, index) => {
    let stacked = 0;
    const segments = diagnoses.codes.flatMap((code, position) => {
      const count = day.counts[code.code] ?? 0;
      if (count === 0) return [];
      const height = (count / top) * plotHeight;
      stacked += height;
      return [{ code: code.code, count, colour: colourOf(position), y: plotHeight - stacked, height }];
    });
    return {
      day: day.day,
      total: totals[index]!,
      x: index * slot + CHART.barGap / 2,
      width: slot - CHART.barGap,
      segments,
    };
  });
  return { bars, top };
}

export function colourOf(position: number): string {
  return SERIES_COLOURS[position % SERIES_COLOURS.length]!;
}

/** "30 Jun": a chart's day label, in UTC like the days themselves. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** The last day in the window each code was counted, for "last seen" in the legend. */
export function lastSeen(diagnoses: AccountDiagnoses, code: string): string | undefined {
  return diagnoses.days.findLast((day) => (day.counts[code] ?? 0) > 0)?.day;
}
