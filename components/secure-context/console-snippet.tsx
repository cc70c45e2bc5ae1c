'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { consoleSnippet } from '@/lib/secure-context/console-snippet';
import { SECURE_CONTEXT_TOOL_PATH } from '@/lib/secure-context/recipe-ids';
import { useSiteOrigin } from './use-site-origin';

export function ConsoleSnippet() {
  const snippet = consoleSnippet(`${useSiteOrigin()}${SECURE_CONTEXT_TOOL_PATH}`);
  return (
    <section
      aria-labelledby="snippet-heading"
      className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <h2
          id="snippet-heading"
          className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300"
        >
          Check your own app
        </h2>
        <CopyButton text={snippet} label="Copy snippet" />
      </div>
      <p className="px-3 pt-3 text-sm text-slate-700 dark:text-slate-300">
        Open the developer console on the page with the editor, pick the editor’s frame in the console’s context menu if
        it is in one, and paste:
      </p>
      <pre
        className="max-h-64 overflow-auto p-3 text-xs leading-relaxed whitespace-pre-wrap"
        tabIndex={0}
        aria-label="Console snippet"
        data-testid="console-snippet"
      >
        {snippet}
      </pre>
    </section>
  );
}
