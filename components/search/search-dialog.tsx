'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Providers } from '@/components/providers';
import { SearchHitSummary } from './search-hit-summary';
import { Button } from '@/components/ui/button';
import { SearchIcon } from './search-icon';
import { useSearchIndex } from './use-search-index';
import { useSearchMissReport } from './use-search-miss-report';
import { useDebouncedValue } from '@/components/use-debounced-value';

/** How long typing must pause before a query counts as searched. */
const SETTLE_MS = 1000;

interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
}

export function SearchDialog(props: SearchDialogProps) {
  return (
    <Providers>
      <SearchDialogContent {...props} />
    </Providers>
  );
}

function SearchDialogContent({ open, onClose }: SearchDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const search = useSearchIndex(true);
  const reportMiss = useSearchMissReport();
  /** Whether a result was opened since the query last changed; closing the dialog otherwise is a "not-opened". */
  const opened = useRef(false);
  // A query counts as searched once typing pauses, not at every keystroke on the way to it.
  const settledQuery = useDebouncedValue(query, SETTLE_MS);

  const searchDocs = search.data;
  const results = useMemo(
    () => (searchDocs && deferredQuery.trim() ? searchDocs(deferredQuery, 8) : { hits: [], looseMatches: 0 }),
    [searchDocs, deferredQuery],
  );
  const hits = results.hits;

  useEffect(() => {
    if (searchDocs && settledQuery.trim() && searchDocs(settledQuery, 1).hits.length === 0)
      reportMiss(settledQuery, 'no-result');
  }, [searchDocs, settledQuery, reportMiss]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function go(href: string, position?: number) {
    opened.current = true;
    if (position !== 0 && hits.length > 0) reportMiss(query, 'not-opened');
    onClose();
    router.push(href);
  }

  function onInputKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current) => (hits.length ? (current + 1) % hits.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (hits.length ? (current - 1 + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) go(hit.href, active);
      else if (query.trim()) go(`/search?q=${encodeURIComponent(query.trim())}`);
    }
  }

  const activeId = hits[active] ? `${listId}-${active}` : undefined;
  const trimmed = query.trim();

  return (
    <dialog
      ref={dialogRef}
      aria-label="Search the docs"
      onClose={() => {
        if (!opened.current && query.trim() && hits.length > 0) reportMiss(query, 'not-opened');
        opened.current = false;
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) onClose();
      }}
      className="m-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex max-h-[70vh] flex-col">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 dark:border-slate-700">
          <SearchIcon />
          <input
            ref={inputRef}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKeyDown}
            role="combobox"
            aria-label="Search the docs or paste an error message"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            placeholder="Search, or paste the error you see…"
            className="h-14 w-full bg-transparent text-base outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
          />
          <Button variant="ghost" size="xs" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </Button>
        </div>
        <div className="overflow-y-auto p-2" aria-live="polite" tabIndex={0}>
          {search.isPending && <p className="p-3 text-sm text-slate-600 dark:text-slate-300">Loading search…</p>}
          {search.isError && (
            <p className="p-3 text-sm text-red-700 dark:text-red-300">
              {search.error.message}{' '}
              <Button variant="ghost" size="xs" className="underline" onClick={() => search.refetch()}>
                Try again
              </Button>
            </p>
          )}
          {search.data && !trimmed && (
            <p className="p-3 text-sm text-slate-600 dark:text-slate-300">
              Type a few words, or paste the exact error message your editor or console shows.
            </p>
          )}
          {search.data && trimmed && hits.length === 0 && deferredQuery === query && (
            <p className="p-3 text-sm text-slate-600 dark:text-slate-300">
              No page matches “{trimmed}”. Try fewer words, or browse the{' '}
              <Link href="/docs/errors" onClick={onClose} className="text-brand-700 underline dark:text-brand-300">
                error reference
              </Link>
              .
            </p>
          )}
          <ul id={listId} role="listbox" aria-label="Search results">
            {hits.map((hit, position) => (
              <li
                key={hit.href}
                id={`${listId}-${position}`}
                role="option"
                aria-selected={position === active}
                onMouseMove={() => setActive(position)}
                onClick={() => go(hit.href, position)}
                className={`cursor-pointer rounded-lg px-3 py-2 ${position === active ? 'bg-brand-50 dark:bg-slate-800' : ''}`}
              >
                <SearchHitSummary hit={hit} />
              </li>
            ))}
          </ul>
        </div>
        <div className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
          {/* Keyboard hints mean nothing on a touch screen, where the arrow keys are not there. */}
          <span className="hidden sm:inline pointer-coarse:hidden" data-testid="keyboard-hint">
            <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move,{' '}
            <kbd className="font-sans">Enter</kbd> to open
          </span>
          {trimmed && (
            <Link
              href={`/search?q=${encodeURIComponent(trimmed)}`}
              onClick={() => {
                // The search page reports this query itself.
                opened.current = true;
                onClose();
              }}
              className="ml-auto text-brand-700 underline dark:text-brand-300"
            >
              {results.looseMatches > 0 && !hits.some((hit) => hit.exactMessage)
                ? `All results (${results.looseMatches} more)`
                : 'All results'}
            </Link>
          )}
        </div>
      </div>
    </dialog>
  );
}
