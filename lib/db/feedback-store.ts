import { and, asc, desc, eq, gte, ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  CONSOLE_FEEDBACK_LIMIT,
  CONSOLE_SEARCH_MISS_LIMIT,
  normaliseSearchQuery,
  type FeedbackChange,
  type FeedbackFilter,
} from '@/lib/feedback';
import { redactForStorage, redactSecrets } from '@/lib/redact';
import type { Database } from './connect';
import { firstDayOf, utcDay } from './days';
import { likePattern } from './like-pattern';
import {
  feedback,
  feedbackEvents,
  feedbackPageDays,
  FIELD_LIMITS,
  searchMisses,
  type FeedbackEventAction,
  type SearchMissKind,
} from './schema';

export type Feedback = typeof feedback.$inferSelect;
export type FeedbackEvent = typeof feedbackEvents.$inferSelect;

/** Who changed a piece of feedback, as the audit log names them. */
export interface FeedbackActor {
  id: string;
  email: string;
  role: string;
}

export interface NewFeedback {
  page: string;
  helpful: boolean;
  comment?: string | null;
  email?: string | null;
}

export interface SearchMissTotal {
  query: string;
  kind: SearchMissKind;
  count: number;
  lastAt: Date;
}

/** A page's form views and votes over some days. */
export interface PageFigures {
  views: number;
  helpful: number;
  unhelpful: number;
}

export interface PageHealth {
  page: string;
  last7Days: PageFigures;
  last30Days: PageFigures;
}

export interface PageComment {
  id: string;
  helpful: boolean;
  comment: string;
  createdAt: Date;
}

/** The share of votes that said "yes", or undefined before anyone voted. */
export function helpfulRatio(figures: PageFigures): number | undefined {
  const votes = figures.helpful + figures.unhelpful;
  return votes === 0 ? undefined : figures.helpful / votes;
}

function mostUnhelpfulFirst(a: PageHealth, b: PageHealth): number {
  return (
    b.last30Days.unhelpful - a.last30Days.unhelpful ||
    (helpfulRatio(a.last30Days) ?? 1) - (helpfulRatio(b.last30Days) ?? 1) ||
    a.page.localeCompare(b.page)
  );
}

type Writer = Pick<Database, 'insert'>;

/** Adds one to a page's day figure, making the day's row when it is the first. */
async function countInPageDay(db: Writer, page: string, at: Date, figure: keyof PageFigures): Promise<void> {
  const column = feedbackPageDays[figure];
  await db
    .insert(feedbackPageDays)
    .values({ page, day: utcDay(at), [figure]: 1 })
    .onConflictDoUpdate({
      target: [feedbackPageDays.page, feedbackPageDays.day],
      set: { [figure]: sql`${column} + 1` },
    });
}

/**
 * Feedback, its audit log and missed searches. Every free text is redacted here, on the one way into the tables
 * (lib/redact), so no caller can store a secret by forgetting to.
 */
/** A row of newestComments' query, as both drivers answer it (a timestamp may come back as text). */
interface NewestCommentRow {
  page: string;
  id: string;
  helpful: boolean;
  comment: string;
  created_at: Date | string;
}

export class FeedbackStore {
  constructor(private readonly db: Database) {}

  /** Stores the feedback and counts its vote in the page's day, in one transaction. */
  async insert(input: NewFeedback, at: Date = new Date()): Promise<Feedback> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(feedback)
        .values({
          id: crypto.randomUUID(),
          page: input.page,
          helpful: input.helpful,
          comment: input.comment ? redactForStorage(input.comment, FIELD_LIMITS.feedbackComment) : null,
          email: input.email ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await countInPageDay(tx, input.page, at, input.helpful ? 'helpful' : 'unhelpful');
      return row!;
    });
  }

  /** Counts one showing of the feedback form on `page`. */
  async recordFormView(page: string, at: Date = new Date()): Promise<void> {
    await countInPageDay(this.db, page, at, 'views');
  }

  /**
   * Each page's form views and votes over the last 7 and 30 UTC days up to `now`'s, most unhelpful first: the
   * most "no" votes in 30 days, then the lowest share of "yes".
   */
  async pageHealth(now: Date = new Date()): Promise<PageHealth[]> {
    const week = firstDayOf(7, now);
    const inWeek = (column: AnyColumn) =>
      sql<number>`coalesce(sum(${column}) filter (where ${feedbackPageDays.day} >= ${week}), 0)`.mapWith(Number);
    const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
    const rows = await this.db
      .select({
        page: feedbackPageDays.page,
        views7: inWeek(feedbackPageDays.views),
        helpful7: inWeek(feedbackPageDays.helpful),
        unhelpful7: inWeek(feedbackPageDays.unhelpful),
        views30: total(feedbackPageDays.views),
        helpful30: total(feedbackPageDays.helpful),
        unhelpful30: total(feedbackPageDays.unhelpful),
      })
      .from(feedbackPageDays)
      .where(gte(feedbackPageDays.day, firstDayOf(30, now)))
      .groupBy(feedbackPageDays.page);
    return rows
      .map(({ page, ...figures }) => ({
        page,
        last7Days: { views: figures.views7, helpful: figures.helpful7, unhelpful: figures.unhelpful7 },
        last30Days: { views: figures.views30, helpful: figures.helpful30, unhelpful: figures.unhelpful30 },
      }))
      .sort(mostUnhelpfulFirst);
  }

  /**
   * The newest `perPage` comments of each of `pages`, newest first: one query, which walks each page's
   * (page, created_at) index range from its newest end (a lateral join), however many rows the table holds.
   */
  async newestComments(pages: readonly string[], perPage = 3): Promise<Map<string, PageComment[]>> {
    const byPage = new Map<string, PageComment[]>(pages.map((page) => [page, []]));
    if (pages.length === 0) return byPage;
    const wanted = sql.join(
      pages.map((page) => sql`${page}`),
      sql`, `,
    );
    const result = (await this.db.execute(
      sql`SELECT wanted.page, newest.id, newest.helpful, newest.comment, newest.created_at
          FROM unnest(ARRAY[${wanted}]::text[]) AS wanted(page)
          CROSS JOIN LATERAL (
            SELECT ${feedback.id} AS id, ${feedback.helpful} AS helpful, ${feedback.comment} AS comment,
                   ${feedback.createdAt} AS created_at
            FROM ${feedback}
            WHERE ${feedback.page} = wanted.page AND ${feedback.comment} IS NOT NULL
            ORDER BY ${feedback.createdAt} DESC
            LIMIT ${perPage}
          ) AS newest
          ORDER BY wanted.page, newest.created_at DESC`,
    )) as unknown as { rows: NewestCommentRow[] };
    for (const row of result.rows)
      byPage.get(row.page)!.push({
        id: row.id,
        helpful: row.helpful,
        comment: row.comment,
        createdAt: new Date(row.created_at),
      });
    return byPage;
  }

  async find(id: string): Promise<Feedback | undefined> {
    const [row] = await this.db.select().from(feedback).where(eq(feedback.id, id));
    return row;
  }

  /** Newest first; `q` is a case-insensitive substring of the comment, note, page or email. */
  async list(filter: FeedbackFilter = {}, limit = CONSOLE_FEEDBACK_LIMIT): Promise<Feedback[]> {
    const conditions: SQL[] = [];
    if (filter.page !== undefined) conditions.push(eq(feedback.page, filter.page));
    if (filter.helpful !== undefined) conditions.push(eq(feedback.helpful, filter.helpful));
    if (filter.status !== undefined) conditions.push(eq(feedback.status, filter.status));
    if (filter.q !== undefined) {
      const pattern = likePattern(filter.q);
      conditions.push(
        or(
          ilike(feedback.comment, pattern),
          ilike(feedback.note, pattern),
          ilike(feedback.page, pattern),
          ilike(feedback.email, pattern),
        )!,
      );
    }
    return this.db
      .select()
      .from(feedback)
      .where(and(...conditions))
      .orderBy(desc(feedback.createdAt), desc(feedback.id))
      .limit(limit);
  }

  /** Oldest first. */
  async listEvents(feedbackId: string): Promise<FeedbackEvent[]> {
    return this.db
      .select()
      .from(feedbackEvents)
      .where(eq(feedbackEvents.feedbackId, feedbackId))
      .orderBy(asc(feedbackEvents.at), asc(feedbackEvents.id));
  }

  /**
   * Applies the change and writes one audit event per field whose value changes; a change that changes nothing
   * writes nothing. An empty note clears it. Undefined when there is no such feedback.
   */
  async update(id: string, change: FeedbackChange, actor: FeedbackActor): Promise<Feedback | undefined> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(feedback).where(eq(feedback.id, id)).for('update');
      if (!current) return undefined;
      const events: { action: FeedbackEventAction; fromValue: string | null; toValue: string | null }[] = [];
      const next: Partial<Pick<Feedback, 'status' | 'note'>> = {};
      if (change.status !== undefined && change.status !== current.status) {
        next.status = change.status;
        events.push({ action: 'status', fromValue: current.status, toValue: change.status });
      }
      if (change.note !== undefined) {
        const note = change.note.trim() === '' ? null : redactForStorage(change.note, FIELD_LIMITS.feedbackNote);
        if (note !== current.note) {
          next.note = note;
          events.push({ action: 'note', fromValue: current.note, toValue: note });
        }
      }
      if (events.length === 0) return current;
      const at = new Date();
      const [updated] = await tx
        .update(feedback)
        .set({ ...next, updatedAt: at })
        .where(eq(feedback.id, id))
        .returning();
      await tx.insert(feedbackEvents).values(
        events.map((event) => ({
          ...event,
          feedbackId: id,
          actorId: actor.id,
          actorEmail: actor.email,
          actorRole: actor.role,
          at,
        })),
      );
      return updated;
    });
  }

  /**
   * Counts one missed search under its normalised, redacted query for its UTC day. An empty query (after
   * normalising) counts nothing; the answer says whether it was counted.
   */
  async recordSearchMiss(query: string, kind: SearchMissKind, at: Date = new Date()): Promise<boolean> {
    const stored = normaliseSearchQuery(redactSecrets(query));
    const clipped = [...stored].slice(0, FIELD_LIMITS.searchQuery).join('');
    if (clipped === '') return false;
    await this.db
      .insert(searchMisses)
      .values({ query: clipped, kind, day: utcDay(at), count: 1, lastAt: at })
      .onConflictDoUpdate({
        target: [searchMisses.query, searchMisses.kind, searchMisses.day],
        set: {
          count: sql`${searchMisses.count} + 1`,
          lastAt: sql`greatest(${searchMisses.lastAt}, excluded.last_at)`,
        },
      });
    return true;
  }

  /** Missed searches summed over the `days` UTC days up to `now`'s, highest count first. */
  async searchMissTotals(
    days: number,
    limit = CONSOLE_SEARCH_MISS_LIMIT,
    now: Date = new Date(),
  ): Promise<SearchMissTotal[]> {
    const since = firstDayOf(days, now);
    const total = sql<number>`sum(${searchMisses.count})`.mapWith(Number);
    const lastAt = sql<Date>`max(${searchMisses.lastAt})`.mapWith((value: string | Date) => new Date(value));
    return this.db
      .select({ query: searchMisses.query, kind: searchMisses.kind, count: total, lastAt })
      .from(searchMisses)
      .where(gte(searchMisses.day, since))
      .groupBy(searchMisses.query, searchMisses.kind)
      .orderBy(desc(total), desc(lastAt), asc(searchMisses.query))
      .limit(limit);
  }
}
