import type { Viewer } from '@/lib/auth/permissions';
import { helpfulRatio, type PageComment, type PageFigures, type PageHealth } from '@/lib/db/feedback-store';
import type { Store } from '@/lib/db/store';
import { listDocPages } from '@/lib/docs/pages';
import { NO_STORE } from '@/lib/http/json';
import { consoleAccess } from './console-access';

/** How many of each page's newest comments docs health shows. */
export const HEALTH_COMMENTS_PER_PAGE = 3;

const NO_FIGURES: PageFigures = { views: 0, helpful: 0, unhelpful: 0 };

function figuresItem(figures: PageFigures) {
  return { ...figures, ratio: helpfulRatio(figures) ?? null };
}

/** One page of docs health as the API answers it (dates in ISO 8601; `ratio` null before any vote). */
function pageHealthItem(row: PageHealth, title: string | undefined, comments: readonly PageComment[]) {
  return {
    page: row.page,
    title: title ?? null,
    last7Days: figuresItem(row.last7Days),
    last30Days: figuresItem(row.last30Days),
    comments: comments.map((comment) => ({
      id: comment.id,
      helpful: comment.helpful,
      comment: comment.comment,
      createdAt: comment.createdAt.toISOString(),
    })),
  };
}

export type DocsHealthPage = ReturnType<typeof pageHealthItem>;
export interface DocsHealthBody {
  pages: DocsHealthPage[];
}

/**
 * GET /api/console/docs-health: every docs page (and any other page readers answered on), with its form views,
 * votes and share of "yes" over the last 7 and 30 days and its newest comments, most unhelpful first.
 */
export async function getDocsHealth(request: Request, viewer: Viewer, store: Store): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const measured = await store.feedback.pageHealth();
  const byPage = new Map(measured.map((row) => [row.page, row]));
  const docs = listDocPages();
  const titles = new Map(docs.map((page) => [page.href, page.title]));
  // Pages nobody has answered on yet are listed too, after every answered one: unread is worth knowing.
  const unmeasured: PageHealth[] = docs
    .filter((page) => !byPage.has(page.href))
    .map((page) => ({ page: page.href, last7Days: NO_FIGURES, last30Days: NO_FIGURES }));
  const rows = [...measured, ...unmeasured];
  const comments = await store.feedback.newestComments(
    measured.filter((row) => row.last30Days.helpful + row.last30Days.unhelpful > 0).map((row) => row.page),
    HEALTH_COMMENTS_PER_PAGE,
  );
  const body: DocsHealthBody = {
    pages: rows.map((row) => pageHealthItem(row, titles.get(row.page), comments.get(row.page) ?? [])),
  };
  return Response.json(body, { headers: NO_STORE });
}
