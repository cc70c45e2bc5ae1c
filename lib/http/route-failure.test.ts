import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth } from '@/lib/auth/server';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { describeFailure, guardRoute } from './route-failure';

const SECRET_CONTENT = 'session-content-7f3a-that-must-not-be-logged';

/** Every line written to the console while `run` runs. */
async function consoleLines(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) =>
    lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
  const spies = (['error', 'warn', 'log', 'info'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(capture),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('\n');
}

describe('describeFailure', () => {
  it('names the error and its codes, never its message', () => {
    const cause = Object.assign(new Error(`invalid input: ${SECRET_CONTENT}`), { code: '22P02' });
    const error = new Error(`Failed query: insert … params: ${SECRET_CONTENT}`, { cause });
    error.name = 'DrizzleQueryError';
    expect(describeFailure(error)).toBe('DrizzleQueryError caused by Error (22P02)');
    expect(describeFailure('a string thrown')).toBe('string');
  });
});

describeOnBackends('a route whose query fails', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;

  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.dispose());
  afterEach(() => vi.restoreAllMocks());

  it('answers 500 with the usual JSON error and logs neither the query nor its parameters', async () => {
    const handler = guardRoute('POST /api/example', async () => {
      await opened.db.execute(sql`select ${SECRET_CONTENT}::int`);
      return new Response('unreachable');
    });
    let response!: Response;
    const logged = await consoleLines(async () => {
      response = await handler();
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expect(logged).toMatch(/POST \/api\/example failed: DrizzleQueryError caused by \w+ \(22P02\)/);
    expect(logged).not.toContain(SECRET_CONTENT);
    expect(logged.toLowerCase()).not.toContain('select');
  });

  it('sends a failed sign-in query to the guard instead of letting better-auth log it whole', async () => {
    const store = new Store(opened.db);
    const auth = createAuth(opened.db, store, {
      secret: 'test-secret-that-is-long-enough-for-signing-0123456789',
      baseURL: 'http://localhost:3000',
    });
    // Any query on users now fails, as it would with the database half-migrated or gone.
    await opened.db.execute(sql.raw('ALTER TABLE users RENAME TO users_moved_away'));
    const handler = guardRoute('POST /api/auth/[...all]', (request: Request) => auth.handler(request));
    const email = 'guessed-7f3a@example.test';
    let response!: Response;
    const logged = await consoleLines(async () => {
      response = await handler(
        new Request('http://localhost:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
          body: JSON.stringify({ email, password: 'correct horse battery staple' }),
        }),
      );
    });
    expect(response.status).toBe(500);
    expect(logged).toContain('POST /api/auth/[...all] failed:');
    expect(logged).not.toContain(email);
    expect(logged.toLowerCase()).not.toContain('select');
  });
});
