'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { requestJson } from '@/components/request-json';
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { AddKeysForm } from './add-keys-form';
import { AuditLog } from './audit-log';
import { DeleteKeyDialog } from './delete-key-dialog';
import { KeyTable } from './key-table';
import type { AccountMessages } from './messages';
import type { AuditBody, KeysBody, StoredKey } from './types';
import { EmptyState, LoadError } from '@/components/ui/query-states';

/**
 * An account's keys and audit log. `algorithms` is the deployment's accepted set, read on the server; the
 * initial bodies are what the server read for the page, so the first paint has the keys, and the queries keep
 * them fresh after every change. `messages` is the catalog wording it shows, read on the server.
 */
export function KeysManager({
  apiKey,
  canEdit,
  algorithms = SERVICE_ALGORITHMS,
  initialKeys,
  initialAudit,
  messages,
}: {
  apiKey: string;
  canEdit: boolean;
  algorithms?: readonly AlgorithmName[];
  initialKeys?: KeysBody;
  initialAudit?: AuditBody;
  messages: AccountMessages;
}) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [deleting, setDeleting] = useState<StoredKey>();
  const base = `/api/accounts/${encodeURIComponent(apiKey)}`;
  const keysKey = ['account-keys', apiKey];
  const auditKey = ['account-audit', apiKey];
  const keys = useQuery({
    queryKey: keysKey,
    queryFn: () => requestJson<KeysBody>(`${base}/keys`),
    initialData: initialKeys,
  });
  const audit = useQuery({
    queryKey: auditKey,
    queryFn: () => requestJson<AuditBody>(`${base}/audit`),
    initialData: initialAudit,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keysKey }),
      queryClient.invalidateQueries({ queryKey: auditKey }),
    ]);

  const remove = useMutation({
    mutationFn: (id: string) => requestJson(`${base}/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setDeleting(undefined);
      await refresh();
      // The button that opened the dialog went with its row: carry focus to the table's heading instead.
      heading.current?.focus();
    },
  });

  const stored = keys.data?.keys ?? [];
  return (
    <div className="space-y-10">
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          Public keys
        </h2>
        {keys.isPending && (
          <p role="status" className="mt-3 text-slate-600 dark:text-slate-300">
            Loading keys…
          </p>
        )}
        {keys.isError && <LoadError what="The keys" query={keys} className="mt-3" />}
        {keys.data && stored.length === 0 && (
          <EmptyState className="mt-3">
            No keys yet. Until a public key is registered, every token for this account fails with “
            {messages.emptyKeySet}”.{canEdit && ' Add one below.'}
          </EmptyState>
        )}
        {stored.length > 0 && (
          <div className="mt-3">
            <KeyTable
              keys={stored}
              canEdit={canEdit}
              algorithms={algorithms}
              onDelete={(key) => {
                remove.reset();
                setDeleting(key);
              }}
            />
          </div>
        )}
        {canEdit && (
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            To rotate a key: add the new key, switch your token signing to it, and delete the old key only after the
            last token it signed has expired.
          </p>
        )}
      </section>

      {canEdit && (
        <AddKeysForm
          keysUrl={`${base}/keys`}
          algorithms={algorithms}
          registeredKids={new Set(stored.map((key) => key.kid))}
          messages={messages}
          onAdded={refresh}
        />
      )}

      <AuditLog audit={audit} />

      {canEdit && (
        <DeleteKeyDialog
          target={deleting}
          isOnlyKey={stored.length === 1}
          pending={remove.isPending}
          error={remove.error?.message}
          emptySetMessage={messages.emptyKeySet}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => deleting && remove.mutate(deleting.id)}
        />
      )}
    </div>
  );
}
