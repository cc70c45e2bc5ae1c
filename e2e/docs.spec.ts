import { listDocPages } from '../lib/docs/pages';
import { expect, test } from './fixtures';

const pages = listDocPages();

test.describe('every docs page', () => {
  for (const doc of pages) {
    test(`${doc.href} renders its title, contents and neighbours without errors`, async ({ page, problems }) => {
      const response = await page.goto(doc.href);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(doc.title);
      await expect(page).toHaveTitle(new RegExp(doc.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      for (const heading of doc.headings) {
        await expect(page.locator(`[id="${heading.id}"]`), `anchor #${heading.id}`).toHaveCount(1);
      }
      await expect(page.getByRole('navigation', { name: 'Previous and next pages' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(problems.list).toEqual([]);
    });
  }
});

test('the table of contents jumps to its heading', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/docs/secure-context');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstLink = toc.getByRole('link').first();
  const target = (await firstLink.getAttribute('href'))!;
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('headings link to themselves', async ({ page }) => {
  await page.goto('/docs/session-race');
  const anchor = page.locator('article h2 a.heading-anchor').first();
  const href = await anchor.getAttribute('href');
  expect(href).toMatch(/^#[a-z0-9-]+$/);
  await expect(page.locator(`article h2${href}`)).toHaveCount(1);
});

test('code blocks are highlighted and copy their text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/docs/jwt-identity-tokens');
  const frame = page.locator('div:has(> pre.shiki)').first();
  const block = frame.locator('pre.shiki');
  await expect(block).toBeVisible();
  expect(await block.locator('span[style*="--shiki-light"]').count()).toBeGreaterThan(0);
  const expected = (await block.innerText()).trimEnd();
  const button = frame.getByRole('button');
  await expect(button).toHaveText('Copy code');
  await button.click();
  await expect(button).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test('error pages show the exact message, the fix and related codes', async ({ page }) => {
  await page.goto('/docs/errors/token-expired');
  await expect(page.getByText('JWT has expired', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  await page.getByRole('link', { name: 'Token issued in the future' }).last().click();
  await expect(page).toHaveURL(/\/docs\/errors\/token-issued-in-future$/);
});

test('the sidebar marks the current page and works on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/docs/errors/jwks-unavailable');
  await page.getByText('Browse the docs').click();
  const current = page.locator('details nav a[aria-current="page"]');
  await expect(current).toHaveText('No public key can check this token');
  await page.locator('details nav').getByRole('link', { name: 'Secure context', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/secure-context$/);
});
