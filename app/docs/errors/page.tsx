import type { Metadata } from 'next';
import Link from 'next/link';
import GithubSlugger from 'github-slugger';
import { DocArticle } from '@/components/docs/doc-article';
import { Table, type TableColumn } from '@/components/ui/table';
import { findDocPage, neighbours } from '@/lib/docs/pages';
import { errorsByCategory, type ErrorEntry } from '@/lib/errors';

const HREF = '/docs/errors';

export const metadata: Metadata = { title: 'Error reference', description: findDocPage(HREF)?.description };

const COLUMNS: TableColumn<ErrorEntry>[] = [
  {
    header: 'Message',
    className: 'md:w-5/12',
    cell: (entry) => (
      <>
        <Link href={entry.docs} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
          {entry.message}
        </Link>
        {entry.shownBy === 'rtc-doctor' && (
          <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">
            RTC Doctor’s wording; the editor’s may differ
          </span>
        )}
      </>
    ),
  },
  {
    header: 'Code',
    className: 'md:w-4/12',
    cell: (entry) => (
      <code className="font-mono text-xs break-all text-slate-700 dark:text-slate-300">{entry.code}</code>
    ),
  },
  {
    header: 'In short',
    className: 'md:w-3/12',
    cell: (entry) => <span className="text-slate-700 dark:text-slate-300">{entry.title}</span>,
  },
];

export default function ErrorIndexPage() {
  const page = findDocPage(HREF)!;
  const slugger = new GithubSlugger();
  const groups = errorsByCategory().map((group) => ({ ...group, id: slugger.slug(group.title) }));
  return (
    <DocArticle
      page={page}
      headings={groups.map((group) => ({ depth: 2, text: group.title, id: group.id }))}
      neighbours={neighbours(HREF)}
    >
      <p className="lead">{page.description}</p>
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={group.id}>
          <h2 id={group.id}>{group.title}</h2>
          <div className="not-prose">
            <Table
              caption={`${group.title}: messages, codes and what each means`}
              columns={COLUMNS}
              rows={group.errors}
              rowKey={(entry) => entry.code}
            />
          </div>
        </section>
      ))}
    </DocArticle>
  );
}
