'use client';

import { useRef, type ComponentProps } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/** A highlighted code block with its language (data-language, set by lib/docs/highlight.ts) and a copy button. */
export function CodeBlock({
  children,
  className = '',
  'data-language': language,
  ...props
}: ComponentProps<'pre'> & { 'data-language'?: string }) {
  const preRef = useRef<HTMLPreElement>(null);
  return (
    <div className="not-prose my-6 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
          {language && language !== 'text' ? language : 'code'}
        </span>
        <CopyButton getText={() => preRef.current?.innerText.trimEnd() ?? ''} label="Copy code" />
      </div>
      <pre ref={preRef} {...props} className={`${className} overflow-x-auto p-4 text-sm leading-relaxed`}>
        {children}
      </pre>
    </div>
  );
}
