'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { requestJson } from '@/components/request-json';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { normaliseSearchQuery, type SearchMissKind } from '@/lib/feedback/values';

const REPORTED_KEY = 'rtc-doctor:reported-search-misses';

/** Whether this query and kind were reported in this tab already (the dialog and the search page share it). */
function reportedBefore(key: string): boolean {
  try {
    const reported: string[] = JSON.parse(sessionStorage.getItem(REPORTED_KEY) ?? '[]');
    if (reported.includes(key)) return true;
    sessionStorage.setItem(REPORTED_KEY, JSON.stringify([...reported, key].slice(-100)));
    return false;
  } catch {
    return false; // Storage blocked: the in-memory set still holds one report per page load.
  }
}

/**
 * Reports a search that found nothing, or whose first result was not opened, for the console's missed searches:
 * each query and kind once per tab, only the query itself (the server redacts it again before storing).
 */
export function useSearchMissReport() {
  const reported = useRef(new Set<string>());
  const { mutate } = useMutation({
    mutationFn: (miss: { query: string; kind: SearchMissKind }) =>
      // keepalive: a "not opened" report is often sent as the reader leaves the page.
      requestJson<void>('/api/search/misses', { method: 'POST', body: JSON.stringify(miss), keepalive: true }),
  });
  return useCallback(
    (query: string, kind: SearchMissKind) => {
      const normalised = normaliseSearchQuery(query).slice(0, FIELD_LIMITS.searchQuery);
      const key = `${kind} ${normalised}`;
      if (!normalised || reported.current.has(key)) return;
      reported.current.add(key);
      if (reportedBefore(key)) return;
      mutate({ query: normalised, kind });
    },
    [mutate],
  );
}
