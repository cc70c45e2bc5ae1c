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
 * won or lost, or a client starting to wait for the session) moves `last_active_at` forward.
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly idleSeconds: number,
  ) {}

  /**
   * One statement, atomic on the document's primary key. Without a live row, the insert goes in.
   * With one, ON CONFLICT locks it (waiting for a creator still in flight to commit) and either
   * replaces it, if it has expired, or keeps it and only records the activity. RETURNING gives the
   * row as it now stands, so the winner's key hint comes from the same statement, and the attempt
   * whose creation id is stored is the winner. The NOTIFY is sent on commit, by the database, only
   * for the winner: a crash after commit cannot lose the announcement.
   */
  async create(documentId: string, keyHint: string, content: string | undefined): Promise<CreateOutcome> {
    const creationId = crypto.randomUUID();
    const isExpired = expired(this.idleSeconds);
    const result = await execute<{ key_hint: string; created: boolean }>(this.db, sql`
      WITH attempt AS (
        INSERT INTO collaboration_sessions AS s (document_id, key_hint, content, creation_id, created_at, last_active_at)
        VALUES (${documentId}, ${keyHint}, ${content ?? null}, ${creationId}, now(), now())
        ON CONFLICT (document_id) DO UPDATE SET
          key_hint = CASE WHEN ${isExpired} THEN excluded.key_hint ELSE s.key_hint END,
          content = CASE WHEN ${isExpired} THEN excluded.content ELSE s.content END,
          creation_id = CASE WHEN ${isExpired} THEN excluded.creation_id ELSE s.creation_id END,
          created_at = CASE WHEN ${isExpired} THEN excluded.created_at ELSE s.created_at END,
          last_active_at = now()
        RETURNING s.key_hint, s.creation_id = ${creationId} AS created
      )
      SELECT key_hint, created,
        CASE WHEN created THEN pg_notify(${SESSION_CHANNEL}, json_build_object('documentId', ${documentId}::text, 'keyHint', key_hint)::text) END AS notified
      FROM attempt`);
    const row = result.rows[0];
    if (!row) throw new Error('The session insert returned no row.');
    return { outcome: row.created ? 'created' : 'rejected', keyHint: row.key_hint };
  }

  /** The live session's key hint, if there is one; finding it counts as activity. */
  async touch(documentId: string): Promise<string | undefined> {
    const result = await execute<{ key_hint: string }>(this.db, sql`
      UPDATE collaboration_sessions AS s SET last_active_at = now()
      WHERE s.document_id = ${documentId} AND NOT (${expired(this.idleSeconds)})
      RETURNING s.key_hint`);
    return result.rows[0]?.key_hint;
  }

  /** Deletes sessions idle too long. Safe beside creators: the condition is checked again on the locked row. */
  async purgeExpired(): Promise<number> {
    const result = await execute(this.db, sql`DELETE FROM collaboration_sessions AS s WHERE ${expired(this.idleSeconds)}`);
    return result.rowCount ?? result.affectedRows ?? 0;
  }
}
