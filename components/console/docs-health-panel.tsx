'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { LocalTime } from '@/components/account/local-time';
import { requestJson } from '@/components/request-json';
import { Select } from '@/components/ui/fields';
import { EmptyState, LoadError } from '@/components/ui/query-states';
import { Table, type TableColumn } from '@/components/ui/table';
import { HelpfulBadge } from './badges';
import { HEALTH_SORTS, sortHealth, votesText, type HealthSort } from './docs-health';
import type { DocsHealthBody, DocsHealthPage } from './types';

function Figures({ figures }: { figures: DocsHealthPage['last30Days'] }) {
  const { votes, ratio } = votesText(figures);
  return (
    <span className="block leading-snug">
      <span className="font-medium text-slate-900 dark:text-slate-100">{ratio}</span>
      <span className="block text-slate-600 dark:text-slate-400">{votes}</span>
      <span className="block text-slate-600 dark:text-slate-400">
        {figures.views} form {figures.views === 1 ? 'view' : 'views'}
      </span>
    </span>
  );
}

const COLUMNS: TableColumn<DocsHealthPage>[] = [
  {
    header: 'Page',
    className: 'w-[26%]',
    cell: (row) => (
      <span className="block min-w-0">
        <Link href={row.page} prefetch={false} className="font-medium text-brand-700 underline dark:text-brand-300">
          {row.title ?? row.page}
        </Link>
        <span className="block font-mono text-xs break-all text-slate-500 dark:text-slate-400">{row.page}</span>
      </span>
    ),
  },
  { header: 'Last 7 days', className: 'w-[16%]', cell: (row) => <Figures figures={row.last7Days} /> },
  { header: 'Last 30 days', className: 'w-[16%]', cell: (row) => <Figures figures={row.last30Days} /> },
  {
    header: 'Newest comments',
    cell: (row) =>
      row.comments.length === 0 ? (
        <span className="text-slate-500 dark:text-slate-400">None</span>
      ) : (
        <ul className="space-y-2">
          {row.comments.map((comment) => (
            <li key={comment.id} className="min-w-0">
              <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                <HelpfulBadge helpful={comment.helpful} />
                <LocalTime iso={comment.createdAt} />
                <Link
                  href={`/console?item=${encodeURIComponent(comment.id)}`}
                  className="text-brand-700 underline dark:text-brand-300"
                >
                  Open in the inbox
                </Link>
              </span>
              <span className="mt-0.5 line-clamp-3 block break-words whitespace-pre-line">{comment.comment}</span>
            </li>
          ))}
        </ul>
      ),
  },
];

/** Every page's votes and form views over 7 and 30 days, and its newest comments; most unhelpful first. */
export function DocsHealthPanel({ initialSort }: { initialSort: HealthSort }) {
  const [sort, setSort] = useState<HealthSort>(initialSort);
  const health = useQuery({
    queryKey: ['console-docs-health'],
    queryFn: () => requestJson<DocsHealthBody>('/api/console/docs-health'),
    staleTime: 30_000,
  });
  // The order is in the address, so a link to "the worst pages this week" opens as it was seen.
  useEffect(() => {
    const search = sort === 'most-unhelpful' ? '' : `?sort=${sort}`;
    if (search !== window.location.search)
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [sort]);
  const answered = health.data?.pages.filter((row) => row.last30Days.helpful + row.last30Days.unhelpful > 0) ?? [];

  return (
    <section aria-labelledby="docs-health-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="docs-health-heading" className="text-xl font-semibold">
            Pages
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            How readers answered “Was this page helpful?” on each page, and how often the question was seen.
          </p>
        </div>
        <div>
          <label htmlFor="health-sort" className="block text-sm font-medium">
            Sort by
          </label>
          <Select
            id="health-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as HealthSort)}
            className="mt-1 sm:w-80"
          >
            {Object.entries(HEALTH_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {health.isPending && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Loading docs health…
        </p>
      )}
      {health.isError && <LoadError what="Docs health" query={health} />}
      {health.data && answered.length === 0 && (
        <EmptyState>Nobody has answered on any page in the last 30 days.</EmptyState>
      )}
      {health.data && (
        <Table
          caption="Docs health: votes, share of yes and form views per page over the last 7 and 30 days"
          columns={COLUMNS}
          rows={sortHealth(health.data.pages, sort)}
          rowKey={(row) => row.page}
        />
      )}
    </section>
  );
}
