import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/search/search-form';
import { SearchHitSummary } from '@/components/search/search-hit-summary';
import { SearchPageReport } from '@/components/search/search-page-report';
import { searchDocs, type SearchResults } from '@/lib/search/query';
import { siteSearchIndex } from '@/lib/search/site';

export const metadata: Metadata = { title: 'Search', robots: { index: false } };

const MAX_QUERY_LENGTH = 500;

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_QUERY_LENGTH) ?? '';
  const { hits, looseMatches }: SearchResults = query.trim()
    ? searchDocs(siteSearchIndex().loaded, query, 20)
    : { hits: [], looseMatches: 0 };
  const exact = hits.some((hit) => hit.exactMessage);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Search the docs</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Type a few words, or paste the exact error message from your editor or browser console.
      </p>
      <div className="mt-6">
        <SearchForm defaultValue={query} autoFocus={!query} />
      </div>
      {query.trim() && <SearchPageReport query={query} firstHref={hits[0]?.href} />}
      {query.trim() && (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-sm font-medium text-slate-600 dark:text-slate-300">
            {hits.length === 0
              ? `No pages match “${query.trim()}”.`
              : `${hits.length} ${hits.length === 1 ? 'page matches' : 'pages match'} “${query.trim()}”`}
          </h2>
          {hits.length === 0 ? (
            <p className="mt-4 text-slate-700 dark:text-slate-300">
              Try fewer or different words, or browse the{' '}
              <Link href="/docs/errors" className="text-brand-700 underline dark:text-brand-300">
                error reference
              </Link>
              .
            </p>
          ) : (
            <ol className="mt-4 space-y-2">
              {hits.map((hit) => (
                <li key={hit.href}>
                  <Link
                    href={hit.href}
                    className="block rounded-lg border border-slate-200 p-4 hover:border-brand-400 dark:border-slate-800 dark:hover:border-brand-400"
                  >
                    <SearchHitSummary hit={hit} />
                  </Link>
                </li>
              ))}
            </ol>
          )}
          {looseMatches > 0 && (
            <p className="mt-4 text-sm text-slate-600 dark:text-slate-300" data-testid="loose-matches">
              {exact
                ? `${looseMatches} other ${looseMatches === 1 ? 'page shares' : 'pages share'} only a few common words with this message and ${looseMatches === 1 ? 'is' : 'are'} not listed.`
                : `${looseMatches} more ${looseMatches === 1 ? 'page matches' : 'pages match'} loosely; add words to narrow the search.`}
            </p>
          )}
        </section>
      )}
    </main>
  );
}
