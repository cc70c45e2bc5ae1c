'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { LocalTime } from '@/components/account/local-time';
import { requestJson } from '@/components/request-json';
import { Table, type TableColumn } from '@/components/ui/table';
import { MissKindBadge } from './badges';
import type { SearchMiss, SearchMissesBody } from './types';
import { EmptyState, LoadError } from '@/components/ui/query-states';

const DAYS = 30;

const COLUMNS: TableColumn<SearchMiss>[] = [
  {
    header: 'Query',
    cell: (miss) => (
      // The search page shows staff what the reader saw.
      <Link
        href={`/search?q=${encodeURIComponent(miss.query)}`}
        prefetch={false}
        className="break-words text-brand-700 underline dark:text-brand-300"
      >
        {miss.query}
      </Link>
    ),
  },
  { header: 'What happened', className: 'w-[18%]', cell: (miss) => <MissKindBadge kind={miss.kind} /> },
  { header: 'Searches', className: 'w-[10%]', cell: (miss) => miss.count },
  { header: 'Last searched', className: 'w-[18%]', cell: (miss) => <LocalTime iso={miss.lastAt} /> },
  { header: 'Write it', className: 'w-[28%]', cell: (miss) => <WriteItHint miss={miss} /> },
];

/** Where the answer would go: the closest page to add it to, or a new page when none is close. */
function WriteItHint({ miss }: { miss: SearchMiss }) {
  if (!miss.closest) return <span className="text-slate-600 dark:text-slate-400">No page is close: a new page</span>;
  return (
    <span>
      {miss.kind === 'no-result' ? 'Closest page: ' : 'Readers skipped: '}
      <Link href={miss.closest.href} prefetch={false} className="text-brand-700 underline dark:text-brand-300">
        {miss.closest.title}
      </Link>
    </span>
  );
}

/** The queries readers searched for and did not find (or did not open), most frequent first. */
export function SearchMissesPanel() {
  const misses = useQuery({
    queryKey: ['console-search-misses', DAYS],
    queryFn: () => requestJson<SearchMissesBody>(`/api/console/search-misses?days=${DAYS}`),
    staleTime: 30_000,
  });
  return (
    <section aria-labelledby="search-misses-heading" className="space-y-3">
      <div>
        <h2 id="search-misses-heading" className="text-xl font-semibold">
          Searches that found nothing
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The last {DAYS} days, most frequent first: queries with no result, and queries whose first result nobody
          opened, each with the page its answer would go on. Only the query is recorded, never who searched.
        </p>
      </div>
      {misses.isPending && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Loading searches…
        </p>
      )}
      {misses.isError && <LoadError what="The searches" query={misses} />}
      {misses.data && misses.data.items.length === 0 && (
        <EmptyState>No missed searches in the last {DAYS} days.</EmptyState>
      )}
      {misses.data && misses.data.items.length > 0 && (
        <Table
          caption={`Searches that found nothing in the last ${DAYS} days`}
          columns={COLUMNS}
          rows={misses.data.items}
          rowKey={(miss) => `${miss.kind}:${miss.query}`}
        />
      )}
    </section>
  );
}
