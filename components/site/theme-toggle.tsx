'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { buttonClass } from '@/components/ui/styles';
import { THEME_STORAGE_KEY } from './theme-script';
import { StrokeIcon } from '@/components/ui/stroke-icon';

type ThemeChoice = 'system' | 'light' | 'dark';
const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];
const LABELS: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function applyChoice(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

// This page's choice: read from storage once, then kept here, so it holds even where storage is refused.
let pageChoice: ThemeChoice | null = null;
const choiceListeners = new Set<() => void>();

function currentChoice(): ThemeChoice {
  return (pageChoice ??= readChoice());
}

function subscribeToChoice(listener: () => void): () => void {
  choiceListeners.add(listener);
  return () => choiceListeners.delete(listener);
}

function setChoice(next: ThemeChoice) {
  pageChoice = next;
  for (const listener of choiceListeners) listener();
}

export function ThemeToggle() {
  // The server cannot know the stored choice; the button shows "system" until the page hydrates.
  const choice = useSyncExternalStore(subscribeToChoice, currentChoice, () => 'system' as const);

  useEffect(() => {
    if (choice !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyChoice('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);

  function cycle() {
    const next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length]!;
    try {
      if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice still applies to this page.
    }
    applyChoice(next);
    setChoice(next);
  }

  const label = `${LABELS[choice]} (click to change)`;
  return (
    <button type="button" onClick={cycle} aria-label={label} title={label} className={buttonClass('ghost', 'icon')}>
      <ThemeIcon choice={choice} />
    </button>
  );
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  if (choice === 'light')
    return (
      <StrokeIcon size={18}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </StrokeIcon>
    );
  if (choice === 'dark')
    return (
      <StrokeIcon size={18}>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </StrokeIcon>
    );
  return (
    <StrokeIcon size={18}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </StrokeIcon>
  );
}
