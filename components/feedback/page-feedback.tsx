'use client';

import { startTransition, useActionState, useId, useRef, useState, type FormEvent } from 'react';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/fields';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { FEEDBACK_FIELD_RULES, type FeedbackField } from '@/lib/feedback/values';
import { useFormViewBeacon } from './use-form-view-beacon';

interface PageFeedbackProps {
  /** The site path the feedback is about. */
  page: string;
  /** A field the server refused on a no-JavaScript post, shown above the form. */
  refusedField?: FeedbackField;
  /** Set where the form is the page's subject (/feedback), not its last section. */
  standalone?: boolean;
}

const FIELD_NAMES: Record<FeedbackField, string> = {
  page: 'Page',
  helpful: 'Helpful',
  comment: 'Comment',
  email: 'Email',
};

interface Submission {
  page: string;
  helpful: boolean;
  comment: string;
  email: string;
}

/** The field a 400 names: its message starts "email: …". */
function refusedFieldOf(error: Error | undefined): FeedbackField | undefined {
  const field = error?.message.split(':')[0];
  return field && field in FEEDBACK_FIELD_RULES ? (field as FeedbackField) : undefined;
}

type SendState = { status: 'idle' } | { status: 'sent' } | { status: 'failed'; error: Error };

/** One post of the form, as React's form action: it owns the pending state, and nothing else needs the result. */
async function sendFeedback(_previous: SendState, submission: Submission): Promise<SendState> {
  try {
    await requestJson<{ id: string }>('/api/feedback', { method: 'POST', body: JSON.stringify(submission) });
    return { status: 'sent' };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * "Was this page helpful?": yes or no, an optional comment and email; a plain form post before JavaScript runs.
 * React's own form state rather than TanStack Query: this form is on every docs page, and a write that nothing
 * reads back does not need a cache.
 */
export function PageFeedback({ page, refusedField, standalone = false }: PageFeedbackProps) {
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const [helpful, setHelpful] = useState<boolean>();
  useFormViewBeacon(section, page);
  const [send, dispatch, pending] = useActionState(sendFeedback, { status: 'idle' });
  const error = send.status === 'failed' ? send.error : undefined;
  const invalid = refusedFieldOf(error) ?? (send.status === 'idle' ? refusedField : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const submission = {
      page,
      helpful: form.get('helpful') === 'yes',
      comment: String(form.get('comment') ?? ''),
      email: String(form.get('email') ?? ''),
    };
    startTransition(() => dispatch(submission));
  }

  return (
    <section
      ref={section}
      id="feedback"
      aria-labelledby={`${id}-title`}
      className={standalone ? '' : 'mt-12 border-t border-slate-200 pt-8 dark:border-slate-800'}
    >
      {send.status === 'sent' ? (
        <p
          // The form is replaced by the thanks: focus follows, so a screen reader says it and the keyboard is not lost.
          ref={(node) => node?.focus()}
          tabIndex={-1}
          role="status"
          id={`${id}-title`}
          className="rounded-lg bg-emerald-50 p-4 font-medium text-emerald-900 outline-none dark:bg-emerald-950 dark:text-emerald-100"
        >
          Thank you. Your feedback was sent{helpful === false ? '; the team reads every “no”' : ''}.
        </p>
      ) : (
        <form method="post" action="/api/feedback" onSubmit={submit} className="feedback-form space-y-4">
          <input type="hidden" name="page" value={page} />
          <fieldset>
            <legend id={`${id}-title`}>
              <h2 className="text-lg font-semibold text-slate-900 dark:text-white">Was this page helpful?</h2>
            </legend>
            <div className="mt-3 flex gap-3">
              {(['yes', 'no'] as const).map((answer) => (
                <label
                  key={answer}
                  className="inline-flex h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-medium text-slate-800 hover:bg-slate-50 has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:has-checked:border-brand-500 dark:has-checked:bg-brand-600 dark:has-checked:text-white"
                >
                  <input
                    type="radio"
                    name="helpful"
                    value={answer}
                    required
                    onChange={() => setHelpful(answer === 'yes')}
                    className="sr-only"
                  />
                  {answer === 'yes' ? 'Yes' : 'No'}
                </label>
              ))}
            </div>
          </fieldset>
          {invalid && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              Not sent. {FIELD_NAMES[invalid]}: {FEEDBACK_FIELD_RULES[invalid]}.
            </p>
          )}
          {error && !invalid && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              Not sent: {error.message}
            </p>
          )}
          {/* Shown once an answer is chosen (globals.css, .feedback-form), with or without JavaScript. */}
          <div className="feedback-more space-y-4">
            <div>
              <label htmlFor={`${id}-comment`} className="block font-medium text-slate-900 dark:text-slate-100">
                What were you trying to do?{' '}
                <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
              </label>
              <Textarea
                id={`${id}-comment`}
                name="comment"
                rows={3}
                maxLength={FIELD_LIMITS.feedbackComment}
                aria-invalid={invalid === 'comment' || undefined}
                aria-describedby={`${id}-comment-hint`}
                className="mt-1"
              />
              <p id={`${id}-comment-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Tokens and private keys pasted here are cut down before the comment is stored.
              </p>
            </div>
            <div>
              <label htmlFor={`${id}-email`} className="block font-medium text-slate-900 dark:text-slate-100">
                Email for a reply <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
              </label>
              <Input
                id={`${id}-email`}
                name="email"
                type="email"
                autoComplete="email"
                maxLength={FIELD_LIMITS.userEmail}
                aria-invalid={invalid === 'email' || undefined}
                className="mt-1 sm:w-80"
              />
            </div>
            <Button type="submit" variant="primary" aria-disabled={pending}>
              {pending ? 'Sending…' : 'Send feedback'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
