'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from './styles';

/**
 * Copies `text`, or what `getText` returns at click time (for content that changes, like a live URL).
 * `ariaLabel` names what is copied when the caption alone ("Copy") would not, e.g. "Copy the JWK set URL".
 */
export function CopyButton({
  text,
  getText,
  label = 'Copy',
  ariaLabel,
  className = '',
}: {
  text?: string;
  getText?: () => string;
  label?: string;
  ariaLabel?: string;
  className?: string;
}) {
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
      aria-label={ariaLabel}
      className={buttonClass('secondary', 'xs', `shrink-0 ${className}`)}
    >
      <span aria-live="polite">{caption}</span>
    </button>
  );
}
