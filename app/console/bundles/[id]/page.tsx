import type { Metadata } from 'next';
import Link from 'next/link';
import { ConsoleFrame } from '@/components/console/console-frame';
import { consoleViewer } from '@/components/console/staff-only';
import { BundleDetails } from '@/components/evidence/bundle-details';
import { getStore } from '@/lib/db';
import { SUPPORT_BUNDLE_RETENTION_DAYS } from '@/lib/evidence/bundle';

export const metadata: Metadata = { title: 'Evidence bundle · Support console' };

/** One evidence bundle an owner sent: its findings as the evidence reader showed them to the owner. */
export default async function ConsoleBundlePage({ params }: PageProps<'/console/bundles/[id]'>) {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  const { id } = await params;
  const store = await getStore();
  const bundle = id.length <= 100 ? await store.bundles.find(id) : undefined;
  const account = bundle && (await store.findAccount(bundle.accountId));
  return (
    <ConsoleFrame current="/console/accounts" email={access.staff.email}>
      {bundle ? (
        <BundleDetails bundle={bundle} account={account ? { id: account.id, name: account.name } : undefined} />
      ) : (
        <div role="alert" className="space-y-3">
          <h2 className="text-2xl font-semibold">There is no bundle with this id</h2>
          <p className="text-slate-700 dark:text-slate-300">
            It may have been withdrawn by its sender, or deleted after its {SUPPORT_BUNDLE_RETENTION_DAYS} days. Bundles
            that are still kept are listed on their account.
          </p>
          <Link href="/console/accounts" className="font-medium underline">
            Look up an account
          </Link>
        </div>
      )}
    </ConsoleFrame>
  );
}
