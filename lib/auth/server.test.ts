import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIELD_LIMITS, users } from '@/lib/db/schema';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { withBodyLimit } from '@/lib/http/body-limit';
import { AUTH_BODY_LIMIT, createAuth, viewerFrom, type Auth } from './server';

const SECRET = 'test-secret-that-is-long-enough-for-signing-0123456789';

const SITE = 'http://localhost:3000';

/** A request to the auth API as the browser's sign-up form sends it, through the route's body limit. */
function authRequest(
  auth: Auth,
  path: string,
  body: BodyInit | object,
  headers: Record<string, string> = {},
): Promise<Response> {
  const raw = typeof body === 'string' || body instanceof ReadableStream ? body : JSON.stringify(body);
  const request = new Request(`${SITE}/api/auth${path}`, {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', origin: SITE, ...headers },
    duplex: 'half',
  } as RequestInit);
  return withBodyLimit(request, AUTH_BODY_LIMIT, (limited) => auth.handler(limited));
}

/** A body of `total` bytes made only as it is read, counting how much of it was. */
function lazyBody(total: number) {
  const counter = { pulled: 0 };
  const prefix = new TextEncoder().encode('{"name":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const chunk = counter.pulled === 0 ? prefix : new Uint8Array(64 * 1024).fill(0x61);
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

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
    const signUp = await auth.api.signUpEmail({
      body: { name: 'Ada', email: 'ada@example.test', password: 'correct horse battery' },
      asResponse: true,
    });
    expect(signUp.status).toBe(200);
    const viewer = await viewerFrom(auth, cookieHeaders(signUp));
    expect(viewer).toMatchObject({ role: 'owner', email: 'ada@example.test' });
    const account = await store.findAccount(viewer!.accountId!);
    expect(account?.name).toBe('Ada’s account');

    const signIn = await auth.api.signInEmail({
      body: { email: 'ada@example.test', password: 'correct horse battery' },
      asResponse: true,
    });
    expect(signIn.status).toBe(200);
    expect((await viewerFrom(auth, cookieHeaders(signIn)))?.accountId).toBe(viewer!.accountId);
  });

  it('refuses a wrong password and a short password, and ignores a role chosen at sign-up', async () => {
    const wrong = await auth.api.signInEmail({
      body: { email: 'ada@example.test', password: 'wrong password!' },
      asResponse: true,
    });
    expect(wrong.status).toBe(401);
    const short = await authRequest(auth, '/sign-up/email', {
      name: 'Bob',
      email: 'bob@example.test',
      password: 'short',
    });
    expect(short.status).toBe(400);
    const sneaky = await auth.api.signUpEmail({
      body: { name: 'Eve', email: 'eve@example.test', password: 'long enough password', role: 'staff' } as never,
      asResponse: true,
    });
    if (sneaky.status === 200) expect((await viewerFrom(auth, cookieHeaders(sneaky)))?.role).toBe('owner');
    else expect(sneaky.status).toBe(400);
  });

  it('sees staff as staff, with no account', async () => {
    const signUp = await auth.api.signUpEmail({
      body: { name: 'Sam', email: 'sam@example.test', password: 'support desk password' },
      asResponse: true,
    });
    const headers = cookieHeaders(signUp);
    const viewer = await viewerFrom(auth, headers);
    await opened.db.update(users).set({ role: 'staff', customerAccountId: null }).where(eq(users.id, viewer!.userId));
    expect(await viewerFrom(auth, headers)).toEqual({
      userId: viewer!.userId,
      email: 'sam@example.test',
      role: 'staff',
      accountId: null,
    });
  });

  it('sees nobody without a session cookie', async () => {
    expect(await viewerFrom(auth, new Headers())).toBeNull();
    expect(await viewerFrom(auth, new Headers({ cookie: 'better-auth.session_token=forged' }))).toBeNull();
  });

  it('refuses an oversized sign-up with 413 before better-auth reads it, declared or streamed, and stores nothing', async () => {
    const email = 'huge@example.test';
    const declared = lazyBody(150 * 1024 * 1024);
    const byLength = await authRequest(auth, '/sign-up/email', declared.stream, {
      'content-length': String(150 * 1024 * 1024),
    });
    expect(byLength.status).toBe(413);
    expect((await byLength.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(declared.counter.pulled).toBeLessThanOrEqual(64 * 1024);
    const streamed = lazyBody(150 * 1024 * 1024);
    const byStream = await authRequest(auth, '/sign-up/email', streamed.stream);
    expect(byStream.status).toBe(413);
    expect(streamed.counter.pulled).toBeLessThan(AUTH_BODY_LIMIT + 2 * 64 * 1024);
    const justOver = await authRequest(auth, '/sign-up/email', {
      name: 'n'.repeat(AUTH_BODY_LIMIT),
      email,
      password: 'a long enough password',
    });
    expect(justOver.status).toBe(413);
    expect(await opened.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('refuses a name, email or picture address over its limit with 400 naming the field, and stores nothing', async () => {
    const cases = [
      ['name', { name: 'n'.repeat(FIELD_LIMITS.userName + 1), email: 'long-name@example.test' }],
      ['email', { name: 'Long Email', email: `${'e'.repeat(FIELD_LIMITS.userEmail)}@example.test` }],
      [
        'image',
        {
          name: 'Long Image',
          email: 'long-image@example.test',
          image: `https://example.test/${'i'.repeat(FIELD_LIMITS.userImage)}`,
        },
      ],
      ['name', { name: '   ', email: 'blank-name@example.test' }],
    ] as const;
    for (const [field, fields] of cases) {
      const response = await authRequest(auth, '/sign-up/email', { ...fields, password: 'a long enough password' });
      expect(response.status, field).toBe(400);
      expect((await response.json()).message).toMatch(new RegExp(`^"${field}": must`));
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await opened.db.select().from(users).where(eq(users.email, fields.email.toLowerCase()))).toEqual([]);
    }
    const fits = await authRequest(auth, '/sign-up/email', {
      name: 'n'.repeat(FIELD_LIMITS.userName),
      email: 'longest-name@example.test',
      password: 'a long enough password',
    });
    expect(fits.status).toBe(200);
    // Nor can the name grow later.
    const rename = await authRequest(
      auth,
      '/update-user',
      { name: 'n'.repeat(FIELD_LIMITS.userName + 1) },
      { cookie: cookieHeaders(fits).get('cookie')! },
    );
    expect(rename.status).toBe(400);
    expect((await rename.json()).message).toMatch(/^"name": must be at most 100 characters/);
    const [row] = await opened.db.select().from(users).where(eq(users.email, 'longest-name@example.test'));
    expect(row!.name).toHaveLength(FIELD_LIMITS.userName);
  });

  it('refuses a breached password and one made of the email address, with 400 naming the problem', async () => {
    const cases = [
      ['password12', 'common@example.test', 'PASSWORD_TOO_COMMON'],
      ['Password12', 'common-upper@example.test', 'PASSWORD_TOO_COMMON'],
      ['same-as-email@example.test', 'same-as-email@example.test', 'PASSWORD_IS_EMAIL'],
      ['my-jonathan-2024!', 'Jonathan@example.test', 'PASSWORD_CONTAINS_EMAIL'],
    ] as const;
    for (const [password, email, code] of cases) {
      const response = await authRequest(auth, '/sign-up/email', { name: 'Weak', email, password });
      expect(response.status, password).toBe(400);
      const body = await response.json();
      expect(body.code).toBe(code);
      expect(body.message).toMatch(/^"password": /);
      expect(await opened.db.select().from(users).where(eq(users.email, email.toLowerCase()))).toEqual([]);
    }
    // A short part before the @ is not looked for: "ann" would refuse "banner".
    expect(
      (
        await authRequest(auth, '/sign-up/email', {
          name: 'Ann',
          email: 'ann@example.test',
          password: 'a banner of hope',
        })
      ).status,
    ).toBe(200);
  });

  it('applies the same password rules to a changed password', async () => {
    const signUp = await authRequest(auth, '/sign-up/email', {
      name: 'Changer',
      email: 'changer@example.test',
      password: 'a long enough password',
    });
    const cookie = cookieHeaders(signUp).get('cookie')!;
    for (const [newPassword, code] of [
      ['password12', 'PASSWORD_TOO_COMMON'],
      ['changer@example.test', 'PASSWORD_IS_EMAIL'],
      ['changer-2024-x', 'PASSWORD_CONTAINS_EMAIL'],
    ]) {
      const change = await authRequest(
        auth,
        '/change-password',
        { currentPassword: 'a long enough password', newPassword },
        { cookie },
      );
      expect(change.status, newPassword).toBe(400);
      expect((await change.json()).code).toBe(code);
    }
    expect(
      (
        await authRequest(
          auth,
          '/change-password',
          { currentPassword: 'a long enough password', newPassword: 'a different long one' },
          { cookie },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await auth.api.signInEmail({
          body: { email: 'changer@example.test', password: 'a different long one' },
          asResponse: true,
        })
      ).status,
    ).toBe(200);
  });

  it('answers a sign-up for a taken email exactly as for a new one, without signing anyone in or changing anything', async () => {
    const fresh = await authRequest(auth, '/sign-up/email', {
      name: 'Kim',
      email: 'kim@example.test',
      password: 'kim’s own passphrase',
    });
    const again = await authRequest(auth, '/sign-up/email', {
      name: 'Mallory',
      email: 'KIM@example.test',
      password: 'mallorys new password',
    });
    expect([fresh.status, again.status]).toEqual([200, 200]);
    const shape = (body: { token: unknown; user: Record<string, unknown> }) => ({
      token: body.token,
      user: Object.fromEntries(
        Object.entries(body.user).map(([key, value]) => [key, value === null ? 'null' : typeof value]),
      ),
    });
    const [freshBody, againBody] = [await fresh.json(), await again.json()];
    expect(shape(againBody)).toEqual(shape(freshBody));
    expect(freshBody.token).toBeNull();
    expect(againBody.user).toMatchObject({ name: 'Mallory', email: 'kim@example.test', role: 'owner' });
    expect(againBody.user.id).not.toBe(freshBody.user.id);
    // Nothing was made or changed, and nobody was signed in.
    expect(again.headers.getSetCookie()).toEqual([]);
    const rows = await opened.db.select().from(users).where(eq(users.email, 'kim@example.test'));
    expect(rows.map((row) => row.name)).toEqual(['Kim']);
    expect(
      (
        await auth.api.signInEmail({
          body: { email: 'kim@example.test', password: 'mallorys new password' },
          asResponse: true,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await auth.api.signInEmail({
          body: { email: 'kim@example.test', password: 'kim’s own passphrase' },
          asResponse: true,
        })
      ).status,
    ).toBe(200);
    // The new account's own answer signs it in, with the session in the cookie only.
    expect((await viewerFrom(auth, cookieHeaders(fresh)))?.email).toBe('kim@example.test');
  });

  it("refuses a taken email's sign-up for the same reasons as a new one's: the answer never depends on the email", async () => {
    for (const body of [
      { name: 'Kim', email: 'kim@example.test', password: 'short' },
      { name: 'Kim', email: 'kim@example.test', password: 'password12' },
      { name: 'n'.repeat(FIELD_LIMITS.userName + 1), email: 'kim@example.test', password: 'a long enough password' },
      {
        name: 'Kim',
        email: 'kim@example.test',
        password: 'a long enough password',
        customerAccountId: 'someone-elses',
      },
    ]) {
      const taken = await authRequest(auth, '/sign-up/email', body);
      const free = await authRequest(auth, '/sign-up/email', { ...body, email: 'nobody-yet@example.test' });
      expect(taken.status).toBe(400);
      expect(free.status).toBe(400);
      expect(await taken.json()).toEqual(await free.json());
    }
    expect(await opened.db.select().from(users).where(eq(users.email, 'nobody-yet@example.test'))).toEqual([]);
  });

  it("refuses a cross-site sign-up (better-auth's CSRF check) before it looks at the email", async () => {
    // better-auth skips its origin checks under NODE_ENV=test; this instance makes them as in production.
    const strict = createAuth(opened.db, store, { secret: SECRET, baseURL: SITE });
    (await strict.$context).skipOriginCheck = false;
    expect(
      (
        await authRequest(strict, '/sign-up/email', {
          name: 'Taken',
          email: 'taken@example.test',
          password: 'a long enough password',
        })
      ).status,
    ).toBe(200);
    const crossSite = {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
      origin: 'https://evil.test',
    };
    const taken = await authRequest(
      strict,
      '/sign-up/email',
      { name: 'Kim', email: 'taken@example.test', password: 'a long enough password' },
      crossSite,
    );
    const free = await authRequest(
      strict,
      '/sign-up/email',
      { name: 'Kim', email: 'csrf-free@example.test', password: 'a long enough password' },
      crossSite,
    );
    expect([taken.status, free.status]).toEqual([403, 403]);
    expect(await taken.json()).toEqual(await free.json());
    const fromOtherSite = { origin: 'https://evil.test' };
    const takenFetch = await authRequest(
      strict,
      '/sign-up/email',
      { name: 'Kim', email: 'taken@example.test', password: 'a long enough password' },
      fromOtherSite,
    );
    const freeFetch = await authRequest(
      strict,
      '/sign-up/email',
      { name: 'Kim', email: 'csrf-free@example.test', password: 'a long enough password' },
      fromOtherSite,
    );
    expect([takenFetch.status, freeFetch.status]).toEqual([403, 403]);
    expect(await takenFetch.json()).toEqual(await freeFetch.json());
    expect(await opened.db.select().from(users).where(eq(users.email, 'csrf-free@example.test'))).toEqual([]);
    // From the site itself, it goes through.
    expect(
      (
        await authRequest(strict, '/sign-up/email', {
          name: 'Kim',
          email: 'csrf-free@example.test',
          password: 'a long enough password',
        })
      ).status,
    ).toBe(200);
  });
});
