import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/search/search-form';
import { PopularPages } from '@/components/site/popular-pages';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">This page does not exist</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        The link may be old, or the address mistyped. Search for what you need, paste the error message you are seeing,
        or start from the{' '}
        <Link href="/docs" className="text-brand-700 underline dark:text-brand-300">
          docs overview
        </Link>
        .
      </p>
      <div className="mt-8">
        <SearchForm label="Search the docs for the page you wanted" />
      </div>
      <div className="mt-12">
        <PopularPages />
      </div>
    </main>
  );
}
