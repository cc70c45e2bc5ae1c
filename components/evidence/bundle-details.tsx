import Link from 'next/link';
import { buttonClass } from '@/components/ui/styles';
import { bundleListingBody } from '@/lib/api/support-bundles';
import type { StoredSupportBundle } from '@/lib/db/bundle-store';
import { BundleList } from './bundle-list';
import { EvidenceFindings } from './evidence-findings';

/** A bundle as support reads it: who sent it about which account, their note, and the findings themselves. */
export function BundleDetails({
  bundle,
  account,
}: {
  bundle: StoredSupportBundle;
  account?: { id: string; name: string };
}) {
  return (
    <section aria-labelledby="bundle-heading" className="space-y-8">
      <div className="space-y-3">
        <h2 id="bundle-heading" className="text-2xl font-semibold tracking-tight break-words">
          Evidence from {account?.name ?? 'a deleted account'}
        </h2>
        <BundleList
          bundles={[bundleListingBody(bundle)]}
          label="This bundle"
          actions={(item) => (
            <>
              <a
                href={`/api/support/bundles/${item.id}`}
                download={`rtc-doctor-evidence-${item.id}.json`}
                className={buttonClass('outline', 'sm')}
              >
                Download JSON
              </a>
              {account && (
                <Link href={`/console/accounts?account=${account.id}`} className={buttonClass('outline', 'sm')}>
                  Open the account
                </Link>
              )}
            </>
          )}
        />
      </div>
      <EvidenceFindings findings={bundle.bundle.findings} />
    </section>
  );
}
