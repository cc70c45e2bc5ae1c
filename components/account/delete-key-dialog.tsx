'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LocalTime } from './local-time';
import type { StoredKey } from './types';

/**
 * Asks before a key is deleted, naming it and what stops working: the service looks keys up by kid, so a
 * token endpoint still signing with this one breaks every editor it serves until it signs with another key.
 */
export function DeleteKeyDialog({
  target,
  isOnlyKey,
  pending,
  error,
  onCancel,
  onConfirm,
  emptySetMessage,
}: {
  target: StoredKey | undefined;
  isOnlyKey: boolean;
  pending: boolean;
  error: string | undefined;
  onCancel: () => void;
  onConfirm: () => void;
  /** What the editor shows when the account has no key left. */
  emptySetMessage: string;
}) {
  return (
    <ConfirmDialog
      open={target !== undefined}
      title="Delete this key?"
      action="Delete key"
      pendingAction="Deleting…"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {target && (
        <>
          <p>
            The key <code className="break-all font-semibold text-slate-900 dark:text-white">{target.kid}</code> is
            removed from this account and its JWK set at once.
          </p>
          <p>
            Tokens signed with this kid stop verifying: the editor cannot connect for anyone whose token uses it until
            your token endpoint signs with another registered key.
            {isOnlyKey && <> It is the account’s only key, so every token will fail with “{emptySetMessage}”.</>}
          </p>
          <p>
            {target.lastUsedAt ? (
              <>
                RTC Doctor last verified a token signed with it on <LocalTime iso={target.lastUsedAt} />.
              </>
            ) : (
              'RTC Doctor has not verified a token signed with it, which does not mean that no token uses it.'
            )}
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
