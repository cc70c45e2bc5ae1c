import { MISS_KIND_LABELS, STATUS_LABELS } from './labels';
import type { FeedbackStatus, SearchMissKind } from '@/lib/feedback/values';

const BADGE = 'inline-block rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap';

/** The reader's vote, in words and colour (colour alone would say nothing to a screen reader or in grey scale). */
export function HelpfulBadge({ helpful }: { helpful: boolean }) {
  return helpful ? (
    <span className={`${BADGE} bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200`}>
      Helpful
    </span>
  ) : (
    <span className={`${BADGE} bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200`}>Not helpful</span>
  );
}

const STATUS_COLOURS: Record<FeedbackStatus, string> = {
  new: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  'in-progress': 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  done: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

export function StatusBadge({ status }: { status: FeedbackStatus }) {
  return <span className={`${BADGE} ${STATUS_COLOURS[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function MissKindBadge({ kind }: { kind: SearchMissKind }) {
  return (
    <span
      className={`${BADGE} ${kind === 'no-result' ? 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200' : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'}`}
    >
      {MISS_KIND_LABELS[kind]}
    </span>
  );
}
