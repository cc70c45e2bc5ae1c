import type { Metadata } from 'next';
import { firstParam } from '@/components/first-param';
import Link from 'next/link';
import { PageFeedback } from '@/components/feedback/page-feedback';
import { findDocPage } from '@/lib/docs/pages';
import { FEEDBACK_FIELD_RULES, isSitePath, type FeedbackField } from '@/lib/feedback/values';

export const metadata: Metadata = { title: 'Feedback', robots: { index: false } };

/**
 * Feedback on any page of the site: the footer's "Let us know" opens it, and the no-JavaScript form lands here
 * after a post (`?feedback=sent`, or `?feedback=invalid&field=…`).
 */
export default async function FeedbackPage({ searchParams }: PageProps<'/feedback'>) {
  const params = await searchParams;
  const asked = firstParam(params.page);
  const page = isSitePath(asked) ? asked : '/';
  const outcome = firstParam(params.feedback);
  const field = firstParam(params.field);
  const refusedField =
    outcome === 'invalid' && field && field in FEEDBACK_FIELD_RULES ? (field as FeedbackField) : undefined;
  const title = findDocPage(page)?.title;
  const back = (
    <Link href={page} className="text-brand-700 underline dark:text-brand-300">
      {title ?? page}
    </Link>
  );

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Feedback</h1>
      {outcome === 'sent' ? (
        <div role="status" className="mt-6 space-y-3">
          <p className="rounded-lg bg-emerald-50 p-4 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            Thank you. Your feedback was sent.
          </p>
          <p className="text-slate-700 dark:text-slate-300">Back to {back}.</p>
        </div>
      ) : (
        <>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            About {back}. Tell us whether it helped and what you were trying to do; the support team reads every answer.
          </p>
          <div className="mt-8">
            <PageFeedback page={page} refusedField={refusedField} standalone />
          </div>
        </>
      )}
    </main>
  );
}
