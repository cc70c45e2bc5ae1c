import { request as newRequest } from '@playwright/test';
import { expect, test } from './fixtures';

/** A client address of its own per test (the server trusts this machine's X-Forwarded-For), so limits do not mix. */
function client(): Record<string, string> {
  return { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 20}` };
}

test('POST /api/feedback answers 201 with an id, 400 naming the field, and 413 over 8 KiB', async ({ request }) => {
  const headers = client();
  const created = await request.post('/api/feedback', {
    data: { page: '/docs/errors/token-expired', helpful: false, comment: 'Still expired', email: '' },
    headers,
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

  for (const [data, field] of [
    [{ page: 'https://evil.test/', helpful: true }, 'page'],
    [{ page: '/docs', helpful: true, comment: 'c'.repeat(2001) }, 'comment'],
    [{ page: '/docs', helpful: true, email: 'not an email' }, 'email'],
  ] as const) {
    const refused = await request.post('/api/feedback', { data, headers });
    expect(refused.status(), field).toBe(400);
    const { error } = await refused.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  }

  const large = await request.post('/api/feedback', {
    data: { page: '/docs', helpful: true, comment: 'c'.repeat(9 * 1024) },
    headers,
  });
  expect(large.status()).toBe(413);
});

test('the no-JavaScript form post is sent to the feedback page with 303', async ({ request, baseURL }) => {
  const headers = { ...client(), origin: new URL(baseURL!).origin };
  const sent = await request.post('/api/feedback', {
    form: { page: '/docs/errors/token-expired', helpful: 'no', comment: 'From the form', email: '' },
    headers,
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  expect(sent.headers()['location']).toBe('/feedback?page=%2Fdocs%2Ferrors%2Ftoken-expired&feedback=sent');

  const invalid = await request.post('/api/feedback', {
    form: { page: '/docs/errors/token-expired', helpful: 'no', email: 'nope' },
    headers,
    maxRedirects: 0,
  });
  expect(invalid.status()).toBe(303);
  expect(invalid.headers()['location']).toBe(
    '/feedback?page=%2Fdocs%2Ferrors%2Ftoken-expired&feedback=invalid&field=email',
  );

  const crossSite = await request.post('/api/feedback', {
    form: { page: '/docs', helpful: 'yes' },
    headers: { ...client(), origin: 'https://evil.test' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
});

test('POST /api/search/misses answers 204', async ({ request }) => {
  const response = await request.post('/api/search/misses', {
    data: { query: 'refresh token rotation', kind: 'no-result' },
    headers: client(),
  });
  expect(response.status()).toBe(204);
  const bad = await request.post('/api/search/misses', { data: { query: 'x', kind: 'maybe' }, headers: client() });
  expect(bad.status()).toBe(400);
});

test('the console API answers 401 to anonymous readers and 403 to an owner', async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const anonymous = await newRequest.newContext({ baseURL });
  for (const path of ['/api/console/feedback', '/api/console/search-misses', '/api/console/feedback/some-id']) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  }
  await anonymous.dispose();

  const owner = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin, ...client() } });
  const signUp = await owner.post('/api/auth/sign-up/email', {
    data: {
      name: 'Console Owner',
      email: `console-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'a long enough password',
    },
  });
  expect(signUp.status()).toBe(200);
  const list = await owner.get('/api/console/feedback');
  expect(list.status()).toBe(403);
  expect((await list.json()).error.code).toBe('FORBIDDEN');
  expect((await owner.patch('/api/console/feedback/some-id', { data: { status: 'done' } })).status()).toBe(403);
  await owner.dispose();
});
