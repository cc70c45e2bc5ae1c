import type { FeedbackStatus, SearchMissKind } from '@/lib/feedback/values';
import type { FeedbackEvent } from './types';

/** How the console names each status, in the filter, on the badges and in the history. */
export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: 'New',
  'in-progress': 'In progress',
  done: 'Done',
};

export const MISS_KIND_LABELS: Record<SearchMissKind, string> = {
  'no-result': 'No result',
  'not-opened': 'First result not opened',
};

function statusLabel(value: string | null): string {
  return value && value in STATUS_LABELS ? STATUS_LABELS[value as FeedbackStatus] : (value ?? 'none');
}

/** One line of an item's history, after who and when: "changed the status from New to Done". */
export function describeEvent(event: Pick<FeedbackEvent, 'action' | 'from' | 'to'>): string {
  if (event.action === 'status')
    return `changed the status from ${statusLabel(event.from)} to ${statusLabel(event.to)}`;
  if (!event.to) return 'removed the note';
  return `${event.from ? 'changed the note to' : 'added the note'} “${event.to}”`;
}
