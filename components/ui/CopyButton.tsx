'use client';

import { useEffect, useState } from 'react';

/** Copies `text`, or what `getText` returns at click time (for content that changes, like a live URL). */
export function CopyButton({ text, getText, label = 'Copy', className = '' }: { text?: string; getText?: () => string; label?: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(getText ? getText() : (text ?? ''));
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  const caption = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <button
      type="button"
      onClick={copy}
      className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 ${className}`}
    >
      <span aria-live="polite">{caption}</span>
    </button>
  );
}
