import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from './connect';
import { firstDayOf, utcDay } from './days';
import { diagnosisDays } from './schema';

/** How many account-mode checks found one error code on one UTC day. */
export interface DiagnosisDayCount {
  day: string;
  code: string;
  count: number;
}

/**
 * What an account's users hit, counted per account, day and error code. The counts are all that is kept:
 * the token, its claims and who checked it never reach this table.
 */
export class DiagnosisStore {
  constructor(private readonly db: Database) {}

  /** Counts each distinct code of one check once; a check without errors counts nothing. */
  async record(accountId: string, codes: readonly string[], at: Date = new Date()): Promise<void> {
    return this.recordChecks(accountId, [codes], at);
  }

  /** As `record` for each check, in one write: a batch of thousands of checks adds to a few rows once. */
  async recordChecks(accountId: string, checks: readonly (readonly string[])[], at: Date = new Date()): Promise<void> {
    const counts = new Map<string, number>();
    for (const codes of checks) for (const code of new Set(codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
    if (counts.size === 0) return;
    const day = utcDay(at);
    await this.db
      .insert(diagnosisDays)
      .values([...counts].map(([code, count]) => ({ accountId, day, code, count })))
      .onConflictDoUpdate({
        target: [diagnosisDays.accountId, diagnosisDays.day, diagnosisDays.code],
        set: { count: sql`${diagnosisDays.count} + excluded.count` },
      });
  }

  /** The account's counts over the `days` UTC days up to `now`'s, oldest day first. */
  async daily(accountId: string, days: number, now: Date = new Date()): Promise<DiagnosisDayCount[]> {
    return this.db
      .select({ day: diagnosisDays.day, code: diagnosisDays.code, count: diagnosisDays.count })
      .from(diagnosisDays)
      .where(and(eq(diagnosisDays.accountId, accountId), gte(diagnosisDays.day, firstDayOf(days, now))))
      .orderBy(asc(diagnosisDays.day), asc(diagnosisDays.code));
  }
}
