import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DocArticle } from '@/components/docs/doc-article';
import { MdxBody } from '@/components/docs/mdx-body';
import { messageHeading, ServiceMessage } from '@/components/docs/service-message';
import type { Heading } from '@/lib/docs/headings';
import { findDocPage, listDocPages, neighbours } from '@/lib/docs/pages';
import { ERROR_SUMMARIES, errorBySlug, type ErrorSummary } from '@/lib/errors';

export const dynamicParams = false;

export function generateStaticParams() {
  return listDocPages()
    .filter((page) => page.kind === 'error')
    .map((page) => ({ code: page.slug }));
}

export async function generateMetadata({ params }: PageProps<'/docs/errors/[code]'>): Promise<Metadata> {
  const entry = errorBySlug((await params).code);
  return entry ? { title: `${entry.title} (${entry.code})`, description: `“${entry.message}”: ${entry.cause}` } : {};
}

// The first heading says whose words the message is (see ServiceMessage); its id stays put so old links work.
function leadingHeadings(shownBy: ErrorSummary['shownBy']): Heading[] {
  return [
    { depth: 2, text: messageHeading(shownBy), id: 'what-you-see' },
    { depth: 2, text: 'Why it happens', id: 'why-it-happens' },
    { depth: 2, text: 'How to fix it', id: 'how-to-fix-it' },
  ];
}
const TRAILING: Heading[] = [{ depth: 2, text: 'Related errors', id: 'related-errors' }];

export default async function ErrorPage({ params }: PageProps<'/docs/errors/[code]'>) {
  const { code: slug } = await params;
  const entry = errorBySlug(slug);
  const page = entry && findDocPage(entry.docs);
  if (!entry || !page) notFound();
  const headings = [...leadingHeadings(entry.shownBy), ...page.headings, ...(entry.related.length ? TRAILING : [])];
  return (
    <DocArticle page={page} headings={headings} neighbours={neighbours(page.href)}>
      <p className="not-prose -mt-2">
        <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {entry.code}
        </code>
      </p>
      <h2 id="what-you-see">{messageHeading(entry.shownBy)}</h2>
      <ServiceMessage message={entry.message} shownBy={entry.shownBy} />
      <h2 id="why-it-happens">Why it happens</h2>
      <p>{entry.cause}</p>
      <h2 id="how-to-fix-it">How to fix it</h2>
      <ol>
        {entry.fix.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {entry.category.startsWith('token-') && (
        <p>
          To confirm it, paste the token into the <Link href="/tools/token">token debugger</Link>: it checks every rule
          at once, in your browser.
        </p>
      )}
      {page.tree && <MdxBody tree={page.tree} />}
      {entry.related.length > 0 && (
        <>
          <h2 id="related-errors">Related errors</h2>
          <ul>
            {entry.related.map((code) => (
              <li key={code}>
                <Link href={ERROR_SUMMARIES[code].docs}>{ERROR_SUMMARIES[code].title}</Link>{' '}
                <span className="text-slate-500 dark:text-slate-400">(“{ERROR_SUMMARIES[code].message}”)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </DocArticle>
  );
}
