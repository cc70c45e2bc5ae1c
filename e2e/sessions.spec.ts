import { createSession, openEventStream, testAddress, type CreateAnswer } from './session-clients';
import { expect, test } from './fixtures';

const CREATORS = 200;

/** One 201, and every answer names the same key hint: the winner's. */
function expectOneWinner(answers: CreateAnswer[]): string {
  const winners = answers.filter((answer) => answer.status === 201);
  expect(winners).toHaveLength(1);
  const winner = winners[0]!.keyHint!;
  expect(answers.filter((answer) => answer.status === 409)).toHaveLength(answers.length - 1);
  expect(new Set(answers.map((answer) => answer.keyHint))).toEqual(new Set([winner]));
  return winner;
}

test('200 concurrent creators of one document: one 201, 199 409s with the winner key hint, every subscriber told once', async ({
  baseURL,
}) => {
  const documentId = `race-${test.info().workerIndex}-${Date.now()}`;
  const early = Array.from({ length: 10 }, (_, index) => openEventStream(baseURL!, documentId, testAddress(0, index)));
  await Promise.all(early.map((stream) => stream.subscribed));

  const answers = await Promise.all(
    Array.from({ length: CREATORS }, (_, index) =>
      createSession(baseURL!, documentId, `key-${index}`, testAddress(1, index)),
    ),
  );
  const winner = expectOneWinner(answers);

  const late = openEventStream(baseURL!, documentId, testAddress(0, 10));
  for (const stream of [...early, late]) expect(await stream.settled).toEqual([winner]);
  for (const stream of [...early, late]) stream.close();

  expect(await createSession(baseURL!, documentId, 'after-the-race', testAddress(2, 0))).toEqual({
    status: 409,
    keyHint: winner,
  });
});

test('bad document ids, key hints and bodies get a 400 naming the problem and create nothing', async ({ request }) => {
  const headers = { 'x-forwarded-for': testAddress(2, 1) };
  const documentId = `validated-${Date.now()}`;
  const badId = await request.post('/api/sessions/has%20space', { data: { keyHint: 'k' }, headers });
  expect(badId.status()).toBe(400);
  expect((await badId.json()).error).toEqual({
    code: 'BAD_REQUEST',
    message: expect.stringMatching(/^The document id may hold only/),
  });
  expect((await request.post(`/api/sessions/${'d'.repeat(129)}`, { data: { keyHint: 'k' }, headers })).status()).toBe(
    400,
  );

  for (const data of [
    {},
    { keyHint: '' },
    { keyHint: 'k'.repeat(257) },
    { keyHint: '<script>' },
    { keyHint: 'k', content: 42 },
  ]) {
    const response = await request.post(`/api/sessions/${documentId}`, { data, headers });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).error.message).toMatch(/keyHint|content/);
  }
  expect(
    (
      await request.post(`/api/sessions/${documentId}`, {
        data: { keyHint: 'k', content: 'x'.repeat(300 * 1024) },
        headers,
      })
    ).status(),
  ).toBe(413);

  const valid = await request.post(`/api/sessions/${documentId}`, {
    data: { keyHint: 'the-first-valid-one' },
    headers,
  });
  expect(valid.status()).toBe(201);
});

test('a browser on another site cannot create a session', async ({ request }) => {
  const response = await request.post(`/api/sessions/cross-site-${Date.now()}`, {
    data: { keyHint: 'k' },
    headers: {
      origin: 'https://attacker.example',
      'sec-fetch-site': 'cross-site',
      'x-forwarded-for': testAddress(2, 2),
    },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('CSRF_REJECTED');
});

test('the event stream is sent uncompressed and uncached, with the API security policy', async ({ baseURL }) => {
  const documentId = `headers-${Date.now()}`;
  const abort = new AbortController();
  const response = await fetch(`${baseURL}/api/sessions/${documentId}/events`, {
    headers: { 'accept-encoding': 'gzip, br', 'x-forwarded-for': testAddress(2, 3) },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
  expect(response.headers.get('x-accel-buffering')).toBe('no');
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  const reader = response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe(': subscribed\n\n');
  abort.abort();
});

test('session creation is rate-limited per client address', async ({ request }) => {
  const headers = { 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 5) + 250}` };
  const documentId = `limited-${Date.now()}`;
  let status = 0;
  for (let attempt = 0; attempt < 121 && status !== 429; attempt++) {
    status = (await request.post(`/api/sessions/${documentId}`, { data: { keyHint: 'k' }, headers })).status();
  }
  expect(status).toBe(429);
});
