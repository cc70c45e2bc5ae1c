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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL: several server processes can share it. */
  url?: string;
  /** Where the embedded database keeps its files; omitted, it lives in memory (tests). */
  dataDir?: string;
}

const MIGRATIONS = path.join(process.cwd(), 'lib', 'db', 'migrations');

/** Opens PostgreSQL when a URL is given, else the embedded PGlite, and brings the schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: 10 });
    // An idle connection that the server ends (restart, failover, admin) must not crash the process;
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
    const db = drizzlePostgres(pool, { schema });
    await migratePostgres(db, { migrationsFolder: MIGRATIONS });
    return { db: db as unknown as Database, kind: 'postgres', pool, close: () => pool.end() };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Database, kind: 'embedded', close: () => client.close() };
}
