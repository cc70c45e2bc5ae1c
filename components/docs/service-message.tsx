import { messageLabel, type ErrorSummary } from '@/lib/errors/summary';
import { StrokeIcon } from '@/components/ui/stroke-icon';

/** The heading over the message box: whose words the box holds. */
export function messageHeading(shownBy: ErrorSummary['shownBy']): string {
  return messageLabel(shownBy).heading;
}

/**
 * The headline message of an error, set apart so readers can match it by eye. For the service's messages it is
 * the text the editor shows, word for word; for RTC Doctor's own findings the box says so, so that nobody searches
 * logs for words the service never prints.
 */
export function ServiceMessage({ message, shownBy }: { message: string; shownBy: ErrorSummary['shownBy'] }) {
  const service = shownBy === 'service';
  return (
    <div className="not-prose my-4">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{messageLabel(shownBy).note}</p>
      <div
        className={
          service
            ? 'flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 dark:border-red-900 dark:bg-red-950/40'
            : 'flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 dark:border-amber-900 dark:bg-amber-950/40'
        }
      >
        <StrokeIcon
          className={
            service
              ? 'mt-0.5 shrink-0 text-red-600 dark:text-red-400'
              : 'mt-0.5 shrink-0 text-amber-700 dark:text-amber-400'
          }
        >
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v6M12 16.5v.5" />
        </StrokeIcon>
        <p
          className={
            service
              ? 'font-mono text-sm leading-6 text-red-900 dark:text-red-100'
              : 'font-mono text-sm leading-6 text-amber-950 dark:text-amber-100'
          }
        >
          {message}
        </p>
      </div>
    </div>
  );
}
