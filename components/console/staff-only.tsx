import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { authorizeConsole, type Viewer } from '@/lib/auth/permissions';

/**
 * Who may see a console page, decided on every request: anonymous readers go to sign in, and an owner gets the
 * page below (a page cannot answer 403 without Next.js's experimental `forbidden()`); the console API answers
 * them 403 and decides again for every call.
 */
export async function consoleViewer(): Promise<{ staff: Exclude<Viewer, null> } | { refusal: React.ReactElement }> {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect('/sign-in');
  if (authorizeConsole(viewer) !== 'allowed') return { refusal: <StaffOnly email={viewer.email} /> };
  return { staff: viewer };
}

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
