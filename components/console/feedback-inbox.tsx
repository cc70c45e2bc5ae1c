'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { requestJson } from '@/components/request-json';
import { useDebouncedValue } from '@/components/use-debounced-value';
import { FeedbackDetailDialog } from './feedback-detail-dialog';
import { FeedbackTable } from './feedback-table';
import { InboxFilterForm } from './inbox-filter-form';
import { filtersQuery, hasFilters, inboxSearch, type InboxQuery } from './inbox-query';
import { FEEDBACK_LIST_KEY } from './query-keys';
import type { FeedbackListBody } from './types';
import { EmptyState, LoadError } from '@/components/ui/query-states';

/** Typing pauses this long before the list is asked for again. */
const TYPING_PAUSE_MS = 300;

/**
 * Readers' feedback, newest first, filtered as the query string says (`initial`, read by the server so the first
 * paint has the shared link's filters); the filters and the open item are written back to the address bar.
 */
export function FeedbackInbox({ initial }: { initial: InboxQuery }) {
  const [draft, setDraft] = useState(initial.filters);
  const [openId, setOpenId] = useState(initial.item);
  const page = useDebouncedValue(draft.page, TYPING_PAUSE_MS);
  const q = useDebouncedValue(draft.q, TYPING_PAUSE_MS);
  const filters = { ...draft, page, q };
  const query = filtersQuery(filters);
  const list = useQuery({
    queryKey: [...FEEDBACK_LIST_KEY, query],
    queryFn: () => requestJson<FeedbackListBody>(`/api/console/feedback${query ? `?${query}` : ''}`),
    // While a new filter loads, the old list stays on screen rather than flashing empty.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const search = inboxSearch({ filters, item: openId });
  useEffect(() => {
    if (search === window.location.search) return;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [search]);

  const items = list.data?.items ?? [];
  const updating = list.isFetching && list.isPlaceholderData;
  return (
    <div className="space-y-4">
      <InboxFilterForm filters={draft} onChange={setDraft} />
      <p role="status" className="min-h-5 text-sm text-slate-600 dark:text-slate-400">
        {list.isPending
          ? 'Loading feedback…'
          : updating
            ? 'Updating…'
            : list.data &&
              `${items.length === 1 ? '1 item' : `${items.length} items`}${hasFilters(filters) ? ' match these filters' : ''}.`}
      </p>
      {list.isError && <LoadError what="The feedback" query={list} />}
      {list.data && items.length === 0 && (
        <EmptyState>{hasFilters(filters) ? 'No feedback matches these filters.' : 'No feedback yet.'}</EmptyState>
      )}
      {items.length > 0 && (
        <div className={updating ? 'opacity-60 transition-opacity' : undefined} aria-busy={updating}>
          <FeedbackTable items={items} onOpen={(item) => setOpenId(item.id)} />
        </div>
      )}
      <FeedbackDetailDialog id={openId} onClose={() => setOpenId(undefined)} />
    </div>
  );
}
