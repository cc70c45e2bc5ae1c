import type { Metadata } from 'next';
import { ConsoleFrame } from '@/components/console/console-frame';
import { FeedbackInbox } from '@/components/console/feedback-inbox';
import { parseInboxQuery } from '@/components/console/inbox-query';
import { consoleViewer } from '@/components/console/staff-only';
import { Providers } from '@/components/providers';

export const metadata: Metadata = { title: 'Feedback inbox · Support console' };

export default async function ConsolePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  return (
    <ConsoleFrame current="/console" email={access.staff.email}>
      <section aria-labelledby="inbox-heading" className="space-y-3">
        <h2 id="inbox-heading" className="text-xl font-semibold">
          Feedback inbox
        </h2>
        <Providers>
          <FeedbackInbox initial={parseInboxQuery(await searchParams)} />
        </Providers>
      </section>
    </ConsoleFrame>
  );
}
