/** A plain GET form to /search: works before (and without) JavaScript. */
export function SearchForm({ defaultValue = '', autoFocus = false, label = 'Search the docs' }: { defaultValue?: string; autoFocus?: boolean; label?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full max-w-xl gap-2">
      <label htmlFor="search-query" className="sr-only">
        {label}
      </label>
      <input
        id="search-query"
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        placeholder="Search, or paste the error you see…"
        className="h-11 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-white dark:placeholder:text-slate-400"
      />
      <button type="submit" className="h-11 rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500">
        Search
      </button>
    </form>
  );
}
