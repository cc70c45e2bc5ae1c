'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { useHighlightedJson } from './use-highlighted-json';

export function JsonView({ label, value, accent }: { label: string; value: unknown; accent: string }) {
  const html = useHighlightedJson(value);
  const text = JSON.stringify(value, null, 2);
  return (
    <section aria-label={label} className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <h3 className={`text-xs font-semibold tracking-wide uppercase ${accent}`}>{label}</h3>
        <CopyButton getText={() => text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      {html ? (
        <div
          className="overflow-x-auto p-3 text-sm [&_pre]:!bg-transparent"
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <pre className="overflow-x-auto p-3 text-sm">{text}</pre>
      )}
    </section>
  );
}
