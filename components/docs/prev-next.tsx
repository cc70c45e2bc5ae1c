import Link from 'next/link';

interface PageLink {
  href: string;
  title: string;
}

export function PrevNext({ previous, next }: { previous?: PageLink; next?: PageLink }) {
  if (!previous && !next) return null;
  const card =
    'group flex flex-col rounded-lg border border-slate-200 p-4 hover:border-brand-400 dark:border-slate-800 dark:hover:border-brand-400';
  return (
    <nav aria-label="Previous and next pages" className="mt-12 grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={previous.href} className={card}>
          <span className="text-xs text-slate-500 dark:text-slate-400">Previous</span>
          <span className="font-medium text-slate-900 group-hover:text-brand-700 dark:text-white dark:group-hover:text-brand-300">
            ← {previous.title}
          </span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={next.href} className={`${card} text-right`}>
          <span className="text-xs text-slate-500 dark:text-slate-400">Next</span>
          <span className="font-medium text-slate-900 group-hover:text-brand-700 dark:text-white dark:group-hover:text-brand-300">
            {next.title} →
          </span>
        </Link>
      )}
    </nav>
  );
}
