'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/fields';
import { STATUS_LABELS } from './labels';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '@/lib/feedback/values';
import type { FeedbackItem, FeedbackPatch } from './types';

/** What changed between the stored item and the form: the API writes one history line per field sent. */
function changes(item: FeedbackItem, status: FeedbackStatus, note: string): FeedbackPatch {
  return {
    ...(status !== item.status && { status }),
    ...(note !== (item.note ?? '') && { note }),
  };
}

/** The item's status and internal note, saved together with one PATCH of the fields that changed. */
export function TriageForm({ item, onSaved }: { item: FeedbackItem; onSaved: (item: FeedbackItem) => void }) {
  const id = useId();
  const [status, setStatus] = useState(item.status);
  const [note, setNote] = useState(item.note ?? '');
  const save = useMutation({
    mutationFn: (patch: FeedbackPatch) =>
      requestJson<{ item: FeedbackItem }>(`/api/console/feedback/${encodeURIComponent(item.id)}`, {
        method: 'PATCH',
        body: JSON.stringify(patch),
      }),
    onSuccess: ({ item: saved }) => {
      // The server redacts notes: show what it stored, not what was typed.
      setStatus(saved.status);
      setNote(saved.note ?? '');
      onSaved(saved);
    },
  });
  const patch = changes(item, status, note);
  const unchanged = Object.keys(patch).length === 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // aria-disabled, not disabled: the focused button keeps focus while it saves.
    if (save.isPending || unchanged) return;
    save.mutate(patch);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-describedby={save.isError ? `${id}-error` : undefined}>
      <div>
        <label htmlFor={`${id}-status`} className="block font-medium text-slate-900 dark:text-slate-100">
          Status
        </label>
        <Select
          id={`${id}-status`}
          value={status}
          onChange={(event) => {
            save.reset();
            setStatus(event.target.value as FeedbackStatus);
          }}
          className="mt-1 sm:w-56"
        >
          {FEEDBACK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="block font-medium text-slate-900 dark:text-slate-100">
          Internal note
        </label>
        <Textarea
          id={`${id}-note`}
          value={note}
          onChange={(event) => {
            save.reset();
            setNote(event.target.value);
          }}
          rows={3}
          maxLength={FIELD_LIMITS.feedbackNote}
          aria-describedby={`${id}-note-help`}
          className="mt-1"
        />
        <p id={`${id}-note-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Seen by support staff only. Tokens and private keys are removed before it is stored.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          aria-disabled={save.isPending || unchanged}
          className="aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
        >
          {save.isPending ? 'Saving…' : 'Save changes'}
        </Button>
        <p role="status" className="text-slate-600 dark:text-slate-400">
          {save.isSuccess && unchanged ? 'Saved.' : ''}
        </p>
      </div>
      {save.isError && (
        <p id={`${id}-error`} role="alert" className="text-red-700 dark:text-red-300">
          The changes were not saved: {save.error.message}
        </p>
      )}
    </form>
  );
}
