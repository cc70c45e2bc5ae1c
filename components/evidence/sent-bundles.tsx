'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, LoadError } from '@/components/ui/query-states';
import type { BundleListingBody } from '@/lib/api/support-bundles';
import { bundleReference, SUPPORT_BUNDLE_RETENTION_DAYS } from '@/lib/evidence/bundle';
import { BundleList } from './bundle-list';
import { SENT_BUNDLES_ID } from './sent-bundles-link';

const SENT_BUNDLES_KEY = ['support-bundles'] as const;

/** The evidence this owner sent to support and support still keeps: each can be downloaded or withdrawn. */
export function SentBundles({ initialItems }: { initialItems: BundleListingBody[] }) {
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<BundleListingBody>();
  const bundles = useQuery({
    queryKey: SENT_BUNDLES_KEY,
    queryFn: () => requestJson<{ items: BundleListingBody[] }>('/api/support/bundles'),
    initialData: { items: initialItems },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => requestJson<void>(`/api/support/bundles/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setWithdrawing(undefined);
      await queryClient.invalidateQueries({ queryKey: SENT_BUNDLES_KEY });
    },
  });
  const close = () => {
    setWithdrawing(undefined);
    withdraw.reset();
  };

  return (
    <section id={SENT_BUNDLES_ID} aria-labelledby="sent-evidence-heading" className="scroll-mt-20">
      <h2 id="sent-evidence-heading" className="text-xl font-semibold">
        Evidence sent to support
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">
        Redacted findings you sent from the{' '}
        <Link href="/tools/evidence" className="underline">
          evidence reader
        </Link>
        . Support and you can read each for {SUPPORT_BUNDLE_RETENTION_DAYS} days; then it is deleted.
      </p>
      {bundles.isError && <LoadError what="Your bundles" query={bundles} className="mb-3" />}
      {bundles.data.items.length === 0 ? (
        <EmptyState>You have not sent any evidence.</EmptyState>
      ) : (
        <BundleList
          bundles={bundles.data.items}
          label="Bundles you sent"
          actions={(bundle) => (
            <>
              <a
                href={`/api/support/bundles/${bundle.id}`}
                download={`rtc-doctor-evidence-${bundle.id}.json`}
                className="text-sm font-medium underline"
              >
                Download<span className="sr-only"> bundle {bundleReference(bundle.id)}</span>
              </a>
              <Button size="sm" variant="danger" onClick={() => setWithdrawing(bundle)}>
                Withdraw<span className="sr-only"> bundle {bundleReference(bundle.id)}</span>
              </Button>
            </>
          )}
        />
      )}
      <ConfirmDialog
        open={withdrawing !== undefined}
        title="Withdraw this bundle?"
        action="Withdraw"
        pendingAction="Withdrawing…"
        pending={withdraw.isPending}
        error={withdraw.error ? `Not withdrawn: ${withdraw.error.message}` : undefined}
        onCancel={close}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id)}
      >
        {withdrawing && (
          <p>
            Bundle <code className="font-semibold">{bundleReference(withdrawing.id)}</code> is deleted at once; support
            can no longer read it.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
