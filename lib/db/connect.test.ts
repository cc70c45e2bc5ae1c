import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDirectory, openDatabase } from './connect';
import { describeOnBackends } from './test-databases';
import { createThrowawayDatabase } from './test-postgres';

describeOnBackends(
  'opening one fresh database from several processes at once',
  () => {
    it('migrates it once: every opener succeeds and finds the whole schema', async () => {
      const throwaway = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
      try {
        const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: throwaway.url })));
        const { rows } = await opened[0]!.pool!.query<{ count: string }>(
          'SELECT count(*) FROM drizzle.__drizzle_migrations',
        );
        const { rows: tables } = await opened[3]!.pool!.query(
          "SELECT 1 FROM information_schema.tables WHERE table_name = 'collaboration_sessions'",
        );
        await Promise.all(opened.map((database) => database.close()));
        expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(4);
        expect(tables).toHaveLength(1);
      } finally {
        await throwaway.drop();
      }
    });
  },
  'postgres',
);

describe("the embedded database's directory", () => {
  let base: string;
  let umask: number;
  const mode = (file: string) => statSync(file).mode & 0o777;

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-perms-'));
    // The most permissive umask: anything not made private on purpose would be world-writable.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(base, { recursive: true, force: true });
  });

  it('is created readable by this user only, parents included, even under umask 0', () => {
    const dataDir = path.join(base, 'data', 'db');
    ensurePrivateDirectory(dataDir);
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(path.join(base, 'data')).toString(8)).toBe('700');
  });

  it('is tightened on opening when it already exists open to everyone, and the database works in it', async () => {
    const dataDir = path.join(base, 'db');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const opened = await openDatabase({ dataDir });
    try {
      expect(mode(dataDir).toString(8)).toBe('700');
      expect((await opened.embedded!.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await opened.close();
    }
    expect(mode(dataDir).toString(8)).toBe('700');
  });

  it('warns on stderr, and carries on, when it cannot be tightened', () => {
    const warnings: string[] = [];
    // A directory is made private with chmod; /proc/self cannot be changed by anyone, root included.
    expect(() => ensurePrivateDirectory('/proc/self', (message) => warnings.push(message))).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Warning: \/proc\/self has mode 555 and could not be made private to this user \(700\): .*Run: chmod 700 \/proc\/self$/,
    );
  });
});
