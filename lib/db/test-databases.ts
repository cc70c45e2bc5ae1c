import { Client } from 'pg';
import { openDatabase, type OpenDatabase } from './connect';

/**
 * The backends every storage test runs against: the embedded database always, and PostgreSQL when
 * TEST_DATABASE_URL is set. Each PostgreSQL run gets a throw-away database of its own, dropped afterwards.
 */
export interface TestBackend {
  name: string;
  open(): Promise<OpenDatabase & { dispose(): Promise<void> }>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function administer(url: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the server `url` points at; `drop` removes it even with connections still open. */
export async function createThrowawayDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `rtc_doctor_test_${process.pid}_${crypto.randomUUID().slice(0, 8)}`;
  await administer(url, `CREATE DATABASE "${database}"`);
  return { url: withDatabase(url, database), drop: () => administer(url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [
    {
      name: 'embedded',
      async open() {
        const opened = await openDatabase({});
        return { ...opened, dispose: opened.close };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    backends.push({
      name: 'postgres',
      async open() {
        const throwaway = await createThrowawayDatabase(url);
        const opened = await openDatabase({ url: throwaway.url });
        return {
          ...opened,
          async dispose() {
            await opened.close();
            await throwaway.drop();
          },
        };
      },
    });
  }
  return backends;
}
