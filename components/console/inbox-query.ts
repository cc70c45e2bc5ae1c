import { FEEDBACK_STATUSES, type FeedbackStatus } from '@/lib/feedback/values';

/**
 * The inbox's filters and open item live in the page's query string, so a link shows a colleague the same view.
 * The filters use the API's own parameter names and values, so one query string serves the page and the API.
 */
export interface InboxFilters {
  /** Part of a page path; empty for every page. */
  page: string;
  helpful: boolean | undefined;
  status: FeedbackStatus | undefined;
  /** Text to find in a comment, note, page or email. */
  q: string;
}

export interface InboxQuery {
  filters: InboxFilters;
  /** The feedback whose detail is open. */
  item: string | undefined;
}

export const NO_FILTERS: InboxFilters = { page: '', helpful: undefined, status: undefined, q: '' };

type QueryRecord = Record<string, string | string[] | undefined>;

function first(params: URLSearchParams | QueryRecord, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The inbox as a query string describes it (the page's `searchParams` or the browser's); unknown values are ignored. */
export function parseInboxQuery(params: URLSearchParams | QueryRecord): InboxQuery {
  const helpful = first(params, 'helpful');
  const status = first(params, 'status');
  return {
    filters: {
      page: first(params, 'page') ?? '',
      helpful: helpful === 'true' ? true : helpful === 'false' ? false : undefined,
      status: FEEDBACK_STATUSES.find((known) => known === status),
      q: first(params, 'q') ?? '',
    },
    item: first(params, 'item') || undefined,
  };
}

/** The filters as GET /api/console/feedback takes them: only those that narrow the list, text trimmed. */
export function filtersQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  const page = filters.page.trim();
  const q = filters.q.trim();
  if (page) params.set('page', page);
  if (filters.helpful !== undefined) params.set('helpful', String(filters.helpful));
  if (filters.status) params.set('status', filters.status);
  if (q) params.set('q', q);
  return params.toString();
}

/** The page's own query string (with its `?`, or empty): the filters, then the open item. */
export function inboxSearch({ filters, item }: InboxQuery): string {
  const params = new URLSearchParams(filtersQuery(filters));
  if (item) params.set('item', item);
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

export function hasFilters(filters: InboxFilters): boolean {
  return filtersQuery(filters) !== '';
}
