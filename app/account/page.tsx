import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { KeysManager } from '@/components/account/KeysManager';
import { SignOutButton } from '@/components/account/SignOutButton';
import { Providers } from '@/components/Providers';
import { CopyButton } from '@/components/ui/CopyButton';
import { getViewer } from '@/lib/auth';
import { deploymentAlgorithms } from '@/lib/config/env';
import { getStore } from '@/lib/db';

export const metadata: Metadata = { title: 'Account and keys' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect('/sign-in');
  const store = await getStore();
  const requested = (await searchParams).apiKey;
  const lookup = typeof requested === 'string' ? requested : undefined;
  const account = viewer.role === 'owner' ? await store.findAccount(viewer.accountId) : lookup ? await store.findAccountByApiKey(lookup) : undefined;

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Signed in as {viewer.email} ({viewer.role === 'staff' ? 'support staff, read only' : 'account owner'})
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{account ? account.name : 'Look up an account'}</h1>
        </div>
        <SignOutButton />
      </div>
      {viewer.role === 'staff' && (
        <form action="/account" method="get" className="mt-6 flex max-w-xl gap-2">
          <label htmlFor="lookup" className="sr-only">
            Customer API key
          </label>
          <input id="lookup" name="apiKey" defaultValue={lookup} placeholder="Customer API key, e.g. rtc_…" className="h-11 flex-1 rounded-md border border-slate-300 bg-white px-3 dark:border-slate-600 dark:bg-slate-900" />
          <button type="submit" className="h-11 rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            Look up
          </button>
        </form>
      )}
      {lookup && !account && <p role="alert" className="mt-4 text-red-700 dark:text-red-300">No account has the API key “{lookup}”.</p>}
      {account && (
        <>
          <dl className="mt-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">API key</dt>
            <dd className="flex items-center gap-2">
              <code>{account.apiKey}</code> <CopyButton text={account.apiKey} label="Copy API key" />
            </dd>
            <dt className="font-medium">JWK set URL</dt>
            <dd>
              <a className="text-brand-700 underline dark:text-brand-300" href={`/api/accounts/${account.apiKey}/jwks.json`}>
                /api/accounts/{account.apiKey}/jwks.json
              </a>
            </dd>
          </dl>
          <div className="mt-10">
            <Providers>
              <KeysManager apiKey={account.apiKey} canEdit={viewer.role === 'owner'} algorithms={deploymentAlgorithms()} />
            </Providers>
          </div>
        </>
      )}
    </main>
  );
}
