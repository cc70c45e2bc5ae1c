'use client';

import { Fragment } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { buttonClass } from '@/components/ui/styles';
import type { SecureContextVerdict } from '@/lib/secure-context/judge';
import { RECIPE_LABELS, type RecipeId } from '@/lib/secure-context/recipe-ids';
import { addressPieces } from '@/lib/secure-context/wrap-points';

/** An address that wraps only between its pieces (never inside a host or its port); a piece too long for the line is the one exception. */
function Address({ value }: { value: string }) {
  return (
    <>
      {addressPieces(value).map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <dt className="w-28 shrink-0 text-sm text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 flex-1 basis-56 font-mono text-sm [overflow-wrap:anywhere]">
        <Address value={value} />
      </dd>
    </div>
  );
}

export function VerdictCard({
  verdict,
  onPickRecipe,
}: {
  verdict: SecureContextVerdict;
  onPickRecipe: (id: RecipeId) => void;
}) {
  const tone = verdict.secure
    ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'
    : 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40';
  const ink = verdict.secure ? 'text-emerald-950 dark:text-emerald-100' : 'text-red-950 dark:text-red-100';
  return (
    <div
      className={`rounded-lg border p-4 ${tone}`}
      data-testid="verdict"
      data-secure={verdict.secure}
      data-rule={verdict.rule}
    >
      <p role="status" className={`font-semibold ${ink}`}>
        {verdict.secure
          ? 'Secure context: RTC can run on a page at this address.'
          : 'Not a secure context: RTC will refuse to start on a page at this address.'}
      </p>
      <dl className="mt-3 space-y-1">
        <Field label="Origin" value={verdict.origin} />
        {verdict.canonical !== verdict.url.trim() && <Field label="Read as" value={verdict.canonical} />}
      </dl>
      <p className={`mt-3 text-sm ${ink}`} data-testid="reason">
        {verdict.reason}
      </p>
      {verdict.fix && (
        <div className="mt-4 border-t border-red-200 pt-3 dark:border-red-900" data-testid="fix">
          <h3 className={`font-semibold ${ink}`}>How to fix it</h3>
          <p className={`mt-1 text-sm ${ink}`}>{verdict.fix.summary}</p>
          {verdict.fix.steps.length > 0 && (
            <ul className={`mt-2 list-disc space-y-1 pl-5 text-sm ${ink}`}>
              {verdict.fix.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ul>
          )}
          {verdict.fix.recipes.length > 0 && (
            <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
              <span className={ink}>Recipes:</span>
              {verdict.fix.recipes.map((id) => (
                <a key={id} href="#recipes" onClick={() => onPickRecipe(id)} className={buttonClass('danger', 'xs')}>
                  {RECIPE_LABELS[id]}
                </a>
              ))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export function FramesNote({ text }: { text: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-700">
      <h3 className="font-semibold">Inside a frame?</h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{text}</p>
    </div>
  );
}

/** A single-quoted shell word: safe to paste whatever the URL holds. */
function shellWord(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function CommandBlock({ title, command }: { title: string; command: string }) {
  return (
    <section aria-label={title} className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <h3 className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">{title}</h3>
        <CopyButton text={command} label="Copy command" className="shrink-0 whitespace-nowrap" />
      </div>
      <pre className="overflow-x-auto p-3 text-sm" tabIndex={0} aria-label={`${title}: command`}>
        {command}
      </pre>
    </section>
  );
}

/** The same verdict from the API and the CLI, as JSON, for scripts and CI. */
export function ApiCall({ url, siteOrigin }: { url: string; siteOrigin: string }) {
  return (
    <div className="space-y-3">
      <CommandBlock
        title="The same check from the API"
        command={`curl -s ${shellWord(`${siteOrigin}/api/secure-context?url=${encodeURIComponent(url)}`)}`}
      />
      <CommandBlock
        title="From the command line"
        command={`npm run --silent rtc-doctor -- origin ${shellWord(url)} --json`}
      />
    </div>
  );
}
