import type { ReactNode } from 'react';
import { Button } from './button';

/** What a panel shows when its data could not be loaded: the reason, and a retry that waits for the one in flight. */
export function LoadError({
  what,
  query,
  className = '',
}: {
  /** What could not be loaded, as the sentence's subject: "The keys". */
  what: string;
  query: { error: Error | null; isFetching: boolean; refetch: () => unknown };
  className?: string;
}) {
  return (
    <div role="alert" className={`flex flex-wrap items-center gap-3 text-red-700 dark:text-red-300 ${className}`}>
      <p>
        {what} could not be loaded: {query.error?.message}
      </p>
      <Button size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
        Try again
      </Button>
    </div>
  );
}

/** The dashed box a list shows when it has nothing in it. */
export function EmptyState({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p
      className={`rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-300 ${className}`}
    >
      {children}
    </p>
  );
}
