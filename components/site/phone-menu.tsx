'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/styles';
import { isCurrentSection, SITE_SECTIONS } from './nav';
import { StrokeIcon } from '@/components/ui/stroke-icon';

/**
 * Below the `md` breakpoint the header has no room for its links: this button opens them as a list
 * (a disclosure, not a modal, so the page stays readable behind it). Escape closes it and returns focus
 * to the button; so does choosing a link or clicking elsewhere.
 */
export function PhoneMenu() {
  const pathname = usePathname();
  // Open on the page it was opened on: navigating anywhere closes it, with no effect to run.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a')?.focus();
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpenOn(null);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        className={buttonClass('ghost', 'icon')}
      >
        <span className="sr-only">Menu</span>
        <MenuIcon open={open} />
      </button>
      <div
        ref={panel}
        id={menuId}
        hidden={!open}
        className="absolute inset-x-0 top-16 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg dark:border-slate-800 dark:bg-slate-950"
      >
        <nav aria-label="Site menu">
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {SITE_SECTIONS.map((section) => {
              const current = isCurrentSection(pathname, section.href);
              return (
                <li key={section.href}>
                  <Link
                    href={section.href}
                    prefetch={false}
                    aria-current={current ? 'page' : undefined}
                    onClick={() => setOpen(false)}
                    className={`block rounded-md px-2 py-3 font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${current ? 'text-brand-700 dark:text-brand-300' : 'text-slate-800 dark:text-slate-200'}`}
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <StrokeIcon round>{open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}</StrokeIcon>
  );
}
