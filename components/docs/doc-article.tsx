import type { ReactNode } from 'react';
import type { DocPage } from '@/lib/docs/pages';
import type { Heading } from '@/lib/docs/headings';
import { PageFeedback } from '@/components/feedback/page-feedback';
import { PrevNext } from './prev-next';
import { TableOfContents } from './table-of-contents';

/** The frame of every docs page: title, lead, prose, the feedback form, contents and neighbours. */
export function DocArticle({
  page,
  headings,
  neighbours,
  children,
}: {
  page: DocPage;
  headings: Heading[];
  neighbours: { previous?: DocPage; next?: DocPage };
  children: ReactNode;
}) {
  return (
    <div className="flex gap-10">
      <article className="min-w-0 flex-1">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-300">{page.section}</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
          {page.title}
        </h1>
        <div className="prose prose-slate mt-6 max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-brand-700 dark:prose-a:text-brand-300 prose-code:before:content-none prose-code:after:content-none">
          {children}
        </div>
        <PageFeedback page={page.href} />
        <PrevNext previous={neighbours.previous} next={neighbours.next} />
      </article>
      <aside className="hidden w-56 shrink-0 xl:block">
        <TableOfContents headings={headings} />
      </aside>
    </div>
  );
}
