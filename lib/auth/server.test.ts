import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/lib/db/schema';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { createAuth, viewerFrom, type Auth } from './server';

const SECRET = 'test-secret-that-is-long-enough-for-signing-0123456789';

function cookieHeaders(response: Response): Headers {
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return new Headers({ cookie: cookies.join('; ') });
}

describeOnBackends('sign-in', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let auth: Auth;

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    auth = createAuth(opened.db, store, { secret: SECRET, baseURL: 'http://localhost:3000' });
  });
  afterAll(async () => opened?.dispose());

  it('signs up an owner with an account of their own, and signs them in', async () => {
    const signUp = await auth.api.signUpEmail({ body: { name: 'Ada', email: 'ada@example.test', password: 'correct horse battery' }, asResponse: true });
    expect(signUp.status).toBe(200);
    const viewer = await viewerFrom(auth, cookieHeaders(signUp));
    expect(viewer).toMatchObject({ role: 'owner', email: 'ada@example.test' });
    const account = await store.findAccount(viewer!.accountId!);
    expect(account?.name).toBe('Ada’s account');

    const signIn = await auth.api.signInEmail({ body: { email: 'ada@example.test', password: 'correct horse battery' }, asResponse: true });
    expect(signIn.status).toBe(200);
    expect((await viewerFrom(auth, cookieHeaders(signIn)))?.accountId).toBe(viewer!.accountId);
  });

  it('refuses a wrong password and a short password, and ignores a role chosen at sign-up', async () => {
    const wrong = await auth.api.signInEmail({ body: { email: 'ada@example.test', password: 'wrong password!' }, asResponse: true });
    expect(wrong.status).toBe(401);
    const short = await auth.api.signUpEmail({ body: { name: 'Bob', email: 'bob@example.test', password: 'short' }, asResponse: true });
    expect(short.status).toBe(400);
    const sneaky = await auth.api.signUpEmail({ body: { name: 'Eve', email: 'eve@example.test', password: 'long enough password', role: 'staff' } as never, asResponse: true });
    if (sneaky.status === 200) expect((await viewerFrom(auth, cookieHeaders(sneaky)))?.role).toBe('owner');
    else expect(sneaky.status).toBe(400);
  });

  it('sees staff as staff, with no account', async () => {
    const signUp = await auth.api.signUpEmail({ body: { name: 'Sam', email: 'sam@example.test', password: 'support desk password' }, asResponse: true });
    const headers = cookieHeaders(signUp);
    const viewer = await viewerFrom(auth, headers);
    await opened.db.update(users).set({ role: 'staff', customerAccountId: null }).where(eq(users.id, viewer!.userId));
    expect(await viewerFrom(auth, headers)).toEqual({ userId: viewer!.userId, email: 'sam@example.test', role: 'staff', accountId: null });
  });

  it('sees nobody without a session cookie', async () => {
    expect(await viewerFrom(auth, new Headers())).toBeNull();
    expect(await viewerFrom(auth, new Headers({ cookie: 'better-auth.session_token=forged' }))).toBeNull();
  });
});
