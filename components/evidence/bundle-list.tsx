import type { ReactNode } from 'react';
import { LocalTime } from '@/components/account/local-time';
import type { BundleListingBody } from '@/lib/api/support-bundles';
import { bundleReference, describeBundleSummary } from '@/lib/evidence/bundle';

/** Evidence bundles, newest first: when, from whom, what it holds, the sender's note, and what the reader can do. */
export function BundleList({
  bundles,
  label,
  actions,
}: {
  bundles: readonly BundleListingBody[];
  label: string;
  actions: (bundle: BundleListingBody) => ReactNode;
}) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
    >
      {bundles.map((bundle) => (
        <li
          key={bundle.id}
          data-bundle={bundle.id}
          className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm"
        >
          <div className="min-w-0 flex-1 basis-72 space-y-1">
            <p className="font-medium break-words">{describeBundleSummary(bundle.summary)}</p>
            <p className="text-slate-600 dark:text-slate-300">
              Reference <code>{bundleReference(bundle.id)}</code>, sent <LocalTime iso={bundle.createdAt} /> by{' '}
              <span className="break-all">{bundle.sender.email}</span>, from{' '}
              {bundle.source.kind === 'har' ? 'the capture' : 'the log'}{' '}
              <code className="break-all">{bundle.source.name}</code>; kept until <LocalTime iso={bundle.expiresAt} />
            </p>
            {bundle.message && (
              <blockquote className="border-l-2 border-slate-300 pl-2 break-words whitespace-pre-wrap text-slate-700 dark:border-slate-600 dark:text-slate-300">
                {bundle.message}
              </blockquote>
            )}
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">{actions(bundle)}</div>
        </li>
      ))}
    </ul>
  );
}
