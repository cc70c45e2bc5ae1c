import { LocalTime } from '@/components/account/local-time';
import { describeEvent } from './labels';
import type { FeedbackEvent } from './types';

/** An item's audit log, oldest first: who changed what, and when. */
export function FeedbackHistory({ events }: { events: FeedbackEvent[] }) {
  return (
    <section aria-labelledby="feedback-history-heading">
      <h3 id="feedback-history-heading" className="font-semibold text-slate-900 dark:text-slate-100">
        History
      </h3>
      {events.length === 0 ? (
        <p className="mt-1">No changes yet.</p>
      ) : (
        <ol className="mt-1 space-y-1" data-testid="feedback-history">
          {events.map((event, index) => (
            <li key={`${event.at}-${index}`} className="break-words">
              <LocalTime iso={event.at} />: {event.actorEmail} ({event.actorRole}) {describeEvent(event)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
