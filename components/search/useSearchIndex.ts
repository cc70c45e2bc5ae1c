'use client';

import { useQuery } from '@tanstack/react-query';
import type { LoadedSearchIndex, SerializedSearchIndex } from '@/lib/search/query';

export const SEARCH_INDEX_URL = '/search-index.json';

async function fetchSearchIndex(): Promise<LoadedSearchIndex> {
  // The index and its engine load on first use, keeping them out of every page's first load.
  const [response, { loadSearchIndex }] = await Promise.all([fetch(SEARCH_INDEX_URL), import('@/lib/search/query')]);
  if (!response.ok) throw new Error(`The search index could not be loaded (HTTP ${response.status}).`);
  return loadSearchIndex((await response.json()) as SerializedSearchIndex);
}

export function useSearchIndex(enabled: boolean) {
  return useQuery({ queryKey: ['search-index'], queryFn: fetchSearchIndex, enabled, staleTime: Infinity });
}
