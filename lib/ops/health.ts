// Readiness: can this process serve requests that need the database? Checked on every probe, each part within a
// short time, and named when it fails; never a connection string, an address or an error's own text.
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getCollaborationService } from '@/lib/collaboration';
import { getDatabase } from '@/lib/db';
import { MIGRATIONS, type OpenDatabase } from '@/lib/db/connect';
import { isDraining } from './shutdown';

/** How long one part of the check may take before it counts as failing. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

export type CheckName = 'shutdown' | 'database' | 'migrations' | 'listener';
export interface Readiness {
  ready: boolean;
  /** Each part: "ok", "not used" (the embedded database needs no listener), or what failed, in a few words. */
  checks: Record<CheckName, string>;
  failing: CheckName[];
}

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms = READINESS_CHECK_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const failure = (error: unknown, what: string) =>
  error instanceof TimedOut ? `${what} did not answer within ${READINESS_CHECK_TIMEOUT_MS} ms` : `${what} failed`;

/** What readiness looks at: the process's own by default; a test hands in its own database. */
export interface ReadinessSources {
  database(): Promise<OpenDatabase>;
  listening(): Promise<void>;
  draining(): boolean;
}

const processSources: ReadinessSources = {
  database: getDatabase,
  listening: async () => (await getCollaborationService()).notifications.listening(),
  draining: isDraining,
};

async function databaseChecks(
  sources: ReadinessSources,
): Promise<Pick<Readiness['checks'], 'database' | 'migrations'>> {
  let database: OpenDatabase;
  try {
    database = await within(sources.database());
    await within(database.db.execute(sql`select 1`));
  } catch (error) {
    return { database: failure(error, 'the database'), migrations: 'not checked: no database' };
  }
  try {
    const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS });
    type Applied = { applied: number; latest: string | null };
    const result = (await within(
      database.db.execute(
        sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
      ),
    )) as unknown as { rows: Applied[] };
    const row = result.rows[0];
    const newest = Math.max(...expected.map((migration) => migration.folderMillis));
    const upToDate = row?.latest !== null && row?.latest !== undefined && Number(row.latest) >= newest;
    return {
      database: 'ok',
      migrations: upToDate ? 'ok' : `${row?.applied ?? 0} of ${expected.length} applied`,
    };
  } catch (error) {
    return { database: 'ok', migrations: failure(error, 'reading the applied migrations') };
  }
}

async function listenerCheck(sources: ReadinessSources): Promise<string> {
  try {
    const { url } = await within(sources.database());
    if (!url) return 'not used';
    await within(sources.listening());
    return 'ok';
  } catch (error) {
    return failure(error, 'the session listener');
  }
}

export async function readiness(sources: ReadinessSources = processSources): Promise<Readiness> {
  const [databaseParts, listener] = await Promise.all([databaseChecks(sources), listenerCheck(sources)]);
  const checks = { shutdown: sources.draining() ? 'shutting down' : 'ok', ...databaseParts, listener };
  const failing = (Object.keys(checks) as CheckName[]).filter(
    (name) => checks[name] !== 'ok' && checks[name] !== 'not used',
  );
  return { ready: failing.length === 0, checks, failing };
}
