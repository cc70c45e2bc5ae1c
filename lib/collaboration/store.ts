import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connect';
import { COLLABORATION_SESSION_ROW_OVERHEAD_BYTES } from '@/lib/db/schema';
import { DEFAULT_COLLABORATION_STORAGE_BYTES, COLLABORATION_EVICTION_BATCH } from './limits';

/** The channel every creation is announced on; the payload names the document and the winner's key hint. */
export const COLLABORATION_CHANNEL = 'rtc_doctor_sessions';

export interface CollaborationAnnouncement {
  documentId: string;
  keyHint: string;
}

export interface CreateOutcome {
  outcome: 'created' | 'rejected';
  /** The winner's key hint: the caller's own when created. */
  keyHint: string;
}

/** The create would have stored the session, but there is no room for it, even after evicting expired sessions. */
export interface StorageFull {
  outcome: 'storage-full';
  /** The bound (RTC_DOCTOR_SESSION_STORAGE_BYTES). */
  storageBytes: number;
}

export type StoreOutcome = CreateOutcome | StorageFull;

const utf8 = new TextEncoder();

/**
 * What a session counts against the storage bound: the UTF-8 bytes of its document id, key hint and content, plus
 * COLLABORATION_SESSION_ROW_OVERHEAD_BYTES. The database computes the same (collaboration_sessions.size_bytes).
 */
export function collaborationSessionSize(documentId: string, keyHint: string, content: string | undefined): number {
  const bytes = (text: string) => utf8.encode(text).byteLength;
  return (
    bytes(documentId) +
    bytes(keyHint) +
    (content === undefined ? 0 : bytes(content)) +
    COLLABORATION_SESSION_ROW_OVERHEAD_BYTES
  );
}

/** What `execute` gives back: node-postgres counts rows in `rowCount`, PGlite in `affectedRows`. */
interface ExecuteResult<T> {
  rows: T[];
  rowCount?: number | null;
  affectedRows?: number;
}

/** The database, or a transaction on it. */
type Executor = Pick<Database, 'execute'>;

async function execute<T>(db: Executor, query: ReturnType<typeof sql>): Promise<ExecuteResult<T>> {
  return (await db.execute(query)) as ExecuteResult<T>;
}

/** Thrown inside a winning write's transaction to roll it back: there is no room for the session. */
class NoRoom extends Error {}

/** True when the row `s` has been idle longer than `idleSeconds`: it counts as gone and may be replaced or purged. */
const expired = (idleSeconds: number) => sql`s.last_active_at <= now() - ${idleSeconds}::integer * interval '1 second'`;

/**
 * Sessions over the database. The database alone decides who wins: see `create`. Activity (a create attempt,
 * won or lost, or a client starting to wait for the session) moves `last_active_at` forward (see `findLive`).
 * All sessions together take at most `storageBytes` (see `writeWithinBound`).
 */
export class CollaborationStore {
  /** Activity is recorded at most this often: a tenth of the idle time, at most a minute, so expiry is late by 10 % at worst. */
  readonly activityGranularitySeconds: number;

  constructor(
    private readonly db: Database,
    private readonly idleSeconds: number,
    readonly storageBytes: number = DEFAULT_COLLABORATION_STORAGE_BYTES,
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
  async create(documentId: string, keyHint: string, content: string | undefined): Promise<StoreOutcome> {
    // Each round reads first: a live session means the race is decided. Otherwise the first round inserts;
    // if that conflicted and the next read still finds nothing live, the row there has expired, so the next
    // round replaces it; if someone else replaced it first, the read after that finds theirs. Purges between
    // rounds send it back to inserting. Losers of a race thus cost three statements (and the BEGIN and COMMIT
    // around a write) and write nothing. A winner with no room for its session rolls back and is told so.
    for (let round = 0; round < 6; round++) {
      const winner = await this.findLive(documentId);
      if (winner !== undefined) return { outcome: 'rejected', keyHint: winner };
      const won = await this.writeWithinBound(
        documentId,
        round % 2 === 0 ? this.insert(documentId, keyHint, content) : this.replaceExpired(documentId, keyHint, content),
      );
      if (won === 'no-room') return { outcome: 'storage-full', storageBytes: this.storageBytes };
      if (won) return { outcome: 'created', keyHint };
    }
    throw new Error(`The session for ${documentId} kept disappearing while being created.`);
  }

  /**
   * Runs a winning write (`insert` or `replaceExpired`) in a transaction that commits only if all sessions then fit in
   * `storageBytes`. A write that wins locks the one row of collaboration_session_storage (its trigger updates the sum,
   * or `makeRoom` locks it) until it commits, so winners check the bound one at a time, each seeing what the ones
   * before it stored: concurrent creates cannot overshoot it together. Losers (a conflict, an unexpired row) match
   * nothing, fire no update of the sum and take no lock. If there is no room even after evicting expired sessions,
   * the transaction rolls back: the session, its NOTIFY (sent only on commit) and the evictions are undone, and a
   * creator racing this one (waiting on its insert) finds no conflict and tries for itself.
   */
  private async writeWithinBound(documentId: string, write: ReturnType<typeof sql>): Promise<boolean | 'no-room'> {
    try {
      return await this.db.transaction(async (tx) => {
        const won = (await execute(tx, write)).rows.length === 1;
        if (won && !(await this.makeRoom(tx, documentId))) throw new NoRoom();
        return won;
      });
    } catch (error) {
      if (error instanceof NoRoom) return 'no-room';
      throw error;
    }
  }

  /**
   * Inside a winning write's transaction, with the session written: true when everything fits in `storageBytes`,
   * after evicting as many expired sessions as that takes, those idle longest first. Only expired sessions are
   * evicted: they count as gone already (never announced, replaced by the next creator), so no live session a client
   * was told about is ever removed. Rows another transaction holds (being replaced, purged, or evicted) are skipped.
   */
  private async makeRoom(tx: Executor, documentId: string): Promise<boolean> {
    let over = (await this.lockedUsage(tx)) - this.storageBytes;
    while (over > 0) {
      const evicted = await execute<{ rows: number; freed: number }>(
        tx,
        sql`
        WITH candidates AS (
          SELECT s.document_id, s.size_bytes, s.last_active_at FROM collaboration_sessions AS s
          WHERE ${expired(this.idleSeconds)} AND s.document_id <> ${documentId}
          ORDER BY s.last_active_at, s.document_id
          LIMIT ${COLLABORATION_EVICTION_BATCH}
          FOR UPDATE SKIP LOCKED),
        chosen AS (
          SELECT ranked.document_id FROM (
            SELECT c.document_id, sum(c.size_bytes) OVER (ORDER BY c.last_active_at, c.document_id) - c.size_bytes AS before FROM candidates AS c
          ) AS ranked WHERE ranked.before < ${over}::bigint),
        gone AS (
          DELETE FROM collaboration_sessions AS s USING chosen WHERE s.document_id = chosen.document_id RETURNING s.size_bytes)
        SELECT count(*)::integer AS rows, coalesce(sum(gone.size_bytes), 0)::float8 AS freed FROM gone`,
      );
      const { rows, freed } = evicted.rows[0] ?? { rows: 0, freed: 0 };
      if (rows === 0) return false;
      over -= Number(freed);
    }
    return true;
  }

  /** The bytes all sessions take, as this transaction sees them, with the storage row locked until it ends. */
  private async lockedUsage(tx: Executor): Promise<number> {
    const result = await execute<{ used: number }>(
      tx,
      sql`SELECT used_bytes::float8 AS used FROM collaboration_session_storage FOR UPDATE`,
    );
    return Number(result.rows[0]?.used ?? 0);
  }

  /** The bytes all stored sessions take (expired ones too, until they are purged or evicted). */
  async usedBytes(): Promise<number> {
    const result = await execute<{ used: number }>(
      this.db,
      sql`SELECT used_bytes::float8 AS used FROM collaboration_session_storage`,
    );
    return Number(result.rows[0]?.used ?? 0);
  }

  /** The NOTIFY rides on the winning statement (`won` is its CTE); PostgreSQL sends it when the transaction commits. */
  private announce(documentId: string) {
    return sql`pg_notify(${COLLABORATION_CHANNEL}, json_build_object('documentId', ${documentId}::text, 'keyHint', won.key_hint)::text)`;
  }

  /** Returns a row when this insert created the session; ON CONFLICT DO NOTHING waits for a racing insert to commit. */
  private insert(documentId: string, keyHint: string, content: string | undefined) {
    return sql`
      WITH won AS (
        INSERT INTO collaboration_sessions (document_id, key_hint, content, created_at, last_active_at)
        VALUES (${documentId}, ${keyHint}, ${content ?? null}, now(), now())
        ON CONFLICT (document_id) DO NOTHING
        RETURNING key_hint)
      SELECT won.key_hint, ${this.announce(documentId)} FROM won`;
  }

  /** Returns a row when this update replaced an expired session; the row lock lets one replacer through, the rest match nothing. */
  private replaceExpired(documentId: string, keyHint: string, content: string | undefined) {
    return sql`
      WITH won AS (
        UPDATE collaboration_sessions AS s
        SET key_hint = ${keyHint}, content = ${content ?? null}, created_at = now(), last_active_at = now()
        WHERE s.document_id = ${documentId} AND ${expired(this.idleSeconds)}
        RETURNING s.key_hint)
      SELECT won.key_hint, ${this.announce(documentId)} FROM won`;
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
      await execute(
        this.db,
        sql`UPDATE collaboration_sessions AS s SET last_active_at = now() WHERE s.document_id = ${documentId} AND NOT (${expired(this.idleSeconds)})`,
      );
    }
    return row?.key_hint;
  }

  /** Deletes sessions idle too long. Safe beside creators: the condition is checked again on the locked row. */
  async purgeExpired(): Promise<number> {
    const result = await execute(
      this.db,
      sql`DELETE FROM collaboration_sessions AS s WHERE ${expired(this.idleSeconds)}`,
    );
    return result.rowCount ?? result.affectedRows ?? 0;
  }
}
