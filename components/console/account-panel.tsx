import Link from 'next/link';
import { KeysManager } from '@/components/account/keys-manager';
import { OwnerList } from '@/components/account/owner-list';
import { accountMessages } from '@/components/account/messages';
import { Providers } from '@/components/providers';
import { CopyButton } from '@/components/ui/copy-button';
import { buttonClass } from '@/components/ui/styles';
import { accountAuditBody, accountKeysBody } from '@/lib/api/account-keys';
import type { AccountView } from '@/lib/api/console-accounts';
import { deploymentAlgorithms } from '@/lib/config/env';
import type { Account, Store } from '@/lib/db/store';
import { BundleList } from '@/components/evidence/bundle-list';
import { EmptyState } from '@/components/ui/query-states';
import { bundleReference, SUPPORT_BUNDLE_RETENTION_DAYS } from '@/lib/evidence/bundle';
import { DiagnosisChart } from './diagnosis-chart';

/**
 * One account as support reads it: who owns it, what its users hit, the evidence its owners sent, its keys with last
 * use and its audit log.
 */
export async function AccountPanel({ view, account, store }: { view: AccountView; account: Account; store: Store }) {
  const [keys, audit] = await Promise.all([accountKeysBody(account, store), accountAuditBody(account, store)]);
  const { owners, apiKey, name } = view.account;
  return (
    <section aria-labelledby="account-heading" className="space-y-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h2 id="account-heading" className="text-2xl font-semibold tracking-tight break-words">
            {name}
          </h2>
          <p className="flex flex-wrap items-baseline gap-2 text-sm">
            <span className="text-slate-600 dark:text-slate-400">API key</span>
            <code className="break-all">{apiKey}</code>
            <CopyButton text={apiKey} label="Copy API key" />
          </p>
          <div className="text-sm text-slate-700 dark:text-slate-300">
            <OwnerList owners={owners} testId="account-owners" />
          </div>
        </div>
        <Link href={`/account?apiKey=${encodeURIComponent(apiKey)}`} className={buttonClass('outline', 'sm')}>
          Open the account page
        </Link>
      </div>
      <section aria-labelledby="diagnoses-heading">
        <h3 id="diagnoses-heading" className="text-lg font-semibold">
          What its users hit
        </h3>
        <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">
          Errors found by account-mode checks of this account&apos;s tokens, per UTC day. Only codes and counts are
          kept, never the tokens.
        </p>
        <DiagnosisChart diagnoses={view.diagnoses} />
      </section>
      <section aria-labelledby="bundles-heading">
        <h3 id="bundles-heading" className="text-lg font-semibold">
          Evidence sent to support
        </h3>
        <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">
          Redacted findings its owners sent from the evidence reader, kept {SUPPORT_BUNDLE_RETENTION_DAYS} days.
        </p>
        {view.bundles.length === 0 ? (
          <EmptyState>No evidence sent. Owners send it from the evidence reader, signed in.</EmptyState>
        ) : (
          <BundleList
            bundles={view.bundles}
            label="Evidence bundles"
            actions={(bundle) => (
              <Link href={`/console/bundles/${bundle.id}`} className={buttonClass('outline', 'sm')}>
                Open<span className="sr-only"> bundle {bundleReference(bundle.id)}</span>
              </Link>
            )}
          />
        )}
      </section>
      <Providers>
        <KeysManager
          apiKey={apiKey}
          canEdit={false}
          algorithms={deploymentAlgorithms()}
          initialKeys={keys}
          initialAudit={audit}
          messages={accountMessages()}
        />
      </Providers>
    </section>
  );
}
