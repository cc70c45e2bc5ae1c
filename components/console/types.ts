/** The shapes of the console API (GET/PATCH /api/console/feedback…, GET /api/console/search-misses, GET /api/console/docs-health), as the console reads them. */
import type { FeedbackItem } from '@/lib/api/console';
import type { ClosestPage } from '@/lib/search/closest-page';
import type { FeedbackEventAction } from '@/lib/db/schema';
import type { FeedbackStatus, SearchMissKind } from '@/lib/feedback/values';

export type { FeedbackItem };
export type { DocsHealthBody, DocsHealthPage } from '@/lib/api/console-health';

export interface FeedbackListBody {
  items: FeedbackItem[];
}

export interface FeedbackEvent {
  action: FeedbackEventAction;
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
  /** An empty note clears it. */
  note?: string;
}

export interface SearchMiss {
  query: string;
  kind: SearchMissKind;
  count: number;
  lastAt: string;
  /** The page the answer would go on, for the "write it" hint; null when no page is close. */
  closest: ClosestPage | null;
}

export interface SearchMissesBody {
  items: SearchMiss[];
}
