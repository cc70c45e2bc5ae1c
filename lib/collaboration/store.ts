import { and, eq, not, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '@/lib/db/connect';
import {
  COLLABORATION_SESSION_ROW_OVERHEAD_BYTES,
  collaborationSessions,
  collaborationSessionStorage,
} from '@/lib/db/schema';
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

/** A transaction on the database. */
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A write that may win (`insert` or `replaceExpired`): resolves to the winner's row, or to no row for a loser. */
type Write = (tx: Transaction) => Promise<unknown[]>;

/** What a DELETE without RETURNING gives back: node-postgres counts rows in `rowCount`, PGlite in `affectedRows`. */
interface WriteResult {
  rowCount?: number | null;
  affectedRows?: number;
}

/** Thrown inside a winning write's transaction to roll it back: there is no room for the session. */
class NoRoom extends Error {}

/** True when a session has been idle longer than `idleSeconds`: it counts as gone and may be replaced or purged. */
const expired = (idleSeconds: number) =>
  sql`${collaborationSessions.lastActiveAt} <= now() - ${idleSeconds}::integer * interval '1 second'`;

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
   * commit cannot lose the announcement. (One INSERT … ON CONFLICT DO UPDATE … WHERE would lock the row for
   * losers too, which is why the two writes stay apart.)
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
      const write: Write = (tx) =>
        round % 2 === 0
          ? this.insert(tx, documentId, keyHint, content)
          : this.replaceExpired(tx, documentId, keyHint, content);
      const won = await this.writeWithinBound(documentId, write);
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
  private async writeWithinBound(documentId: string, write: Write): Promise<boolean | 'no-room'> {
    try {
      return await this.db.transaction(async (tx) => {
        const won = (await write(tx)).length === 1;
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
   * One statement, in `sql` because the query builder has no DELETE … USING; its tables and columns are the schema's.
   */
  private async makeRoom(tx: Transaction, documentId: string): Promise<boolean> {
    const s = collaborationSessions;
    let over = (await this.lockedUsage(tx)) - this.storageBytes;
    while (over > 0) {
      const evicted = (await tx.execute(sql`
        WITH candidates AS (
          SELECT ${s.documentId} AS id, ${s.sizeBytes} AS size, ${s.lastActiveAt} AS active FROM ${s}
          WHERE ${expired(this.idleSeconds)} AND ${s.documentId} <> ${documentId}
          ORDER BY ${s.lastActiveAt}, ${s.documentId}
          LIMIT ${COLLABORATION_EVICTION_BATCH}
          FOR UPDATE SKIP LOCKED),
        chosen AS (
          SELECT ranked.id FROM (
            SELECT c.id, sum(c.size) OVER (ORDER BY c.active, c.id) - c.size AS before FROM candidates AS c
          ) AS ranked WHERE ranked.before < ${over}::bigint),
        gone AS (
          DELETE FROM ${s} USING chosen WHERE ${s.documentId} = chosen.id RETURNING ${s.sizeBytes} AS size)
        SELECT count(*)::integer AS rows, coalesce(sum(gone.size), 0)::float8 AS freed FROM gone`)) as unknown as {
        rows: { rows: number; freed: number }[];
      };
      const { rows, freed } = evicted.rows[0] ?? { rows: 0, freed: 0 };
      if (rows === 0) return false;
      over -= Number(freed);
    }
    return true;
  }

  /** The bytes all sessions take, as this transaction sees them, with the storage row locked until it ends. */
  private async lockedUsage(tx: Transaction): Promise<number> {
    const [storage] = await tx
      .select({ used: collaborationSessionStorage.usedBytes })
      .from(collaborationSessionStorage)
      .for('update');
    return storage?.used ?? 0;
  }

  /** The bytes all stored sessions take (expired ones too, until they are purged or evicted). */
  async usedBytes(): Promise<number> {
    const [storage] = await this.db
      .select({ used: collaborationSessionStorage.usedBytes })
      .from(collaborationSessionStorage);
    return storage?.used ?? 0;
  }

  /** The NOTIFY rides on the winning statement (`keyHint` is its CTE's); PostgreSQL sends it when the transaction commits. */
  private announce(documentId: string, keyHint: SQLWrapper) {
    return sql`pg_notify(${COLLABORATION_CHANNEL}, json_build_object('documentId', ${documentId}::text, 'keyHint', ${keyHint})::text)`;
  }

  /** Returns a row when this insert created the session; ON CONFLICT DO NOTHING waits for a racing insert to commit. */
  private insert(tx: Transaction, documentId: string, keyHint: string, content: string | undefined) {
    const won = tx.$with('won').as(
      tx
        .insert(collaborationSessions)
        .values({ documentId, keyHint, content: content ?? null, createdAt: sql`now()`, lastActiveAt: sql`now()` })
        .onConflictDoNothing({ target: collaborationSessions.documentId })
        .returning({ keyHint: collaborationSessions.keyHint }),
    );
    return tx
      .with(won)
      .select({ keyHint: won.keyHint, announced: this.announce(documentId, won.keyHint) })
      .from(won);
  }

  /** Returns a row when this update replaced an expired session; the row lock lets one replacer through, the rest match nothing. */
  private replaceExpired(tx: Transaction, documentId: string, keyHint: string, content: string | undefined) {
    const won = tx.$with('won').as(
      tx
        .update(collaborationSessions)
        .set({ keyHint, content: content ?? null, createdAt: sql`now()`, lastActiveAt: sql`now()` })
        .where(and(eq(collaborationSessions.documentId, documentId), expired(this.idleSeconds)))
        .returning({ keyHint: collaborationSessions.keyHint }),
    );
    return tx
      .with(won)
      .select({ keyHint: won.keyHint, announced: this.announce(documentId, won.keyHint) })
      .from(won);
  }

  /**
   * The live session's key hint, if there is one. Finding it counts as activity, but is recorded at most once
   * per `activityGranularitySeconds`, so that a crowd of late creators or subscribers reads instead of writing.
   */
  async findLive(documentId: string): Promise<string | undefined> {
    const live = and(eq(collaborationSessions.documentId, documentId), not(expired(this.idleSeconds)));
    const [row] = await this.db
      .select({
        keyHint: collaborationSessions.keyHint,
        stale: sql<boolean>`${collaborationSessions.lastActiveAt} <= now() - ${this.activityGranularitySeconds}::double precision * interval '1 second'`,
      })
      .from(collaborationSessions)
      .where(live);
    if (row?.stale)
      await this.db
        .update(collaborationSessions)
        .set({ lastActiveAt: sql`now()` })
        .where(live);
    return row?.keyHint;
  }

  /** Deletes sessions idle too long. Safe beside creators: the condition is checked again on the locked row. */
  async purgeExpired(): Promise<number> {
    const result = (await this.db.delete(collaborationSessions).where(expired(this.idleSeconds))) as WriteResult;
    return result.rowCount ?? result.affectedRows ?? 0;
  }
}
