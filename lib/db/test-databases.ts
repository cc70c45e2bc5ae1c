import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type OpenDatabase } from './connect';
import { Store } from './store';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from './test-postgres';

/**
 * The backends every storage test runs against: the embedded database always, and PostgreSQL when
 * TEST_DATABASE_URL is set. Each PostgreSQL run gets a throw-away database of its own, dropped afterwards.
 */
export interface TestBackend {
  name: 'embedded' | 'postgres';
  /** Why this backend's suites are skipped on this machine; undefined when they run. */
  skipReason?: string;
  open(): Promise<OpenedTestDatabase>;
}

export type OpenedTestDatabase = OpenDatabase & { dispose(): Promise<void> };

export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    {
      name: 'embedded',
      async open() {
        const opened = await openDatabase({});
        return { ...opened, dispose: opened.close };
      },
    },
    {
      name: 'postgres',
      skipReason: url ? undefined : POSTGRES_SKIP_REASON,
      async open() {
        if (!url) throw new Error('TEST_DATABASE_URL is not set');
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
    },
  ];
}

/**
 * One suite per backend. Without PostgreSQL its suite still appears, every test reported as skipped with the
 * reason in its title, so a newcomer's run says what it did not cover instead of silently covering less.
 */
export function describeOnBackends(
  title: string,
  body: (backend: TestBackend) => void,
  only?: TestBackend['name'],
): void {
  for (const backend of testBackends()) {
    if (only && backend.name !== only) continue;
    const name = backend.skipReason
      ? `${title} on ${backend.name} (${backend.skipReason})`
      : `${title} on ${backend.name}`;
    describe.skipIf(Boolean(backend.skipReason))(name, () => body(backend));
  }
}

/**
 * A database on `backend` for one suite, with the store over it: opened before the suite's first test and
 * disposed after its last. Read `suite.store` and `suite.opened` inside tests (they exist only once opened).
 */
export function storeSuite(backend: TestBackend): { readonly store: Store; readonly opened: OpenedTestDatabase } {
  let opened: OpenedTestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
  });
  afterAll(async () => opened?.dispose());
  return {
    get store() {
      if (!store) throw new Error('the suite’s database is not open yet: read it inside a test');
      return store;
    },
    get opened() {
      if (!opened) throw new Error('the suite’s database is not open yet: read it inside a test');
      return opened;
    },
  };
}
