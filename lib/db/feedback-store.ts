import { and, asc, desc, eq, gte, ilike, or, sql, type SQL } from 'drizzle-orm';
import {
  CONSOLE_FEEDBACK_LIMIT,
  CONSOLE_SEARCH_MISS_LIMIT,
  normaliseSearchQuery,
  type FeedbackChange,
  type FeedbackFilter,
} from '@/lib/feedback';
import { redactForStorage, redactSecrets } from '@/lib/redact';
import type { Database } from './connect';
import {
  feedback,
  feedbackEvents,
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

/** The UTC calendar day of `at`, as the `day` column holds it. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `%`, `_` and `\` stand for themselves in a substring search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Feedback, its audit log and missed searches. Every free text is redacted here, on the one way into the tables
 * (lib/redact), so no caller can store a secret by forgetting to.
 */
export class FeedbackStore {
  constructor(private readonly db: Database) {}

  async insert(input: NewFeedback, at: Date = new Date()): Promise<Feedback> {
    const [row] = await this.db
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
    return row!;
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
    const since = utcDay(new Date(now.getTime() - (days - 1) * 86_400_000));
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
