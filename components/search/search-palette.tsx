'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/styles';
import { SearchIcon } from './search-icon';

// The dialog, its data layer and the search engine load on first intent, not with every page.
const SearchDialog = dynamic(() => import('./search-dialog').then((module) => module.SearchDialog), { ssr: false });

function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The header's search button and its shortcuts: Ctrl+K or ⌘K anywhere, "/" outside text fields. */
export function SearchPalette() {
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  const show = useCallback(() => {
    setWanted(true);
    setOpen(true);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setWanted(true);
        setOpen((current) => !current);
      } else if (event.key === '/' && !isTypingTarget(event.target)) {
        event.preventDefault();
        show();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    // Marks the moment the shortcuts listen (tests and scripts wait for it); not state, as nothing renders from it.
    trigger.current?.setAttribute('data-search-ready', 'true');
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show]);

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={() => setWanted(true)}
        onFocus={() => setWanted(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        ref={trigger}
        data-search-ready="false"
        className={buttonClass('secondary', 'sm')}
      >
        <SearchIcon />
        <span className="hidden sm:inline">Search docs or paste an error</span>
        <span className="sm:hidden">Search</span>
        <kbd className="ml-2 hidden rounded border border-slate-300 px-1.5 font-sans text-xs text-slate-500 md:inline dark:border-slate-600 dark:text-slate-400">
          Ctrl K
        </kbd>
      </button>
      {wanted && <SearchDialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
