import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { createThrowawayDatabase } from './test-databases';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  describe('opening one fresh PostgreSQL from several processes at once', () => {
    it('migrates it once: every opener succeeds and finds the whole schema', async () => {
      const throwaway = await createThrowawayDatabase(url);
      try {
        const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: throwaway.url })));
        const { rows } = await opened[0]!.pool!.query<{ count: string }>('SELECT count(*) FROM drizzle.__drizzle_migrations');
        const { rows: tables } = await opened[3]!.pool!.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'collaboration_sessions'");
        await Promise.all(opened.map((database) => database.close()));
        expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(4);
        expect(tables).toHaveLength(1);
      } finally {
        await throwaway.drop();
      }
    });
  });
}
