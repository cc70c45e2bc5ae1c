import { expect, test } from './fixtures';

const BASELINE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function expectBaseline(headers: Record<string, string>) {
  for (const [name, value] of Object.entries(BASELINE)) expect(headers[name], name).toBe(value);
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'];
  expect(csp).toBeTruthy();
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/frame-ancestors 'none'/);
}

for (const path of [
  '/',
  '/docs',
  '/docs/errors/token-expired',
  '/search?q=jwt',
  '/search-index.json',
  '/no-such-page',
  '/icon.svg',
  '/api/clock',
  '/tools/token',
  '/tools/race',
]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expectBaseline(response.headers());
  });
}

test('static assets carry the security headers', async ({ page, request }) => {
  await page.goto('/');
  const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  expect(src).toBeTruthy();
  expectBaseline((await request.get(src!)).headers());
});

test('every script carries the nonce of its own response, and the nonce changes each time', async ({ request }) => {
  const nonces = new Set<string>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await request.get('/docs');
    const csp = response.headers()['content-security-policy']!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(2);
});
