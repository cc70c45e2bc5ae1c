import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { JwksUrl } from '@/components/account/jwks-url';
import { KeysManager } from '@/components/account/keys-manager';
import { OwnerList } from '@/components/account/owner-list';
import { accountMessages } from '@/components/account/messages';
import { SignOutButton } from '@/components/account/sign-out-button';
import { SentBundles } from '@/components/evidence/sent-bundles';
import { Providers } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Input } from '@/components/ui/fields';
import { buttonClass } from '@/components/ui/styles';
import { accountPageData } from '@/lib/accounts/pages';
import { bundleListingBody } from '@/lib/api/support-bundles';
import { getViewer } from '@/lib/auth';
import { deploymentAlgorithms } from '@/lib/config/env';
import { getStore } from '@/lib/db';

export const metadata: Metadata = { title: 'Account and keys' };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect('/sign-in');
  const requested = (await searchParams).apiKey;
  const lookup = typeof requested === 'string' ? requested.trim() : undefined;
  const isStaff = viewer.role === 'staff';
  const store = await getStore();
  const {
    account,
    keys: initialKeys,
    audit: initialAudit,
    owners,
    canEdit,
  } = await accountPageData(viewer, lookup, store);
  // What the owner sent to support is theirs to see; staff read bundles in the console.
  const sentBundles =
    viewer.role === 'owner' ? (await store.bundles.listForSender(viewer.userId)).map(bundleListingBody) : [];

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm break-words text-slate-600 dark:text-slate-300">
            Signed in as {viewer.email} ({isStaff ? 'support staff, read only' : 'account owner'})
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">
            {account ? account.name : 'Look up an account'}
          </h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {isStaff && (
            <Link href="/console" className={buttonClass('outline', 'sm')}>
              Support console
            </Link>
          )}
          <SignOutButton />
        </div>
      </div>
      {isStaff && (
        <form
          action="/account"
          method="get"
          role="search"
          aria-label="Look up an account"
          className="mt-6 flex max-w-xl flex-wrap gap-2"
        >
          <label htmlFor="lookup" className="sr-only">
            Customer API key
          </label>
          <Input
            id="lookup"
            name="apiKey"
            defaultValue={lookup}
            required
            placeholder="Customer API key, e.g. rtc_…"
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 basis-56"
          />
          <Button type="submit" variant="primary" size="lg">
            Look up
          </Button>
        </form>
      )}
      {lookup && !account && (
        <p role="alert" className="mt-4 break-words text-red-700 dark:text-red-300">
          No account has the API key “{lookup}”.
        </p>
      )}
      {account && (
        <>
          <dl className="mt-6 space-y-3 text-sm sm:grid sm:grid-cols-[auto_minmax(0,1fr)] sm:items-baseline sm:gap-x-6 sm:gap-y-2 sm:space-y-0">
            {isStaff && (
              <Detail term="Owner">
                <OwnerList owners={owners ?? []} testId="account-owner" />
              </Detail>
            )}
            <Detail term="API key">
              <span className="flex flex-wrap items-baseline gap-2">
                <code className="break-all">{account.apiKey}</code>{' '}
                <CopyButton text={account.apiKey} label="Copy API key" />
              </span>
            </Detail>
            <Detail term="JWK set URL">
              <JwksUrl path={`/api/accounts/${account.apiKey}/jwks.json`} />
            </Detail>
          </dl>
          <div className="mt-10">
            <Providers>
              <KeysManager
                apiKey={account.apiKey}
                canEdit={canEdit}
                algorithms={deploymentAlgorithms()}
                initialKeys={initialKeys}
                initialAudit={initialAudit}
                messages={accountMessages()}
              />
              {viewer.role === 'owner' && (
                <div className="mt-12">
                  <SentBundles initialItems={sentBundles} />
                </div>
              )}
            </Providers>
          </div>
        </>
      )}
    </main>
  );
}

/** One term of the account's details: label above its value on a phone, beside it from `sm` up. */
function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:contents">
      <dt className="text-xs font-medium text-slate-600 sm:text-sm sm:text-slate-900 dark:text-slate-400 sm:dark:text-slate-100">
        {term}
      </dt>
      <dd className="mt-1 min-w-0 sm:mt-0">{children}</dd>
    </div>
  );
}
