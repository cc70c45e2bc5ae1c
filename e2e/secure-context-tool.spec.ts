import { chromium } from '@playwright/test';
import { checkSecureContext, consoleSnippet, DEV_SERVER_RECIPES } from '../lib/secure-context';
import { URL_TABLE } from '../lib/secure-context/url-table.fixture';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { expect, test } from './fixtures';

const TOOL = '/tools/secure-context';

test('starts empty, probes this page and links the docs', async ({ page, problems }) => {
  await page.goto(TOOL);
  await expect(
    page.getByRole('heading', { name: 'Type the address of your page to see whether RTC can run there' }),
  ).toBeVisible();
  const probe = page.getByRole('list', { name: 'Checks on this page' });
  await expect(probe.getByRole('listitem')).toHaveCount(3);
  await expect(probe.locator('[data-ok="true"]')).toHaveCount(3);
  await expect(probe).toContainText('window.isSecureContext is true');
  await expect(page.getByRole('link', { name: 'Secure contexts: the full guide' })).toHaveAttribute(
    'href',
    '/docs/secure-context',
  );
  await expect(page.getByRole('link', { name: '“RTC services require a secure context”' })).toHaveAttribute(
    'href',
    '/docs/errors/secure-context-required',
  );
  expect(problems.list).toEqual([]);
});

test('judges every URL of the table as you type, as the library does in Node', async ({ page, problems }) => {
  await page.goto(TOOL);
  const field = page.getByLabel('Page URL');
  const verdict = page.getByTestId('verdict');
  for (const row of URL_TABLE) {
    await field.fill(row.url);
    await expect(verdict, row.url).toHaveAttribute('data-secure', String(row.secure));
    await expect(verdict, row.url).toHaveAttribute('data-rule', row.rule);
    await expect(verdict.locator('dd').first(), row.url).toHaveText(row.origin);
  }
  expect(problems.list).toEqual([]);
});

test('shows the reason and the fix, and says what is wrong with an unparseable URL', async ({ page }) => {
  await page.goto(TOOL);
  const field = page.getByLabel('Page URL');
  await field.pressSequentially('http://192.168.1.20:3000/editor');
  await expect(page.getByRole('status')).toHaveText(
    'Not a secure context: RTC will refuse to start on a page at this address.',
  );
  await expect(page.getByTestId('reason')).toContainText('192.168.1.20 is a private network (LAN) address');
  await expect(page.getByTestId('fix')).toContainText('open http://localhost:3000/editor instead');
  await field.fill('http://0x7f.1:8080/');
  await expect(page.getByTestId('verdict')).toContainText('Read as');
  await expect(page.getByTestId('verdict')).toContainText('http://127.0.0.1:8080/');
  await expect(page.getByRole('status')).toHaveText('Secure context: RTC can run on a page at this address.');
  await field.fill('example.com');
  await expect(page.getByTestId('input-problem')).toContainText('did you mean http://example.com?');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
});

test('the example buttons fill the field', async ({ page }) => {
  await page.goto(TOOL);
  await page.getByRole('button', { name: 'Custom hostname' }).click();
  await expect(page.getByLabel('Page URL')).toHaveValue('http://myapp.test:5173/');
  await expect(page.getByTestId('fix')).toContainText('http://myapp.localhost:5173');
});

test('a share link carries the URL and the setup in the query and renders them on arrival', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(TOOL);
  await page.getByLabel('Page URL').fill('http://devbox.local:8080/');
  await page.getByText('Vite', { exact: true }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.pathname).toBe(TOOL);
  expect(link.searchParams.get('url')).toBe('http://devbox.local:8080/');
  expect(link.searchParams.get('setup')).toBe('vite');
  await expect(page).toHaveURL(link.href);

  // The server renders a shared link's verdict and recipe, before any script runs.
  const html = await (await page.request.get(link.pathname + link.search)).text();
  expect(html).toContain('Not a secure context');
  expect(html).toContain('@vitejs/plugin-basic-ssl');
  await page.goto(link.href);
  await expect(page.getByLabel('Page URL')).toHaveValue('http://devbox.local:8080/');
  await expect(page.getByRole('region', { name: 'Vite recipe' })).toBeVisible();
});

test('a LAN address picks the phone or LAN device recipe, which the reader can still change', async ({
  page,
  problems,
}) => {
  await page.goto(TOOL);
  await expect(page.getByTestId('recipe')).toContainText('Pick a setup above');
  await page.getByLabel('Page URL').fill('http://192.168.1.20:3000');
  await expect(page.getByRole('radio', { name: 'Phone or LAN device' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Phone or LAN device recipe' })).toContainText(
    'adb reverse tcp:3000 tcp:3000',
  );
  await expect(page.getByTestId('recipe-implied')).toContainText('Picked from the address above');
  // An implied setup is not written into the link: it follows from the address.
  await expect(page).not.toHaveURL(/setup=/);

  // The summary is said once, not again as the first step.
  const fix = page.getByTestId('fix');
  const summary = (await fix.locator('p').first().innerText()).trim();
  expect(summary).toContain('open http://localhost:3000 instead');
  const firstStep = (await fix.getByRole('listitem').first().innerText()).trim();
  expect(firstStep).not.toContain('http://localhost:3000');
  expect(firstStep.split(' ').slice(0, 4).join(' ')).not.toBe(summary.split(' ').slice(0, 4).join(' '));

  await page.locator('#recipes').getByText('Tunnel', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Tunnel recipe' })).toBeVisible();
  await expect(page.getByTestId('recipe-implied')).toHaveCount(0);
  await expect(page).toHaveURL(/setup=tunnel/);
  await page.getByLabel('Page URL').fill('http://myapp.test:5173/');
  await expect(page.getByRole('radio', { name: 'Tunnel' })).toBeChecked();
  expect(problems.list).toEqual([]);
});

test('a share link’s setup wins over the one its address implies, before and after hydration', async ({ page }) => {
  const link = `${TOOL}?url=${encodeURIComponent('http://192.168.1.20:3000/')}&setup=vite`;
  const html = await (await page.request.get(link)).text();
  expect(html).toContain('@vitejs/plugin-basic-ssl');
  await page.goto(link);
  await expect(page.getByRole('radio', { name: 'Vite' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Vite recipe' })).toBeVisible();
  // Without a setup in the link, the server already renders the implied one.
  const implied = await (
    await page.request.get(`${TOOL}?url=${encodeURIComponent('http://192.168.1.20:3000/')}`)
  ).text();
  expect(implied).toContain('adb reverse tcp:3000 tcp:3000');
});

test('the probe says it checks this portal, not the address under test', async ({ page }) => {
  await page.goto(`${TOOL}?url=${encodeURIComponent('http://192.168.1.20:3000/')}`);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-secure', 'false');
  const probe = page.getByTestId('probe');
  await expect(probe.getByRole('heading', { name: 'RTC Doctor itself, in this browser' })).toBeVisible();
  await expect(page.getByTestId('probe-scope')).toHaveText(
    'A live check of the page you are reading now, not of the address you typed.',
  );
});

test('a fix links its recipe, and every recipe can be picked with the keyboard', async ({ page, problems }) => {
  await page.goto(`${TOOL}?url=${encodeURIComponent('http://192.168.1.20:3000/')}`);
  await page.getByTestId('fix').getByRole('link', { name: 'Phone or LAN device' }).click();
  await expect(page.getByRole('region', { name: 'Phone or LAN device recipe' })).toContainText(
    'adb reverse tcp:3000 tcp:3000',
  );
  await expect(page).toHaveURL(/setup=lan-device/);

  const radios = page.getByRole('radio');
  await expect(radios).toHaveCount(DEV_SERVER_RECIPES.length);
  await page.getByRole('radio', { name: DEV_SERVER_RECIPES[0]!.label }).focus();
  await page.keyboard.press('Space');
  for (const recipe of DEV_SERVER_RECIPES) {
    await expect(page.getByRole('radio', { name: recipe.label })).toBeChecked();
    await expect(page.getByRole('region', { name: `${recipe.label} recipe` })).toBeVisible();
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('radio', { name: 'Next.js' })).toBeFocused();
  expect(problems.list).toEqual([]);
});

test('recipes carry the exact commands with copy buttons', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${TOOL}?setup=nextjs`);
  const recipe = page.getByRole('region', { name: 'Next.js recipe' });
  await expect(recipe).toContainText('npx next dev --experimental-https');
  await recipe.getByRole('button', { name: 'Copy code' }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('npx next dev --experimental-https');
});

test('the curl command answers with the verdict the page shows', async ({ page }) => {
  await page.goto(`${TOOL}?url=${encodeURIComponent("http://web:8080/it's")}`);
  const block = page.getByRole('region', { name: 'The same check from the API' }).locator('pre');
  // The server renders a placeholder origin; the command names this site's origin once the page has hydrated.
  await expect(block).toContainText(new URL(page.url()).origin);
  const command = await block.innerText();
  const quoted = /^curl -s '(.*)'$/.exec(command)![1]!.replaceAll(`'\\''`, "'");
  const response = await page.request.get(quoted);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ url: "http://web:8080/it's", secure: false, rule: 'private-name' });
});

test('the console snippet prints the same check and reports true on this secure page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(TOOL);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(consoleSnippet(`${new URL(page.url()).origin}${TOOL}`));
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  expect(await page.evaluate(snippet)).toBe(true);
  await expect.poll(() => logs.join('\n')).toContain('Secure context: RTC can run here.');
});

test('on a page that is not a secure context the probe and the snippet say so', async ({ baseURL }) => {
  // The same server, opened by a custom hostname mapped to it, so Chromium judges it like a LAN dev server.
  const port = new URL(baseURL!).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rtc-doctor.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const logs: string[] = [];
    page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
    const address = `http://rtc-doctor.test:${port}${TOOL}`;
    await page.goto(address);
    const probe = page.getByRole('list', { name: 'Checks on this page' });
    await expect(probe).toContainText('is not a secure context here');
    await expect(probe.locator('[data-ok="false"]')).toHaveCount(2);
    const verdict = checkSecureContext(address);
    expect(verdict.ok && verdict.verdict.secure).toBe(false);
    const snippet = await page.getByTestId('console-snippet').innerText();
    expect(await page.evaluate(snippet)).toBe(false);
    await expect
      .poll(() => logs.join('\n'))
      .toContain(`How to fix it: http://rtc-doctor.test:${port}${TOOL}?url=${encodeURIComponent(address)}`);
  } finally {
    await browser.close();
  }
});

test.describe('GET /api/secure-context', () => {
  test('answers with the contract shape and a cache header', async ({ request }) => {
    const response = await request.get(`/api/secure-context?url=${encodeURIComponent('http://[::1]:8080/')}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('max-age');
    expect(await response.json()).toMatchObject({
      url: 'http://[::1]:8080/',
      origin: 'http://[::1]:8080',
      secure: true,
      reason: expect.stringContaining('::1'),
    });
  });

  test('answers 400 naming the problem for a missing or unparseable URL', async ({ request }) => {
    for (const [query, message] of [
      ['', /missing/],
      ['?url=example.com', /did you mean/],
    ] as const) {
      const response = await request.get(`/api/secure-context${query}`);
      expect(response.status()).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(message),
      });
    }
  });
});
