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
        const database = `rtc_doctor_test_${process.pid}_${crypto.randomUUID().slice(0, 8)}`;
        const admin = new Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE "${database}"`);
        await admin.end();
        const opened = await openDatabase({ url: withDatabase(url, database) });
        return {
          ...opened,
          async dispose() {
            await opened.close();
            const cleaner = new Client({ connectionString: url });
            await cleaner.connect();
            await cleaner.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
            await cleaner.end();
          },
        };
      },
    });
  }
  return backends;
}
