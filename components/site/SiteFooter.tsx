import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6 dark:text-slate-400">
        <p>RTC Doctor: troubleshooting for real-time collaborative editing.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link prefetch={false} href="/docs" className="hover:underline">Docs</Link>
          <Link prefetch={false} href="/docs/errors" className="hover:underline">Error reference</Link>
          <Link prefetch={false} href="/tools" className="hover:underline">Tools</Link>
          <Link prefetch={false} href="/search" className="hover:underline">Search</Link>
        </nav>
      </div>
    </footer>
  );
}
