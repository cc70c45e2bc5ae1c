import Link from 'next/link';
import type { UploadProblem } from './types';

/** Why the server stored nothing: its own headline, then every finding with the link to its docs page the check gives. */
export function UploadProblems({ message, problem }: { message: string; problem: UploadProblem | undefined }) {
  const findings = problem ? [...problem.errors, ...problem.keys.flatMap((key) => key.errors)] : [];
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-semibold">{message}</p>
      {findings.length > 0 && (
        <ul className="mt-2 space-y-2" aria-label="Problems">
          {findings.map((finding, index) => {
            const { docs } = finding;
            return (
              <li key={index} data-code={finding.code} className="break-words">
                <code className="text-xs text-red-900 dark:text-red-200">{finding.code}</code>: {finding.message}
                {docs && (
                  <>
                    {' '}
                    <Link
                      href={docs}
                      className="font-medium whitespace-nowrap text-red-800 underline dark:text-red-200"
                    >
                      How to fix it →
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
