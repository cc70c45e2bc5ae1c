'use client';

import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { SegmentedChoice } from '@/components/ui/segmented-choice';
import type { AlgorithmName } from '@/lib/algorithms';
import { ENDPOINT_LANGUAGES, endpointCode, type EndpointLanguage } from '@/lib/endpoints/snippets';
import { RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt/lifetime';
import type { JsonObject } from '@/lib/jwt/types';

const STORAGE_KEY = 'rtc-doctor.endpoint-language';
const LANGUAGE_OPTIONS = ENDPOINT_LANGUAGES.map((entry) => ({ value: entry.language, label: entry.label }));

function rememberedLanguage(): EndpointLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return ENDPOINT_LANGUAGES.find((entry) => entry.language === stored)?.language ?? 'node';
  } catch {
    return 'node';
  }
}

/**
 * A working token endpoint, in the reader's language, that issues this token's claims with their key. Loaded on
 * first use (next/dynamic), like the workbench, so the debugger's first load does not carry six templates.
 */
export default function EndpointCode({ alg, kid, payload }: { alg: AlgorithmName; kid?: string; payload: JsonObject }) {
  // Rendered only in the browser (ssr: false), so localStorage is there on the first render.
  const [language, setLanguage] = useState<EndpointLanguage>(rememberedLanguage);
  const choose = (next: EndpointLanguage) => {
    setLanguage(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice still holds for this visit.
    }
  };
  const result = endpointCode(language, { alg, kid, claims: payload, lifetimeSeconds: RECOMMENDED_LIFETIME_SECONDS });
  const { entry } = result;
  return (
    <section
      aria-labelledby="endpoint-code-heading"
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="endpoint-code-heading" className="font-semibold">
        Token endpoint code
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A minimal endpoint that issues this token’s claims, with {alg}
        {kid ? (
          <>
            {' '}
            and kid <code>{kid}</code>
          </>
        ) : null}
        , and a fresh <code>iat</code> and <code>exp</code> each time. It reads your private key from{' '}
        <code>private.pem</code> (PKCS#8 PEM) or the file in <code>RTC_PRIVATE_KEY_FILE</code>, and answers{' '}
        <code>POST /rtc-token</code> with <code>{'{ "token": … }'}</code>.
      </p>
      <SegmentedChoice
        name="endpoint-language"
        legend="Language"
        legendHidden
        options={LANGUAGE_OPTIONS}
        value={language}
        onChange={choose}
        layout="flex flex-wrap gap-1"
      />
      {'unsupported' in result ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          {result.unsupported}
        </p>
      ) : (
        <>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 text-xs whitespace-nowrap dark:bg-slate-800">
              {entry.install}
            </code>
            <CopyButton text={entry.install} ariaLabel={`Copy the ${entry.library} install line`} />
          </div>
          <div className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
            <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs dark:border-slate-700 dark:bg-slate-900">
              <span className="font-mono">{entry.file}</span>
              <CopyButton text={result.code} ariaLabel={`Copy the ${entry.label} endpoint`} />
            </div>
            <pre
              tabIndex={0}
              aria-label={`${entry.label} token endpoint (${entry.library})`}
              className="max-h-96 overflow-auto p-3 text-xs leading-relaxed"
            >
              <code>{result.code}</code>
            </pre>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Start it with <code>{entry.run}</code>.{' '}
            {entry.ranByTests ? (
              'RTC Doctor’s own tests run this endpoint and check the tokens it issues as the service would.'
            ) : (
              <>
                Its library calls are checked against{' '}
                <a href={entry.docs} className="underline" rel="noreferrer">
                  the {entry.library} documentation
                </a>
                .
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
