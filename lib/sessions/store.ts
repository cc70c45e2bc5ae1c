import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connect';

/** The channel every creation is announced on; the payload names the document and the winner's key hint. */
export const SESSION_CHANNEL = 'rtc_doctor_sessions';

export interface SessionAnnouncement {
  documentId: string;
  keyHint: string;
}

export interface CreateOutcome {
  outcome: 'created' | 'rejected';
  /** The winner's key hint: the caller's own when created. */
  keyHint: string;
}

/** What `execute` gives back: node-postgres counts rows in `rowCount`, PGlite in `affectedRows`. */
interface ExecuteResult<T> {
  rows: T[];
  rowCount?: number | null;
  affectedRows?: number;
}

async function execute<T>(db: Database, query: ReturnType<typeof sql>): Promise<ExecuteResult<T>> {
  return (await db.execute(query)) as ExecuteResult<T>;
}

/** True when the row `s` has been idle longer than `idleSeconds`: it counts as gone and may be replaced or purged. */
const expired = (idleSeconds: number) => sql`s.last_active_at <= now() - ${idleSeconds}::integer * interval '1 second'`;

/**
 * Sessions over the database. The database alone decides who wins: see `create`. Activity (a create attempt,
 * won or lost, or a client starting to wait for the session) moves `last_active_at` forward (see `findLive`).
 */
export class SessionStore {
  /** Activity is recorded at most this often: a tenth of the idle time, at most a minute, so expiry is late by 10 % at worst. */
  readonly activityGranularitySeconds: number;

  constructor(
    private readonly db: Database,
    private readonly idleSeconds: number,
  ) {
    this.activityGranularitySeconds = Math.min(60, idleSeconds / 10);
  }

  /**
   * The database decides, in one atomic, conditional write: the INSERT (ON CONFLICT DO NOTHING, so a
   * creator racing one still in flight waits for it to commit) or, when the stored session has expired,
   * the UPDATE that replaces it (the row lock lets one replacer through; the others see the fresh row and
   * match nothing). Whoever's write returned a row won. A loser reads the winner only after its own write
   * found the row, so it reads committed state; losers never write, which keeps a crowd of them cheap.
   * The NOTIFY is part of the winning statement and is sent by the database on commit: a crash after the
   * commit cannot lose the announcement.
   */
  async create(documentId: string, keyHint: string, content: string | undefined): Promise<CreateOutcome> {
    // Each round reads first: a live session means the race is decided. Otherwise the first round inserts;
    // if that conflicted and the next read still finds nothing live, the row there has expired, so the next
    // round replaces it; if someone else replaced it first, the read after that finds theirs. Purges between
    // rounds send it back to inserting. Losers of a race thus cost three statements and write nothing.
    for (let round = 0; round < 6; round++) {
      const winner = await this.findLive(documentId);
      if (winner !== undefined) return { outcome: 'rejected', keyHint: winner };
      const won = round % 2 === 0 ? await this.insert(documentId, keyHint, content) : await this.replaceExpired(documentId, keyHint, content);
      if (won) return { outcome: 'created', keyHint };
    }
    throw new Error(`The session for ${documentId} kept disappearing while being created.`);
  }

  /** The NOTIFY rides on the winning statement (`won` is its CTE). */
  private announce(documentId: string) {
    return sql`pg_notify(${SESSION_CHANNEL}, json_build_object('documentId', ${documentId}::text, 'keyHint', won.key_hint)::text)`;
  }

  /** True when this insert created the session; ON CONFLICT DO NOTHING waits for a racing insert to commit. */
  private async insert(documentId: string, keyHint: string, content: string | undefined): Promise<boolean> {
    const result = await execute(this.db, sql`
      WITH won AS (
        INSERT INTO collaboration_sessions (document_id, key_hint, content, created_at, last_active_at)
        VALUES (${documentId}, ${keyHint}, ${content ?? null}, now(), now())
        ON CONFLICT (document_id) DO NOTHING
        RETURNING key_hint)
      SELECT won.key_hint, ${this.announce(documentId)} FROM won`);
    return result.rows.length === 1;
  }

  /** True when this update replaced an expired session; the row lock lets one replacer through, the rest match nothing. */
  private async replaceExpired(documentId: string, keyHint: string, content: string | undefined): Promise<boolean> {
    const result = await execute(this.db, sql`
      WITH won AS (
        UPDATE collaboration_sessions AS s
        SET key_hint = ${keyHint}, content = ${content ?? null}, created_at = now(), last_active_at = now()
        WHERE s.document_id = ${documentId} AND ${expired(this.idleSeconds)}
        RETURNING s.key_hint)
      SELECT won.key_hint, ${this.announce(documentId)} FROM won`);
    return result.rows.length === 1;
  }

  /**
   * The live session's key hint, if there is one. Finding it counts as activity, but is recorded at most once
   * per `activityGranularitySeconds`, so that a crowd of late creators or subscribers reads instead of writing.
   */
  async findLive(documentId: string): Promise<string | undefined> {
    const live = await execute<{ key_hint: string; stale: boolean }>(
      this.db,
      sql`SELECT s.key_hint, s.last_active_at <= now() - ${this.activityGranularitySeconds}::double precision * interval '1 second' AS stale
          FROM collaboration_sessions AS s WHERE s.document_id = ${documentId} AND NOT (${expired(this.idleSeconds)})`,
    );
    const row = live.rows[0];
    if (row?.stale) {
      await execute(this.db, sql`UPDATE collaboration_sessions AS s SET last_active_at = now() WHERE s.document_id = ${documentId} AND NOT (${expired(this.idleSeconds)})`);
    }
    return row?.key_hint;
  }

  /** Deletes sessions idle too long. Safe beside creators: the condition is checked again on the locked row. */
  async purgeExpired(): Promise<number> {
    const result = await execute(this.db, sql`DELETE FROM collaboration_sessions AS s WHERE ${expired(this.idleSeconds)}`);
    return result.rowCount ?? result.affectedRows ?? 0;
  }
}
