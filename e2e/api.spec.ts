import { createExampleTokens } from '../lib/jwt/examples';
import { expect, test } from './fixtures';

test('POST /api/tokens/diagnose gives the contract shape, and 200 for invalid tokens', async ({ request }) => {
  const { jwks, examples } = await createExampleTokens();
  for (const example of examples) {
    const response = await request.post('/api/tokens/diagnose', { data: { token: example.token, jwks } });
    expect(response.status(), example.id).toBe(200);
    const result = await response.json();
    expect(result.ok).toBe(example.expected.length === 0);
    expect(result.errors.map((error: { code: string }) => error.code)).toEqual(example.expected);
    for (const error of result.errors)
      expect(error).toMatchObject({ message: expect.any(String), docs: expect.stringMatching(/^\/docs\/errors\//) });
  }
});

test('POST /api/tokens/diagnose answers 400 for a malformed request and 413 for a large one', async ({ request }) => {
  const malformed = await request.post('/api/tokens/diagnose', {
    data: '{"token":',
    headers: { 'content-type': 'application/json' },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe('BAD_REQUEST');
  const wrongType = await request.post('/api/tokens/diagnose', { data: { token: 42 } });
  expect(wrongType.status()).toBe(400);
  expect((await wrongType.json()).error.message).toMatch(/token/);
  const large = await request.post('/api/tokens/diagnose', { data: { token: 'x'.repeat(70 * 1024) } });
  expect(large.status()).toBe(413);
});

test('POST /api/tokens/diagnose-batch answers NDJSON in input order, the same verdicts as the one-token route', async ({
  request,
}) => {
  const { jwks, examples } = await createExampleTokens();
  const body = [...examples.map((example) => JSON.stringify({ token: example.token, jwks })), '', 'not JSON {'].join(
    '\n',
  );
  const response = await request.post('/api/tokens/diagnose-batch', {
    data: body,
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/x-ndjson');
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines).toHaveLength(examples.length + 1);
  examples.forEach((example, index) =>
    expect(
      lines[index].errors.map((error: { code: string }) => error.code),
      example.id,
    ).toEqual(example.expected),
  );
  // A bare token line that is not one still gets its own result: structural findings, not a request error.
  expect(lines.at(-1)).toMatchObject({
    ok: false,
    errors: [expect.objectContaining({ code: 'TOKEN_NOT_ENOUGH_PARTS' })],
  });
  const tooLarge = await request.post('/api/tokens/diagnose-batch', {
    data: 'a'.repeat(1024 * 1024 + 1),
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(tooLarge.status()).toBe(413);
});

test('GET /api/clock reports the server time', async ({ request }) => {
  const before = Date.now();
  const response = await request.get('/api/clock');
  const { now } = await response.json();
  expect(Math.abs(now - before)).toBeLessThan(60_000);
  expect(response.headers()['cache-control']).toContain('no-store');
});

test('GET /api/accounts/{apiKey}/jwks.json answers 404 with the error shape for an unknown API key', async ({
  request,
}) => {
  const response = await request.get('/api/accounts/rtc_unknown/jwks.json');
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No account has this API key.' } });
  expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('POST /api/keys/check validates keys through the server', async ({ request }) => {
  const response = await request.post('/api/keys/check', {
    data: { key: JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }) },
  });
  expect(response.status()).toBe(200);
  const result = await response.json();
  expect(result.ok).toBe(false);
  expect(result.keys[0].errors.map((error: { code: string }) => error.code)).toContain('KEY_SYMMETRIC');
  const malformed = await request.post('/api/keys/check', { data: { key: 42 } });
  expect(malformed.status()).toBe(400);
});

test('public APIs answer 429 with Retry-After to a client over its limit', async ({ request }) => {
  // A client address of its own, so other tests' requests do not count against it.
  const headers = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 20}` };
  const statuses: number[] = [];
  let refused;
  for (let attempt = 0; attempt < 61; attempt++) {
    const response = await request.post('/api/keys/check', { data: { key: '{}' }, headers });
    statuses.push(response.status());
    if (response.status() === 429) refused = response;
  }
  expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
  expect(statuses[60]).toBe(429);
  expect(Number(refused!.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect((await refused!.json()).error.code).toBe('RATE_LIMITED');
});
