'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { LocalTime } from '@/components/account/local-time';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/fields';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { SENT_BUNDLES_HREF } from './sent-bundles-link';
import { bundleReference, SUPPORT_BUNDLE_RETENTION_DAYS, type EvidenceBundle } from '@/lib/evidence/bundle';

interface SentBundle {
  id: string;
  expiresAt: string;
}

/**
 * Sends the redacted bundle (the same file the download saves) to support, with an optional note. Only a
 * signed-in owner can: support needs to know whose account it is about.
 */
export function SendToSupport({ bundle, accountName }: { bundle: () => EvidenceBundle; accountName?: string }) {
  const messageId = useId();
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () =>
      requestJson<SentBundle>('/api/support/bundles', {
        method: 'POST',
        body: JSON.stringify({ bundle: bundle(), ...(message.trim() ? { message } : {}) }),
      }),
  });

  if (!accountName)
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/sign-in" className="font-medium underline">
          Sign in
        </Link>{' '}
        as an account owner to send these findings to support.
      </p>
    );

  if (send.data)
    return (
      <p
        role="status"
        className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/40"
      >
        Sent to support, reference <code className="font-semibold">{bundleReference(send.data.id)}</code>. Support can
        read it until <LocalTime iso={send.data.expiresAt} />, when it is deleted; you can withdraw it sooner from{' '}
        <Link href={SENT_BUNDLES_HREF} className="underline">
          your account page
        </Link>
        .
      </p>
    );

  return (
    <details className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">Send to support</summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <p className="text-slate-700 dark:text-slate-300">
          Support receives the redacted bundle, the same file the download saves, filed under {accountName}. The capture
          itself stays in this browser. Support and you can read it for {SUPPORT_BUNDLE_RETENTION_DAYS} days; then it is
          deleted.
        </p>
        <div className="space-y-1">
          <label htmlFor={messageId} className="block font-medium">
            What were you doing when it failed? <span className="font-normal">(optional)</span>
          </label>
          <Textarea
            id={messageId}
            rows={3}
            maxLength={FIELD_LIMITS.bundleMessage}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        {send.error && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            Not sent: {send.error.message}
          </p>
        )}
        <Button type="submit" variant="primary" size="sm" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send to support'}
        </Button>
      </form>
    </details>
  );
}
