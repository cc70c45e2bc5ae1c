'use client';

import { useQuery } from '@tanstack/react-query';
import type { SearchResults, SerializedSearchIndex } from '@/lib/search/query';

export const SEARCH_INDEX_URL = '/search-index.json';

export type DocsSearch = (query: string, limit?: number) => SearchResults;

async function fetchSearch(): Promise<DocsSearch> {
  // The index and its engine load on first use, keeping them out of every page's first load.
  const [response, { loadSearchIndex, searchDocs }] = await Promise.all([
    fetch(SEARCH_INDEX_URL),
    import('@/lib/search/query'),
  ]);
  if (!response.ok) throw new Error(`The search index could not be loaded (HTTP ${response.status}).`);
  const index = loadSearchIndex((await response.json()) as SerializedSearchIndex);
  return (query, limit) => searchDocs(index, query, limit);
}

export function useSearchIndex(enabled: boolean) {
  return useQuery({ queryKey: ['search-index'], queryFn: fetchSearch, enabled, staleTime: Infinity, gcTime: Infinity });
}
