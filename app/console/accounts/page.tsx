import type { Metadata } from 'next';
import { firstParam } from '@/components/first-param';
import { AccountMatches } from '@/components/console/account-matches';
import { AccountPanel } from '@/components/console/account-panel';
import { ConsoleFrame } from '@/components/console/console-frame';
import { consoleViewer } from '@/components/console/staff-only';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';
import { accountLookupSchema, accountMatches, accountView } from '@/lib/api/console-accounts';
import { getStore } from '@/lib/db';

export const metadata: Metadata = { title: 'Accounts · Support console' };

/** `?q=` looks accounts up (a single match opens at once), `?account=` opens one. */
export default async function ConsoleAccountsPage({ searchParams }: PageProps<'/console/accounts'>) {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  const params = await searchParams;
  const lookup = accountLookupSchema.safeParse({ q: firstParam(params.q) ?? '' });
  const query = lookup.success ? lookup.data.q : '';
  const store = await getStore();
  const matches = query ? await accountMatches(store, query) : [];
  const openId = firstParam(params.account) ?? (matches.length === 1 ? matches[0]!.id : undefined);
  const view = openId ? await accountView(store, openId) : undefined;
  const account = view && (await store.findAccount(view.account.id));

  return (
    <ConsoleFrame current="/console/accounts" email={access.staff.email}>
      <div className="space-y-8">
        <form
          action="/console/accounts"
          method="get"
          role="search"
          aria-label="Look up an account"
          className="space-y-1"
        >
          <label htmlFor="account-lookup" className="block font-medium">
            API key, account name or owner email
          </label>
          <div className="flex max-w-2xl flex-wrap gap-2">
            <Input
              id="account-lookup"
              name="q"
              defaultValue={query}
              required
              autoComplete="off"
              spellCheck={false}
              placeholder="rtc_…, Acme, or ada@acme.example"
              className="min-w-0 flex-1 basis-64"
            />
            <Button type="submit" variant="primary" size="lg">
              Look up
            </Button>
          </div>
        </form>
        {query && <AccountMatches query={query} matches={matches} open={view?.account.id} />}
        {openId && !view && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            There is no account with the id “{openId}”.
          </p>
        )}
        {view && account && <AccountPanel view={view} account={account} store={store} />}
      </div>
    </ConsoleFrame>
  );
}
