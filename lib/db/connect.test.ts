import { expect, it } from 'vitest';
import { openDatabase } from './connect';
import { describeOnBackends } from './test-databases';
import { createThrowawayDatabase } from './throwaway-database';

describeOnBackends(
  'opening one fresh database from several processes at once',
  () => {
    it('migrates it once: every opener succeeds and finds the whole schema', async () => {
      const throwaway = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
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
  },
  'postgres',
);
