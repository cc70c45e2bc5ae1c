import { createExampleTokens, EXAMPLES } from '../lib/jwt/examples';
import { expect, test } from './fixtures';

const examples = EXAMPLES;

async function errorCodes(page: import('@playwright/test').Page): Promise<string[]> {
  return page.locator('[data-severity="error"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

test('starts with an empty state that explains tokens', async ({ page, problems }) => {
  await page.goto('/tools/token');
  await expect(page.getByRole('heading', { name: 'Paste a token to see everything that is wrong with it' })).toBeVisible();
  await expect(page.getByTestId('clock-check')).toContainText(/clock/);
  expect(problems.list).toEqual([]);
});

for (const example of examples) {
  test(`the "${example.title}" example shows ${example.expected.join(', ') || 'an accepted token'}`, async ({ page, problems }) => {
    await page.goto('/tools/token');
    await page.getByRole('button', { name: example.title, exact: true }).click();
    if (example.expected.length === 0) {
      await expect(page.getByText('This token will be accepted.')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
    } else {
      await expect(page.getByText(/The service would reject this token/)).toBeVisible();
      await expect.poll(() => errorCodes(page)).toEqual(example.expected);
      for (const code of example.expected) {
        const link = page.locator(`[data-code="${code}"]`).getByRole('link', { name: 'How to fix it' });
        await expect(link).toHaveAttribute('href', `/docs/errors/${code.toLowerCase().replaceAll('_', '-')}`);
      }
    }
    expect(problems.list).toEqual([]);
  });
}

test('decodes as you type, colours the parts and shows the header and payload', async ({ page }) => {
  const { examples: made } = await createExampleTokens();
  await page.goto('/tools/token');
  const [, payload] = made[0]!.token.split('.');
  await page.getByLabel('Identity token').fill(made[0]!.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "user-42"');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "ES256"');
  await expect(page.locator('[aria-hidden="true"] span.text-violet-700').filter({ hasText: payload! })).toHaveCount(1);
  await expect(page.getByText('Its signature is not checked yet.', { exact: false })).toBeVisible();
  await page.getByLabel('Identity token').fill('not a token');
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_NOT_ENOUGH_PARTS']);
});

test('a share link carries the token in the fragment and restores it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/tools/token');
  await page.getByRole('button', { name: 'Expired', exact: true }).click();
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_EXPIRED']);
  const token = await page.getByLabel('Identity token').inputValue();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe('/tools/token');
  expect(url.search).toBe('');
  expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Identity token')).toHaveValue(token);
  await expect(other.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
  await expect.poll(() => errorCodes(other)).toEqual(['TOKEN_EXPIRED']);
});

test('the token never travels to the server', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.url()}\n${request.postData() ?? ''}\n${JSON.stringify(request.headers())}`));
  await page.goto('/tools/token');
  const seen: string[] = [];
  for (const example of examples) {
    await page.getByRole('button', { name: example.title, exact: true }).click();
    await expect(page.getByRole('status').first()).toBeVisible();
    seen.push(await page.getByLabel('Identity token').inputValue());
  }
  const { examples: made } = await createExampleTokens();
  await page.getByLabel('Identity token').fill(made[0]!.token);
  seen.push(made[0]!.token);
  await page.getByRole('link', { name: 'Docs', exact: true }).first().hover();
  await page.waitForLoadState('networkidle');
  expect(sent.length).toBeGreaterThan(0);
  for (const token of seen) {
    // The payload part identifies the token; no request may carry it in its URL, body or headers.
    const payload = token.split('.')[1]!;
    for (const request of sent) expect(request).not.toContain(payload);
  }
});
