import Link from 'next/link';
import type { ReactNode } from 'react';

/** The console's pages, in the order its tabs show them. */
export const CONSOLE_PAGES = [
  { href: '/console', label: 'Feedback inbox' },
  { href: '/console/health', label: 'Docs health' },
  { href: '/console/accounts', label: 'Accounts' },
] as const;

export type ConsolePath = (typeof CONSOLE_PAGES)[number]['href'];

/** The heading, who is signed in and the tabs every console page shares; each page heads its own sections (h2). */
export function ConsoleFrame({
  current,
  email,
  children,
}: {
  current: ConsolePath;
  email: string;
  children: ReactNode;
}) {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm break-words text-slate-600 dark:text-slate-300">Signed in as {email} (support staff)</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Support console</h1>
      <nav aria-label="Console" className="mt-6 border-b border-slate-200 dark:border-slate-700">
        <ul className="-mb-px flex flex-wrap gap-x-6">
          {CONSOLE_PAGES.map((page) => {
            const here = page.href === current;
            return (
              <li key={page.href}>
                <Link
                  href={page.href}
                  aria-current={here ? 'page' : undefined}
                  className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
                    here
                      ? 'border-brand-600 text-brand-700 dark:border-brand-300 dark:text-brand-100'
                      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
                  }`}
                >
                  {page.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="mt-8">{children}</div>
    </main>
  );
}
