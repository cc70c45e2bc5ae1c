/**
 * PostgreSQL for tests and benchmarks (unit, e2e and bench alike). Apart from test-databases.ts, which imports
 * vitest, so that Playwright specs and benchmarks can use it too.
 */
import { Client } from 'pg';

/** Shown beside every PostgreSQL suite that a machine without TEST_DATABASE_URL skips (unit and e2e alike). */
export const POSTGRES_SKIP_REASON =
  'skipped: PostgreSQL suites run when TEST_DATABASE_URL is set (see README, "Tests")';

/** A PostgreSQL database of its own for one test run or benchmark, on the server `serverUrl` points at. */
export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createThrowawayDatabase(
  serverUrl: string,
  prefix = 'rtc_doctor_test',
): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${process.pid}_${crypto.randomUUID().slice(0, 8)}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
