import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';

/** A plain GET form to /search: works before (and without) JavaScript. */
export function SearchForm({
  defaultValue = '',
  autoFocus = false,
  label = 'Search the docs',
}: {
  defaultValue?: string;
  autoFocus?: boolean;
  label?: string;
}) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full max-w-xl gap-2">
      <label htmlFor="search-query" className="sr-only">
        {label}
      </label>
      <Input
        id="search-query"
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        placeholder="Search, or paste the error you see…"
        className="min-w-0 flex-1 text-base"
      />
      <Button type="submit" variant="primary" size="lg">
        Search
      </Button>
    </form>
  );
}
