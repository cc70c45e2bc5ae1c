import type { Command } from 'commander';
import { closeDatabase, getStore, type RoleChange, type Store } from '@/lib/db';
import { EXIT, UsageError } from '../output';

const DATABASE_HELP =
  '\nThe database is PostgreSQL when DATABASE_URL is set, otherwise the embedded one in RTC_DOCTOR_DATA_DIR (default ./data); stop a server using the embedded database first, as only one process may open it.\nBoth commands are idempotent. Exit codes: 0 done (or nothing to do), 2 no user has this email, or a usage error.';

/** Opens the database the server uses, runs `change` and closes it again, whatever happens. */
async function withStore<T>(change: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await change(await getStore());
  } finally {
    await closeDatabase();
  }
}

function noUser(email: string): UsageError {
  return new UsageError(`No user has the email ${email}. They sign up at /sign-up first; then run this again.`);
}

function describeAdd(email: string, change: Exclude<RoleChange, { outcome: 'no-user' }>): string {
  return change.outcome === 'unchanged'
    ? `${email} is support staff already; nothing changed.`
    : `${email} is support staff now: they can use /console and read every account. Their own account stays theirs for when the role is taken away.`;
}

function describeRemove(email: string, change: Exclude<RoleChange, { outcome: 'no-user' }>): string {
  if (change.outcome === 'unchanged') return `${email} is not support staff; nothing changed.`;
  if (change.createdAccount)
    return `${email} is an account owner now, of a new, empty account "${change.createdAccount.name}" (they had none); the console is closed to them.`;
  return `${email} is an account owner again, of their own account; the console is closed to them.`;
}

export function registerStaff(program: Command, setExitCode: (code: number) => void) {
  const staff = program
    .command('staff')
    .description('Give a signed-up user the support staff role, or take it away, without editing the database.');
  staff
    .command('add')
    .description('Make an existing user support staff.')
    .argument('<email>', "the user's email, as they signed up with it")
    .addHelpText('after', DATABASE_HELP)
    .action(async (email: string) => {
      const change = await withStore((store) => store.makeStaff(email));
      if (change.outcome === 'no-user') throw noUser(email);
      process.stdout.write(`${describeAdd(email, change)}\n`);
      setExitCode(EXIT.ok);
    });
  staff
    .command('remove')
    .description(
      'Make a support staff user an account owner again: of their own account, or of a new, empty one when they have none.',
    )
    .argument('<email>', "the user's email, as they signed up with it")
    .addHelpText('after', DATABASE_HELP)
    .action(async (email: string) => {
      const change = await withStore((store) => store.removeStaff(email));
      if (change.outcome === 'no-user') throw noUser(email);
      process.stdout.write(`${describeRemove(email, change)}\n`);
      setExitCode(EXIT.ok);
    });
}
