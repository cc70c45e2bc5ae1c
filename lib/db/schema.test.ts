import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { accounts, FIELD_LIMITS, schema, users } from './schema';
import { describeOnBackends, storeSuite } from './test-databases';

/** The database's own refusal of a row, whichever driver reports it. */
async function checkViolation(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (error) {
    const cause =
      (error as { cause?: { code?: string; constraint?: string } }).cause ??
      (error as { code?: string; constraint?: string });
    if (cause.code === '23514') return cause.constraint ?? 'check';
    throw error;
  }
  return undefined;
}

function user(fields: Partial<typeof users.$inferInsert> = {}): typeof users.$inferInsert {
  const id = crypto.randomUUID();
  return { id, name: 'Ada', email: `${id}@example.test`, ...fields };
}

describeOnBackends('stored field limits', (backend) => {
  const suite = storeSuite(backend);

  it('refuses a user name over the limit written directly, and keeps one at the limit', async () => {
    expect(
      await checkViolation(suite.opened.db.insert(users).values(user({ name: 'n'.repeat(FIELD_LIMITS.userName + 1) }))),
    ).toBe('users_name_length');
    const fits = user({ name: 'n'.repeat(FIELD_LIMITS.userName) });
    expect(await checkViolation(suite.opened.db.insert(users).values(fits))).toBeUndefined();
    expect(
      await checkViolation(
        suite.opened.db
          .update(users)
          .set({ name: 'n'.repeat(FIELD_LIMITS.userName + 1) })
          .where(eq(users.id, fits.id!)),
      ),
    ).toBe('users_name_length');
    const [row] = await suite.opened.db.select().from(users).where(eq(users.id, fits.id!));
    expect(row!.name).toHaveLength(FIELD_LIMITS.userName);
  });

  it('refuses an over-long email and picture address, and counts characters, not bytes', async () => {
    const local = 'e'.repeat(FIELD_LIMITS.userEmail - '@example.test'.length + 1);
    expect(await checkViolation(suite.opened.db.insert(users).values(user({ email: `${local}@example.test` })))).toBe(
      'users_email_length',
    );
    expect(
      await checkViolation(
        suite.opened.db
          .insert(users)
          .values(user({ image: `https://example.test/${'i'.repeat(FIELD_LIMITS.userImage)}` })),
      ),
    ).toBe('users_image_length');
    expect(
      await checkViolation(
        suite.opened.db.insert(users).values(user({ name: 'é'.repeat(FIELD_LIMITS.userName), image: null })),
      ),
    ).toBeUndefined();
  });

  it('refuses an over-long account name through the store', async () => {
    expect(await checkViolation(suite.store.createAccount({ name: 'a'.repeat(FIELD_LIMITS.accountName + 1) }))).toBe(
      'accounts_name_length',
    );
    expect((await suite.store.createAccount({ name: 'a'.repeat(FIELD_LIMITS.accountName) })).name).toHaveLength(
      FIELD_LIMITS.accountName,
    );
  });
});

describe('the field-limit migration on a database that already holds over-long values', () => {
  const migrations = path.join(process.cwd(), 'lib', 'db', 'migrations');
  const journal = JSON.parse(readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const before = journal.entries.findIndex((entry) => entry.tag.endsWith('_user_field_limits'));

  it('brings them within the limits instead of failing to start', async () => {
    // The migrations up to the one before the limits, as a database made before them was migrated.
    const earlier = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-migrations-'));
    cpSync(migrations, earlier, { recursive: true });
    writeFileSync(
      path.join(earlier, 'meta', '_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }),
    );
    const client = new PGlite();
    const db = drizzle(client, { schema });
    try {
      await migrate(db, { migrationsFolder: earlier });
      const [account] = await db
        .insert(accounts)
        .values({ id: 'a1', name: 'a'.repeat(500), apiKey: 'rtc_before_limits' })
        .returning();
      await db.insert(users).values([
        {
          id: 'u1',
          name: 'n'.repeat(10_000),
          email: 'long-name@example.test',
          image: 'i'.repeat(5000),
          customerAccountId: account!.id,
        },
        { id: 'u2', name: 'Ada', email: `${'e'.repeat(300)}@example.test` },
        { id: 'u3', name: 'Grace', email: `${'e'.repeat(300)}@example.test.org` },
      ]);

      await migrate(db, { migrationsFolder: migrations });

      const rows = await db.select().from(users).orderBy(users.id);
      expect(rows.map((row) => [row.id, row.name.length, row.email, row.image])).toEqual([
        ['u1', FIELD_LIMITS.userName, 'long-name@example.test', null],
        ['u2', 3, 'over-long-u2@invalid', null],
        ['u3', 5, 'over-long-u3@invalid', null],
      ]);
      expect((await db.select().from(accounts))[0]!.name).toHaveLength(FIELD_LIMITS.accountName);
    } finally {
      await client.close();
      rmSync(earlier, { recursive: true, force: true });
    }
  });
});
