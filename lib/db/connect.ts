import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { schema } from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  kind: 'embedded' | 'postgres';
  /** The connection pool, for PostgreSQL only: shared counters (rate limits) use it directly. */
  pool?: Pool;
  /** PostgreSQL only: where a process opens its one extra connection for LISTEN (session notifications). */
  url?: string;
  /** Embedded only: the PGlite instance, whose LISTEN/NOTIFY works within this process. */
  embedded?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL: several server processes can share it. */
  url?: string;
  /** Where the embedded database keeps its files; omitted, it lives in memory (tests). */
  dataDir?: string;
}

/** The data directory and every directory in it: this user only (the embedded database, the session-signing secret, demo credentials). */
export const PRIVATE_DIRECTORY_MODE = 0o700;
/** Files the portal itself writes there. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and any missing parent) readable by this user only, and tightens one that already exists, so
 * nobody else on the machine can read or change what is in it. When it cannot (another user owns the
 * directory), it says so on stderr and carries on.
 */
export function ensurePrivateDirectory(
  dir: string,
  warn: (message: string) => void = (message) => console.error(message),
): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const mode = statSync(dir).mode & 0o777;
  if (mode === PRIVATE_DIRECTORY_MODE) return;
  try {
    chmodSync(dir, PRIVATE_DIRECTORY_MODE);
  } catch (error) {
    warn(
      `Warning: ${dir} has mode ${mode.toString(8)} and could not be made private to this user (700): ${error instanceof Error ? error.message : String(error)}. Run: chmod 700 ${dir}`,
    );
  }
}

export const MIGRATIONS = path.join(process.cwd(), 'lib', 'db', 'migrations');

// Any fixed number: the advisory lock that lets one process at a time migrate a shared database.
const MIGRATION_LOCK = 7_351_020_260;

/**
 * Server processes starting together against one fresh PostgreSQL would otherwise all see the same
 * missing migrations and collide applying them; with the lock, the later ones find nothing to do.
 */
async function withMigrationLock(pool: Pool, migrate: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite, and brings the schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: 10 });
    // An idle connection that the server ends (restart, failover, admin) must not crash the process;
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
    const db = drizzlePostgres(pool, { schema });
    await withMigrationLock(pool, () => migratePostgres(db, { migrationsFolder: MIGRATIONS }));
    return { db: db as unknown as Database, kind: 'postgres', pool, url: options.url, close: () => pool.end() };
  }
  if (options.dataDir) ensurePrivateDirectory(options.dataDir);
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Database, kind: 'embedded', embedded: client, close: () => client.close() };
}
