import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { FeedbackInbox } from '@/components/console/feedback-inbox';
import { parseInboxQuery } from '@/components/console/inbox-query';
import { SearchMissesPanel } from '@/components/console/search-misses-panel';
import { Providers } from '@/components/providers';
import { getViewer } from '@/lib/auth';
import { authorizeConsole } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Support console' };

/**
 * The support team's console. Who may see it is decided here on every request; the data itself comes from the
 * console API, which decides again for every call.
 */
export default async function ConsolePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect('/sign-in');
  if (authorizeConsole(viewer) !== 'allowed') return <StaffOnly email={viewer.email} />;

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm break-words text-slate-600 dark:text-slate-300">
        Signed in as {viewer.email} (support staff)
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Support console</h1>
      <Providers>
        <section aria-labelledby="inbox-heading" className="mt-8 space-y-3">
          <h2 id="inbox-heading" className="text-xl font-semibold">
            Feedback inbox
          </h2>
          <FeedbackInbox initial={parseInboxQuery(await searchParams)} />
        </section>
        <div className="mt-12">
          <SearchMissesPanel />
        </div>
      </Providers>
    </main>
  );
}

/**
 * What a signed-in owner sees. A page cannot answer 403 without Next.js's experimental `forbidden()`, so it says
 * so in words and points to the owner's own page; the console API answers them 403.
 */
function StaffOnly({ email }: { email: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">This page is for support staff</h1>
      <p className="mt-3 break-words text-slate-700 dark:text-slate-300">
        You are signed in as {email}, an account owner. The support console is where the RTC Doctor support team reads
        readers’ feedback; your account’s keys are on your account page.
      </p>
      <p className="mt-6">
        <Link href="/account" className="font-medium text-brand-700 underline dark:text-brand-300">
          Go to your account
        </Link>
      </p>
    </main>
  );
}
