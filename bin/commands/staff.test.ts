import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/connect';
import { accounts, users } from '@/lib/db/schema';
import { Store } from '@/lib/db/store';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON, type ThrowawayDatabase } from '@/lib/db/test-postgres';

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bin/rtc-doctor.ts', ...args],
    { encoding: 'utf8', env: { ...process.env, BETTER_AUTH_SECRET: '', ...env } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's database, as the server would open it: the embedded one in a data directory, or PostgreSQL. */
interface CliDatabase {
  env: Record<string, string>;
  /** Opens the database in this process for a moment (the embedded one admits one process at a time). */
  use<T>(work: (opened: OpenDatabase) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

const backends: { name: string; skipReason?: string; open(): Promise<CliDatabase> }[] = [
  {
    name: 'embedded',
    async open() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-staff-'));
      return {
        env: { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' },
        async use(work) {
          const opened = await openDatabase({ dataDir: path.join(dataDir, 'db') });
          try {
            return await work(opened);
          } finally {
            await opened.close();
          }
        },
        async dispose() {},
      };
    },
  },
  {
    name: 'postgres',
    skipReason: process.env.TEST_DATABASE_URL ? undefined : POSTGRES_SKIP_REASON,
    async open() {
      const database: ThrowawayDatabase = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
      return {
        env: { DATABASE_URL: database.url },
        async use(work) {
          const opened = await openDatabase({ url: database.url });
          try {
            return await work(opened);
          } finally {
            await opened.close();
          }
        },
        dispose: () => database.drop(),
      };
    },
  },
];

for (const backend of backends) {
  const title = `rtc-doctor staff on ${backend.name}${backend.skipReason ? ` (${backend.skipReason})` : ''}`;
  describe.skipIf(Boolean(backend.skipReason))(title, () => {
    let database: CliDatabase;
    let ownAccountId: string;
    const userRow = (email: string) =>
      database.use(async ({ db }) => (await db.select().from(users).where(eq(users.email, email)))[0]);

    beforeAll(async () => {
      database = await backend.open();
      ownAccountId = await database.use(async ({ db }) => {
        const account = await new Store(db).createAccount({ name: 'Ada’s account' });
        await db.insert(users).values([
          { id: 'u-ada', name: 'Ada', email: 'ada@example.test', customerAccountId: account.id },
          { id: 'u-sam', name: 'Sam', email: 'sam@example.test', role: 'staff' },
        ]);
        return account.id;
      });
    });
    afterAll(async () => database?.dispose());

    it('add makes an existing user staff, keeps their account, and is idempotent', async () => {
      const first = cli(['staff', 'add', 'Ada@Example.test'], database.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Ada@Example\.test is support staff now/);
      expect(await userRow('ada@example.test')).toMatchObject({ role: 'staff', customerAccountId: ownAccountId });
      const again = cli(['staff', 'add', 'ada@example.test'], database.env);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('ada@example.test is support staff already; nothing changed.\n');
    });

    it('remove makes staff an owner of their own account again, and is idempotent', async () => {
      const first = cli(['staff', 'remove', 'ada@example.test'], database.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/is an account owner again, of their own account/);
      expect(await userRow('ada@example.test')).toMatchObject({ role: 'owner', customerAccountId: ownAccountId });
      const again = cli(['staff', 'remove', 'ada@example.test'], database.env);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('ada@example.test is not support staff; nothing changed.\n');
    });

    it('remove gives a staff user without an account a new, empty one', async () => {
      const run = cli(['staff', 'remove', 'sam@example.test'], database.env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/of a new, empty account "Sam’s account"/);
      const sam = await userRow('sam@example.test');
      expect(sam!.role).toBe('owner');
      const [account] = await database.use(({ db }) =>
        db.select().from(accounts).where(eq(accounts.id, sam!.customerAccountId!)),
      );
      expect(account!.name).toBe('Sam’s account');
    });

    it('exits 2 with a message when no user has the email, or none is given', () => {
      for (const command of ['add', 'remove']) {
        const run = cli(['staff', command, 'nobody@example.test'], database.env);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/No user has the email nobody@example\.test/);
        expect(run.stdout).toBe('');
      }
      expect(cli(['staff', 'add'], database.env).code).toBe(2);
    });
  });
}

describe('rtc-doctor staff --help', () => {
  it('says which database it changes and the exit codes', () => {
    const run = cli(['staff', 'add', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/DATABASE_URL/);
    expect(run.stdout).toMatch(/RTC_DOCTOR_DATA_DIR/);
    expect(run.stdout).toMatch(/Exit codes: 0/);
  });
});
