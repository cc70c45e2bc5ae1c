'use client';

import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * Asks before something is removed for good: what it is and what follows in `children`, then Cancel or the
 * destructive action, which waits while `pending`. A failure is shown in the dialog, which stays open.
 */
export function ConfirmDialog({
  open,
  title,
  action,
  pendingAction,
  pending,
  error,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  title: string;
  /** The confirming button's label, e.g. "Delete key"; `pendingAction` while it runs, e.g. "Deleting…". */
  action: string;
  pendingAction: string;
  pending: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="dangerSolid" onClick={onConfirm} disabled={pending}>
            {pending ? pendingAction : action}
          </Button>
        </>
      }
    >
      {children}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </Dialog>
  );
}
