import Link from 'next/link';
import { EmptyState } from '@/components/ui/query-states';
import type { AccountDiagnoses } from '@/lib/api/console-accounts';
import { CHART, chartBars, colourOf, lastSeen, shortDay } from './diagnosis-chart-bars';

/**
 * What an account's users hit: a stacked bar per UTC day for the last 30 days, one colour per error code,
 * a legend linking each code's docs page, and the same numbers as a table for screen readers and copying.
 */
export function DiagnosisChart({ diagnoses }: { diagnoses: AccountDiagnoses }) {
  if (diagnoses.codes.length === 0)
    return (
      <EmptyState>
        No account-mode check of this account&apos;s tokens found an error in the last {diagnoses.days.length} days.
      </EmptyState>
    );
  const { bars, top } = chartBars(diagnoses);
  const plotHeight = CHART.height - CHART.axis;
  const first = diagnoses.days[0]!.day;
  const last = diagnoses.days.at(-1)!.day;
  const titles = new Map(diagnoses.codes.map((code) => [code.code, code.title]));

  return (
    <figure className="space-y-4">
      <div className="flex gap-2">
        <div
          aria-hidden="true"
          className="flex flex-col justify-between pb-5 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400"
        >
          <span>{top}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${CHART.width} ${CHART.height}`}
          className="h-44 min-w-0 flex-1 overflow-visible"
          preserveAspectRatio="none"
          role="img"
          aria-label={`Errors found per day, ${shortDay(first)} to ${shortDay(last)}; the table below has the numbers.`}
        >
          <line
            x1={0}
            x2={CHART.width}
            y1={plotHeight}
            y2={plotHeight}
            className="stroke-slate-300 dark:stroke-slate-600"
          />
          {bars.map((bar) => (
            <g key={bar.day} data-day={bar.day}>
              <title>
                {`${bar.day}: ${bar.total === 0 ? 'no errors' : bar.segments.map((segment) => `${titles.get(segment.code)} ${segment.count}`).join(', ')}`}
              </title>
              {/* The whole column takes the hover, so a day with a short bar still shows its numbers. */}
              <rect x={bar.x} y={0} width={bar.width} height={plotHeight} className="fill-transparent" />
              {bar.segments.map((segment) => (
                <rect
                  key={segment.code}
                  x={bar.x}
                  y={segment.y}
                  width={bar.width}
                  height={segment.height}
                  className={segment.colour}
                />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <div aria-hidden="true" className="-mt-3 flex justify-between pl-6 text-xs text-slate-600 dark:text-slate-400">
        <span>{shortDay(first)}</span>
        <span>{shortDay(last)} (today, UTC)</span>
      </div>
      <figcaption>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {diagnoses.codes.map((code, position) => (
            <li key={code.code} className="flex items-baseline gap-2">
              <svg aria-hidden="true" viewBox="0 0 10 10" className="h-3 w-3 shrink-0">
                <rect width={10} height={10} rx={2} className={colourOf(position)} />
              </svg>
              <span className="min-w-0">
                {code.docs ? (
                  <Link href={code.docs} className="font-medium text-brand-700 underline dark:text-brand-300">
                    {code.title}
                  </Link>
                ) : (
                  <span className="font-medium">{code.title}</span>
                )}{' '}
                <code className="text-xs break-all text-slate-600 dark:text-slate-400">{code.code}</code>
                <span className="block text-slate-600 dark:text-slate-400">
                  {code.total} in {diagnoses.days.length} days, last on {shortDay(lastSeen(diagnoses, code.code)!)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 dark:text-brand-300">Show as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left tabular-nums">
            <caption className="sr-only">Errors found per day and code</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Day (UTC)
                </th>
                {diagnoses.codes.map((code) => (
                  <th key={code.code} scope="col" className="py-1 pr-4 font-medium">
                    {code.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {diagnoses.days
                .filter((day) => Object.keys(day.counts).length > 0)
                .map((day) => (
                  <tr key={day.day} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1 pr-4 font-normal">
                      {day.day}
                    </th>
                    {diagnoses.codes.map((code) => (
                      <td key={code.code} className="py-1 pr-4">
                        {day.counts[code.code] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
