'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { LocalTime } from '@/components/account/local-time';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { HelpfulBadge } from './badges';
import { FeedbackHistory } from './feedback-history';
import { FEEDBACK_LIST_KEY } from './query-keys';
import { TriageForm } from './triage-form';
import type { FeedbackDetailBody, FeedbackItem } from './types';

const detailKey = (id: string) => ['console-feedback-item', id];

/** requestJson's errors carry the HTTP status: an unknown id is not worth a retry. */
function isNotFound(error: Error): boolean {
  return (error as Error & { status?: number }).status === 404;
}

/** One piece of feedback in full, with its status and note to change and its history. */
export function FeedbackDetailDialog({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: detailKey(id ?? ''),
    queryFn: () => requestJson<FeedbackDetailBody>(`/api/console/feedback/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    // Another member of staff may have changed it since: always ask again when it opens.
    staleTime: 0,
  });

  async function saved(item: FeedbackItem) {
    queryClient.setQueryData<FeedbackDetailBody>(detailKey(item.id), (old) => old && { ...old, item });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: detailKey(item.id) }),
      queryClient.invalidateQueries({ queryKey: FEEDBACK_LIST_KEY }),
    ]);
  }

  const item = detail.data?.item;
  return (
    <Dialog
      open={id !== undefined}
      onClose={onClose}
      title={item ? `Feedback on ${item.page}` : 'Feedback'}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {detail.isPending && <p role="status">Loading the feedback…</p>}
      {detail.isError && (
        <div role="alert" className="space-y-2 text-red-700 dark:text-red-300">
          <p>
            {isNotFound(detail.error)
              ? 'This feedback no longer exists.'
              : `The feedback could not be loaded: ${detail.error.message}`}
          </p>
          {!isNotFound(detail.error) && (
            <Button size="sm" onClick={() => void detail.refetch()} disabled={detail.isFetching}>
              Try again
            </Button>
          )}
        </div>
      )}
      {item && detail.data && (
        <>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
            <dt className="font-medium text-slate-900 dark:text-slate-100">Page</dt>
            <dd>
              <Link
                href={item.page}
                prefetch={false}
                className="break-all text-brand-700 underline dark:text-brand-300"
              >
                {item.page}
              </Link>
            </dd>
            <dt className="font-medium text-slate-900 dark:text-slate-100">Vote</dt>
            <dd>
              <HelpfulBadge helpful={item.helpful} />
            </dd>
            <dt className="font-medium text-slate-900 dark:text-slate-100">Received</dt>
            <dd>
              <LocalTime iso={item.createdAt} />
            </dd>
            <dt className="font-medium text-slate-900 dark:text-slate-100">Email</dt>
            <dd className="break-all">
              {item.email ? (
                <a href={`mailto:${item.email}`} className="text-brand-700 underline dark:text-brand-300">
                  {item.email}
                </a>
              ) : (
                'None given'
              )}
            </dd>
          </dl>
          <div>
            <h3 className="font-semibold text-slate-900 dark:text-slate-100">Comment</h3>
            <p className="mt-1 whitespace-pre-wrap break-words" data-testid="feedback-comment">
              {item.comment ?? 'No comment.'}
            </p>
          </div>
          <TriageForm key={item.id} item={item} onSaved={saved} />
          <FeedbackHistory events={detail.data.events} />
        </>
      )}
    </Dialog>
  );
}
