'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { searchDocs } from '@/lib/search/query';
import { SearchHitSummary } from './SearchHitSummary';
import { useSearchIndex } from './useSearchIndex';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function SearchPalette() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [ready, setReady] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const index = useSearchIndex(wanted);

  const hits = useMemo(
    () => (index.data && deferredQuery.trim() ? searchDocs(index.data, deferredQuery, 8) : []),
    [index.data, deferredQuery],
  );

  const show = useCallback(() => {
    setWanted(true);
    setOpen(true);
    dialogRef.current?.showModal();
    inputRef.current?.select();
  }, []);

  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (dialogRef.current?.open) close();
        else show();
      } else if (event.key === '/' && !isTypingTarget(event.target) && !dialogRef.current?.open) {
        event.preventDefault();
        show();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    setReady(true);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show, close]);

  function go(href: string) {
    close();
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
      if (hit) go(hit.href);
      else if (query.trim()) go(`/search?q=${encodeURIComponent(query.trim())}`);
    }
  }

  const activeId = hits[active] ? `${listId}-${active}` : undefined;

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={() => setWanted(true)}
        onFocus={() => setWanted(true)}
        aria-haspopup="dialog"
        data-search-ready={ready}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-9 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm text-slate-600 hover:border-slate-400 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:text-slate-300 dark:hover:border-slate-500 dark:hover:text-white"
      >
        <SearchIcon />
        <span className="hidden sm:inline">Search docs or paste an error</span>
        <span className="sm:hidden">Search</span>
        <kbd className="ml-2 hidden rounded border border-slate-300 px-1.5 font-sans text-xs text-slate-500 md:inline dark:border-slate-600 dark:text-slate-400">
          Ctrl K
        </kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Search the docs"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === dialogRef.current) close();
        }}
        className="m-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {open && (
          <div className="flex max-h-[70vh] flex-col">
            <div className="flex items-center gap-2 border-b border-slate-200 px-4 dark:border-slate-700">
              <SearchIcon />
              <input
                ref={inputRef}
                autoFocus
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
              <button type="button" onClick={close} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
                Esc
              </button>
            </div>
            <div className="overflow-y-auto p-2" aria-live="polite" tabIndex={0}>
              {index.isPending && <p className="p-3 text-sm text-slate-600 dark:text-slate-300">Loading search…</p>}
              {index.isError && (
                <p className="p-3 text-sm text-red-700 dark:text-red-300">
                  {index.error.message}{' '}
                  <button type="button" className="underline" onClick={() => index.refetch()}>
                    Try again
                  </button>
                </p>
              )}
              {index.data && !query.trim() && (
                <p className="p-3 text-sm text-slate-600 dark:text-slate-300">
                  Type a few words, or paste the exact error message your editor or console shows.
                </p>
              )}
              {index.data && query.trim() && hits.length === 0 && deferredQuery === query && (
                <p className="p-3 text-sm text-slate-600 dark:text-slate-300">
                  No page matches “{query.trim()}”. Try fewer words, or browse the{' '}
                  <Link href="/docs/errors" onClick={close} className="text-brand-700 underline dark:text-brand-300">
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
                    onClick={() => go(hit.href)}
                    className={`cursor-pointer rounded-lg px-3 py-2 ${position === active ? 'bg-brand-50 dark:bg-slate-800' : ''}`}
                  >
                    <SearchHitSummary hit={hit} />
                  </li>
                ))}
              </ul>
            </div>
            <div className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
              <span>
                <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move, <kbd className="font-sans">Enter</kbd> to open
              </span>
              {query.trim() && (
                <Link href={`/search?q=${encodeURIComponent(query.trim())}`} onClick={close} className="text-brand-700 underline dark:text-brand-300">
                  All results
                </Link>
              )}
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" className="shrink-0">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}
