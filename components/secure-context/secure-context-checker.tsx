'use client';

import Link from 'next/link';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';
import { LabelWithShareLink } from '@/components/ui/label-with-share-link';
import { impliedRecipe, type RecipeAddress } from '@/lib/secure-context/implied-recipe';
// Imported module by module: the recipe steps and the error catalog stay out of the browser bundle.
import { checkSecureContext, SECURE_CONTEXT_DOCS } from '@/lib/secure-context/judge';
import type { RecipeId } from '@/lib/secure-context/recipe-ids';
import { BrowserProbe } from './browser-probe';
import { ConsoleSnippet } from './console-snippet';
import { RecipePicker } from './recipe-picker';
import { queryFor, writeQuery } from './shareable-state';
import { useSiteOrigin } from './use-site-origin';
import { ApiCall, FramesNote, VerdictCard } from './verdict-card';

const EXAMPLES = [
  { label: 'LAN address', url: 'http://192.168.1.20:3000/' },
  { label: 'localhost', url: 'http://localhost:3000/' },
  { label: 'Custom hostname', url: 'http://myapp.test:5173/' },
  { label: 'app.localhost', url: 'http://app.localhost:5173/' },
  { label: 'HTTPS', url: 'https://editor.example.com/' },
  { label: 'Hex loopback', url: 'http://0x7f.1:8080/' },
] as const;

export function SecureContextChecker({
  initialUrl,
  initialSetup,
  recipeAddresses,
  recipePanels,
}: {
  initialUrl: string;
  initialSetup: RecipeId | undefined;
  recipeAddresses: RecipeAddress[];
  recipePanels: Record<RecipeId, ReactNode>;
}) {
  const inputId = useId();
  const messageId = useId();
  const [url, setUrl] = useState(initialUrl);
  // The setup the reader picked (or a share link named); until then the picker follows the address.
  const [setup, setSetup] = useState(initialSetup);
  const siteOrigin = useSiteOrigin();
  // The same library as the API and the CLI, in this browser: no request per keystroke.
  const check = useMemo(() => (url.trim() === '' ? undefined : checkSecureContext(url)), [url]);
  const implied = useMemo(() => impliedRecipe(url, recipeAddresses), [url, recipeAddresses]);

  useEffect(() => writeQuery({ url, setup }), [url, setup]);

  return (
    <div className="space-y-12">
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <div className="space-y-6">
          <div>
            <LabelWithShareLink
              htmlFor={inputId}
              label="Page URL"
              shareState={url ? () => queryFor({ url, setup }) : undefined}
            />
            <Input
              id={inputId}
              type="text"
              inputMode="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="http://192.168.1.20:3000/editor"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              aria-invalid={check !== undefined && !check.ok}
              aria-describedby={messageId}
              className="font-mono text-sm"
            />
            <p id={messageId} className="mt-2 text-xs text-slate-600 dark:text-slate-300">
              The address in the location bar of the page that loads the editor. It is judged as you type, in this
              browser, by the same rules browsers apply.
            </p>
          </div>
          <fieldset>
            <legend className="mb-2 font-semibold">Examples</legend>
            <div className="flex flex-wrap gap-2">
              {EXAMPLES.map((example) => (
                <Button key={example.label} size="sm" title={example.url} onClick={() => setUrl(example.url)}>
                  {example.label}
                </Button>
              ))}
            </div>
          </fieldset>
          <section aria-labelledby="verdict-heading" className="space-y-4">
            <h2 id="verdict-heading" className="sr-only">
              Verdict
            </h2>
            {check === undefined && <EmptyState />}
            {check && !check.ok && (
              <p
                role="status"
                className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
                data-testid="input-problem"
              >
                {check.message}
              </p>
            )}
            {check?.ok && (
              <>
                <VerdictCard verdict={check.verdict} onPickRecipe={setSetup} />
                <FramesNote text={check.verdict.frames} />
                <ApiCall url={url} siteOrigin={siteOrigin} />
              </>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <BrowserProbe />
          <ConsoleSnippet />
          <p className="text-sm">
            <Link href={SECURE_CONTEXT_DOCS.guide} className="text-brand-700 underline dark:text-brand-300">
              Secure contexts: the full guide
            </Link>
            {' · '}
            <Link href={SECURE_CONTEXT_DOCS.error} className="text-brand-700 underline dark:text-brand-300">
              “RTC services require a secure context”
            </Link>
          </p>
        </div>
      </div>
      <RecipePicker
        selected={setup ?? implied}
        impliedByAddress={setup === undefined && implied !== undefined}
        onSelect={setSetup}
        panels={recipePanels}
      />
    </div>
  );
}

function EmptyState() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-600">
      <h3 className="font-semibold">Type the address of your page to see whether RTC can run there</h3>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Browsers only give Web Crypto to secure contexts: pages on <code>https://</code>, on <code>localhost</code> or a
        name ending in <code>.localhost</code>, on a loopback address such as <code>127.0.0.1</code>, or opened from a
        file. Anything else over plain <code>http://</code>, such as a LAN address or a custom hostname, is not one.
      </p>
    </div>
  );
}
