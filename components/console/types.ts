/** The shapes of the console API (GET/PATCH /api/console/feedback…, GET /api/console/search-misses), as the console reads them. */

export const FEEDBACK_STATUSES = ['new', 'in-progress', 'done'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface FeedbackItem {
  id: string;
  page: string;
  helpful: boolean;
  /** Already redacted by the server before it was stored. */
  comment: string | null;
  email: string | null;
  status: FeedbackStatus;
  /** Staff's internal note, redacted like comments. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackListBody {
  items: FeedbackItem[];
}

export interface FeedbackEvent {
  action: 'status' | 'note';
  from: string | null;
  to: string | null;
  actorEmail: string;
  actorRole: string;
  at: string;
}

export interface FeedbackDetailBody {
  item: FeedbackItem;
  /** Oldest first. */
  events: FeedbackEvent[];
}

export interface FeedbackPatch {
  status?: FeedbackStatus;
  note?: string;
}

export type SearchMissKind = 'no-result' | 'not-opened';

export interface SearchMiss {
  query: string;
  kind: SearchMissKind;
  count: number;
  lastAt: string;
}

export interface SearchMissesBody {
  items: SearchMiss[];
}
