import type { SearchHit } from '@/lib/search/query';

/** One result's text, shared by the palette and the search page. */
export function SearchHitSummary({ hit }: { hit: SearchHit }) {
  return (
    <span className="block min-w-0">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-slate-900 dark:text-white">{hit.title}</span>
        {hit.exactMessage && (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">
            Exact message match
          </span>
        )}
        <span className="text-xs text-slate-600 dark:text-slate-400">{hit.section}</span>
      </span>
      <span className="mt-0.5 line-clamp-2 text-sm text-slate-600 dark:text-slate-300">{hit.description}</span>
    </span>
  );
}
