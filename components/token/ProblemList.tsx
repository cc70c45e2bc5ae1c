import Link from 'next/link';
import type { DiagnosisError, DiagnosisWarning } from '@/lib/jwt';

export function ProblemList({ errors, warnings }: { errors: DiagnosisError[]; warnings: DiagnosisWarning[] }) {
  return (
    <ul className="space-y-3" aria-label="Problems">
      {errors.map((error, index) => (
        <li key={`e${index}`} data-code={error.code} data-severity="error" className="rounded-lg border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40">
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Error</span>
            <span className="font-semibold text-red-950 dark:text-red-100">{error.title}</span>
            <code className="text-xs text-red-900 dark:text-red-200">{error.code}</code>
          </p>
          <p className="mt-2 text-sm text-red-950 dark:text-red-100">{error.message}</p>
          <Link href={error.docs} className="mt-2 inline-block text-sm font-medium text-red-800 underline dark:text-red-200">
            How to fix it →
          </Link>
        </li>
      ))}
      {warnings.map((warning, index) => (
        <li key={`w${index}`} data-code={warning.code} data-severity="warning" className="rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40">
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold text-white">Warning</span>
            <code className="text-xs text-amber-900 dark:text-amber-200">{warning.code}</code>
          </p>
          <p className="mt-2 text-sm text-amber-950 dark:text-amber-100">{warning.message}</p>
          <Link href={warning.docs} className="mt-2 inline-block text-sm font-medium text-amber-900 underline dark:text-amber-200">
            Read more →
          </Link>
        </li>
      ))}
    </ul>
  );
}
