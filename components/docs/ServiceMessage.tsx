/** The error text exactly as the service or browser shows it, set apart so readers can match it by eye. */
export function ServiceMessage({ message }: { message: string }) {
  return (
    <div className="not-prose my-4 flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 dark:border-red-900 dark:bg-red-950/40">
      <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" className="mt-0.5 shrink-0 text-red-600 dark:text-red-400">
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v6M12 16.5v.5" />
      </svg>
      <p className="font-mono text-sm leading-6 text-red-900 dark:text-red-100">{message}</p>
    </div>
  );
}
