import Link from 'next/link';
import { findDocPage } from '@/lib/docs/pages';

/** The pages most visitors arrive for, in the order they are most often needed. */
const POPULAR_HREFS = [
  '/docs/errors/secure-context-required',
  '/docs/errors/token-expired',
  '/docs/errors/jwks-unavailable',
  '/docs/errors/token-unsupported-alg',
  '/docs/session-race',
  '/docs/jwt-identity-tokens',
];

export function PopularPages({ headingLevel: HeadingTag = 'h2' }: { headingLevel?: 'h2' | 'h3' }) {
  const pages = POPULAR_HREFS.map((href) => findDocPage(href)).filter((page) => page !== undefined);
  return (
    <section aria-labelledby="popular-pages">
      <HeadingTag id="popular-pages" className="text-lg font-semibold">
        Popular pages
      </HeadingTag>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {pages.map((page) => (
          <li key={page.href}>
            <Link
              href={page.href}
              className="block rounded-lg border border-slate-200 px-4 py-3 hover:border-brand-400 dark:border-slate-800 dark:hover:border-brand-400"
            >
              <span className="block font-medium text-slate-900 dark:text-white">{page.title}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{page.section}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
