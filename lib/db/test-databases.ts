import { openDatabase, type OpenDatabase } from './connect';
import { createThrowawayDatabase } from './throwaway-database';

/**
 * The backends every storage test runs against: the embedded database always, and PostgreSQL when
 * TEST_DATABASE_URL is set. Each PostgreSQL run gets a throw-away database of its own, dropped afterwards.
 */
export interface TestBackend {
  name: string;
  open(): Promise<OpenDatabase & { dispose(): Promise<void> }>;
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
        const database = await createThrowawayDatabase(url);
        const opened = await openDatabase({ url: database.url });
        return {
          ...opened,
          async dispose() {
            await opened.close();
            await database.drop();
          },
        };
      },
    });
  }
  return backends;
}
