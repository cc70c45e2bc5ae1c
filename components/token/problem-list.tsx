import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { Fix } from '@/lib/jwt/fixes';
import { ERROR_SUMMARIES, messageLabel } from '@/lib/errors/summary';
import type { DiagnosisError, DiagnosisWarning } from '@/lib/jwt';

/**
 * An error's message is the catalog's headline followed by this token's particulars. Who prints the headline
 * matters: the editor's own words can be searched for in its console; RTC Doctor's wording cannot.
 */
function ErrorMessage({ error }: { error: DiagnosisError }) {
  const entry = ERROR_SUMMARIES[error.code] as (typeof ERROR_SUMMARIES)[DiagnosisError['code']] | undefined;
  if (!entry) return <p className="mt-2 text-sm text-red-950 dark:text-red-100">{error.message}</p>;
  const headline = entry.message;
  const detail = error.message.startsWith(headline)
    ? error.message.slice(headline.length).replace(/^\.\s*/, '')
    : undefined;
  const heading = messageLabel(entry.shownBy).heading;
  const label = entry.shownBy === 'service' ? heading : `${heading} (not the editor’s words)`;
  return (
    <div className="mt-2 text-sm text-red-950 [overflow-wrap:anywhere] dark:text-red-100" data-shown-by={entry.shownBy}>
      {detail === undefined ? (
        <p>{error.message}</p>
      ) : (
        <>
          <p>
            <span className="text-xs text-red-800 dark:text-red-300">{label}:</span>{' '}
            {entry.shownBy === 'service' ? (
              <q className="font-medium">{headline}</q>
            ) : (
              <span className="font-medium">{headline}.</span>
            )}
          </p>
          {detail && <p className="mt-1">{detail}</p>}
        </>
      )}
    </div>
  );
}

export function ProblemList({
  errors,
  warnings,
  fixesOf = () => [],
  onFix,
}: {
  errors: DiagnosisError[];
  warnings: DiagnosisWarning[];
  /** The mechanical fixes for one error, offered as buttons on it. */
  fixesOf?: (error: DiagnosisError) => Fix[];
  onFix?: (fix: Fix) => void;
}) {
  return (
    <ul className="space-y-3" aria-label="Problems">
      {errors.map((error, index) => (
        <li
          key={`e${index}`}
          data-code={error.code}
          data-severity="error"
          className="rounded-lg border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Error</span>
            {/* What was found for this token leads; the service's own words follow, labelled as what the editor shows. */}
            <span className="min-w-0 font-semibold text-red-950 [overflow-wrap:anywhere] dark:text-red-100">
              {error.finding ?? error.title}
            </span>
            <code className="text-xs text-red-900 dark:text-red-200">{error.code}</code>
          </p>
          <ErrorMessage error={error} />
          <Link
            href={error.docs}
            className="mt-2 inline-block text-sm font-medium text-red-800 underline dark:text-red-200"
          >
            How to fix it →
          </Link>
          {onFix && fixesOf(error).length > 0 && (
            <div className="mt-2 flex flex-wrap gap-2">
              {fixesOf(error).map((fix) => (
                <Button key={fix.id} size="xs" variant="secondary" onClick={() => onFix(fix)}>
                  Fix: {fix.label}
                </Button>
              ))}
            </div>
          )}
        </li>
      ))}
      {warnings.map((warning, index) => (
        <li
          key={`w${index}`}
          data-code={warning.code}
          data-severity="warning"
          className="rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40"
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold text-white">Warning</span>
            <code className="text-xs text-amber-900 dark:text-amber-200">{warning.code}</code>
          </p>
          <p className="mt-2 text-sm text-amber-950 [overflow-wrap:anywhere] dark:text-amber-100">{warning.message}</p>
          <Link
            href={warning.docs}
            className="mt-2 inline-block text-sm font-medium text-amber-900 underline dark:text-amber-200"
          >
            Read more →
          </Link>
        </li>
      ))}
    </ul>
  );
}
