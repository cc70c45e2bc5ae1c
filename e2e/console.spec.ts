import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type Locator, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { expect, seriousViolations, test } from './fixtures';
import { evidenceFixture, evidenceJwks, expectNoCaptureSecrets } from './evidence-fixtures';
import { DESKTOP, PHONE, outsideTheViewport } from './layout-checks';
import { startServer, type ServerProcess } from './server-process';

// Staff are made by operators, not by sign-up: the demo seed makes one, on a server of this file's own.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
let dataDir: string;
let server: ServerProcess;
let demo: { owner: { email: string; password: string }; staff: { email: string; password: string }; apiKey: string };

// One server for the file: its tests run in order in one worker.
test.describe.configure({ mode: 'default', timeout: 180_000 });

test.beforeAll(async () => {
  // Seeding a database and starting a production server takes longer than 30 s on a busy machine.
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-console-'));
  const env = { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' };
  execFileSync('node_modules/.bin/tsx', ['scripts/seed-demo.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  demo = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
  server = await startServer(PORT, env);
});

test.afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, who: { email: string; password: string }) {
  const answer = await page.request.post(`${server.url}/api/auth/sign-in/email`, {
    data: { email: who.email, password: who.password },
    headers: { origin: server.url },
  });
  expect(answer.status()).toBe(200);
}

/** Feedback and search misses as readers' browsers send them. */
async function post(url: string, data: object): Promise<number> {
  const reader = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  const status = (await reader.post(url, { data })).status();
  await reader.dispose();
  return status;
}

/** The Status cell of an inbox row (the sixth column). */
const statusOf = (row: Locator) => row.getByRole('cell').nth(5);

/** A token-shaped string with a long signature: the inbox must never show the signature. */
const SIGNATURE = 'c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1zdG9yZWQtYW55d2hlcmU';
const TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url'),
  Buffer.from(JSON.stringify({ sub: 'reader-1', exp: 1_700_000_000 })).toString('base64url'),
  SIGNATURE,
].join('.');

test('anonymous readers are sent to sign in, and an owner is told the console is for staff', async ({
  page,
  problems,
}) => {
  await page.goto(`${server.url}/console`);
  await expect(page).toHaveURL(`${server.url}/sign-in`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

  await signIn(page, demo.owner);
  await page.goto(`${server.url}/console`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is for support staff');
  await expect(page.getByRole('heading', { name: 'Feedback inbox' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await expect(page).toHaveURL(`${server.url}/account`);
  // Only staff are offered the console.
  await expect(page.getByRole('link', { name: 'Support console' })).toHaveCount(0);
  expect(problems.list).toEqual([]);
});

test('staff read feedback newest first, filter it, mark it done with a note, and see both in its history', async ({
  page,
  problems,
}) => {
  await page.setViewportSize(DESKTOP);
  const run = `run${Date.now().toString(36)}`;
  const helpful = `${run} found it at once`;
  const older = `${run} the expiry table is confusing`;
  const newer = `${run} what were the kids for? ${TOKEN}`;
  expect(await post('/api/feedback', { page: '/docs/errors/token-expired', helpful: true, comment: helpful })).toBe(
    201,
  );
  expect(await post('/api/feedback', { page: '/docs/errors/token-expired', helpful: false, comment: older })).toBe(201);
  expect(
    await post('/api/feedback', {
      page: '/docs/jwt-identity-tokens',
      helpful: false,
      comment: newer,
      email: 'r@example.com',
    }),
  ).toBe(201);

  await signIn(page, demo.staff);
  await page.goto(`${server.url}/account`);
  await page.getByRole('link', { name: 'Support console' }).click();
  await expect(page).toHaveURL(`${server.url}/console`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support console');

  const filters = page.getByRole('search', { name: 'Filter feedback' });
  const rows = page.getByRole('row').filter({ hasText: run });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(`${run} what were the kids for?`);
  await expect(rows.nth(1)).toContainText(older);
  await expect(rows.nth(2)).toContainText(helpful);
  // The comment as stored: the token's signature is gone.
  await expect(rows.nth(0)).toContainText('signature removed');
  await expect(page.getByText(SIGNATURE)).toHaveCount(0);
  await expect(rows.nth(0).getByRole('link', { name: 'r@example.com' })).toHaveAttribute(
    'href',
    'mailto:r@example.com',
  );
  await expect(rows.nth(0).getByRole('link', { name: '/docs/jwt-identity-tokens' })).toHaveAttribute(
    'href',
    '/docs/jwt-identity-tokens',
  );
  await expect(rows.nth(0).getByRole('cell').nth(2)).toHaveText('Not helpful');
  await expect(rows.nth(2).getByRole('cell').nth(2)).toHaveText('Helpful');

  // Filters narrow the list and are written to the address, so the view can be shared.
  await filters.getByLabel('Vote').selectOption({ label: 'Not helpful' });
  await filters.getByLabel('Text').fill(run);
  await expect(page).toHaveURL(new RegExp(`/console\\?helpful=false&q=${run}$`));
  await expect(rows).toHaveCount(2);
  await expect(page.getByText(helpful)).toHaveCount(0);
  await filters.getByLabel('Text').fill(`${run} nothing says this`);
  await expect(page.getByText('No feedback matches these filters.')).toBeVisible();
  await filters.getByLabel('Text').fill(run);
  await expect(rows).toHaveCount(2);

  // Open the older one by keyboard: Open buttons are a column the arrow keys walk.
  await rows.nth(0).getByRole('button', { name: 'Open' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1).getByRole('button', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Feedback on /docs/errors/token-expired' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/&item=/);
  await expect(dialog.getByTestId('feedback-comment')).toHaveText(older);
  await expect(dialog.getByText('No changes yet.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByLabel('Status').selectOption({ label: 'Done' });
  await dialog.getByLabel('Internal note').fill('Rewrote the table; replied by email.');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  const history = dialog.getByTestId('feedback-history');
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history).toContainText(`${demo.staff.email} (staff) changed the status from New to Done`);
  await expect(history).toContainText('added the note “Rewrote the table; replied by email.”');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened it.
  await expect(rows.nth(1).getByRole('button', { name: 'Open' })).toBeFocused();
  await expect(statusOf(rows.nth(1))).toHaveText('Done');
  await expect(page).not.toHaveURL(/item=/);

  // The change is stored, and the shared link's filters come back with the page.
  await page.reload();
  await expect(filters.getByLabel('Vote')).toHaveValue('false');
  await expect(filters.getByLabel('Text')).toHaveValue(run);
  await expect(rows).toHaveCount(2);
  await expect(statusOf(rows.nth(1))).toHaveText('Done');
  await expect(statusOf(rows.nth(0))).toHaveText('New');
  await filters.getByLabel('Status').selectOption({ label: 'Done' });
  await expect(page).toHaveURL(/status=done/);
  await expect(rows).toHaveCount(1);
  await rows.nth(0).getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByLabel('Status')).toHaveValue('done');
  await expect(dialog.getByLabel('Internal note')).toHaveValue('Rewrote the table; replied by email.');
  expect(problems.list).toEqual([]);
});

test('a search that found nothing shows in the console, counted', async ({ page, problems }) => {
  const query = `xqzv${Date.now().toString(36)}`;
  for (let i = 0; i < 2; i++) expect(await post('/api/search/misses', { query, kind: 'no-result' })).toBe(204);
  expect(await post('/api/search/misses', { query: `  ${query.toUpperCase()} `, kind: 'not-opened' })).toBe(204);
  await signIn(page, demo.staff);
  await page.goto(`${server.url}/console`);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Docs health' }).click();
  await expect(page).toHaveURL(`${server.url}/console/health`);
  const panel = page.getByRole('region', { name: 'Searches that found nothing' });
  const rows = panel.getByRole('row').filter({ hasText: query });
  await expect(rows).toHaveCount(2);
  // The third column counts the searches; the upper-case, padded one was the same query once normalised.
  await expect(rows.filter({ hasText: 'No result' }).getByRole('cell').nth(2)).toHaveText('2');
  await expect(rows.filter({ hasText: 'First result not opened' }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(rows.first().getByRole('link', { name: query })).toHaveAttribute('href', `/search?q=${query}`);
  // Nothing on the site is like a made-up word, so the hint is a new page.
  await expect(rows.first().getByRole('cell').nth(4)).toHaveText('No page is close: a new page');
  expect(problems.list).toEqual([]);
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`the console at ${viewport.width}×${viewport.height} fits the screen and is accessible in light and dark`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    // Something in both lists, whichever tests ran before.
    const comment = `A long comment from a reader on a phone, ${'with many words in it '.repeat(6)}and an end.`;
    expect(await post('/api/feedback', { page: '/docs/secure-context', helpful: false, comment })).toBe(201);
    expect(await post('/api/search/misses', { query: 'websocket 1006 behind nginx', kind: 'no-result' })).toBe(204);
    await signIn(page, demo.staff);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/console`);
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await page.goto(`${server.url}/console/health`);
      await expect(
        page.getByRole('region', { name: 'Searches that found nothing' }).getByRole('row').first(),
      ).toBeVisible();
      await expect(page.getByRole('region', { name: 'Pages' }).getByRole('row').first()).toBeVisible();
      expect(await outsideTheViewport(page), `${colorScheme} docs health`).toEqual([]);
      expect(await seriousViolations(page), `${colorScheme} docs health`).toEqual([]);
      await page.goto(`${server.url}/console`);
      await expect(page.getByRole('button', { name: 'Open' }).first()).toBeVisible();
      expect(await outsideTheViewport(page), colorScheme).toEqual([]);
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.getByRole('button', { name: 'Open' }).first().click();
      await expect(page.getByRole('dialog').getByRole('button', { name: 'Save changes' })).toBeVisible();
      expect(await outsideTheViewport(page), `${colorScheme} dialog`).toEqual([]);
      expect(await seriousViolations(page), `${colorScheme} dialog`).toEqual([]);
    }
    expect(problems.list).toEqual([]);
  });
}

test('the support story: a reader votes no pasting a real token and a private key; staff sees both redacted, marks it done, and the page’s ratio changes; an owner is refused; a search with no result shows up', async ({
  browser,
  page,
  problems,
}) => {
  await page.setViewportSize(DESKTOP);
  const target = '/docs/errors/token-not-yet-valid';
  expect(await post('/api/feedback', { page: target, helpful: true })).toBe(201);
  await signIn(page, demo.staff);
  await page.goto(`${server.url}/console/health`);
  const healthRow = page
    .getByRole('region', { name: 'Pages' })
    .getByRole('row')
    .filter({ hasText: 'Token is not yet valid' });
  await expect(healthRow).toContainText('100% yes');

  // An anonymous reader, in a browser of their own.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const token = await new SignJWT({ sub: 'reader-7' })
    .setProtectedHeader({ alg: 'RS256', kid: 'demo-rs256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  const signature = token.split('.')[2]!;
  const pemBody = pem.split('\n')[5]!;
  const reader = await browser.newPage();
  await reader.goto(`${server.url}${target}`);
  const form = reader.getByRole('region', { name: 'Was this page helpful?' });
  await form.getByText('No', { exact: true }).click();
  const run = `story${Date.now().toString(36)}`;
  await form
    .getByLabel('What were you trying to do? (optional)')
    .fill(`${run} my token ${token} is refused; key:\n${pem}`);
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(reader.getByRole('status')).toContainText('Your feedback was sent');
  const query = `quokka ${run}`;
  await reader.goto(`${server.url}/search?q=${encodeURIComponent(query)}`);
  await expect(reader.getByRole('heading', { name: `No pages match “${query}”.` })).toBeVisible();
  await reader.close();

  // Staff: the comment as stored, with the signature and the key gone.
  await page.goto(`${server.url}/console?q=${run}`);
  const row = page.getByRole('row').filter({ hasText: run });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('signature removed');
  await row.getByRole('button', { name: 'Open' }).click();
  const dialog = page.getByRole('dialog', { name: `Feedback on ${target}` });
  const comment = dialog.getByTestId('feedback-comment');
  await expect(comment).toContainText('[private key removed]');
  await expect(comment).toContainText('[signature removed]');
  await expect(comment).toContainText('"sub":"reader-7"');
  expect(await page.content()).not.toContain(signature);
  expect(await page.content()).not.toContain(pemBody);
  await dialog.getByLabel('Status').selectOption({ label: 'Done' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await expect(dialog.getByTestId('feedback-history')).toContainText('changed the status from New to Done');

  await page.goto(`${server.url}/console/health`);
  await expect(healthRow).toContainText('50% yes');
  await expect(healthRow).toContainText(`${run} my token`);
  await expect(
    page.getByRole('region', { name: 'Searches that found nothing' }).getByRole('row').filter({ hasText: query }),
  ).toHaveCount(1);

  // An owner's session gets 403 from the console's API.
  const owner = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  await owner.post('/api/auth/sign-in/email', { data: demo.owner });
  for (const path of ['/api/console/feedback', '/api/console/docs-health', '/api/console/accounts?q=demo'])
    expect((await owner.get(path)).status(), path).toBe(403);
  await owner.dispose();
  expect(problems.list).toEqual([]);
});

test('staff look an account up by owner email and see its keys, audit log and what its users hit', async ({
  page,
  problems,
}) => {
  await signIn(page, demo.staff);
  await page.goto(`${server.url}/console`);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Accounts' }).click();
  const lookup = page.getByRole('search', { name: 'Look up an account' });
  await lookup.getByLabel('API key, account name or owner email').fill(demo.owner.email.toUpperCase());
  await lookup.getByRole('button', { name: 'Look up' }).click();
  // The one match opens at once.
  const account = page.getByRole('region', { name: 'Demo Owner’s account' });
  await expect(account).toBeVisible();
  await expect(account.getByTestId('account-owners')).toContainText(demo.owner.email);
  await expect(account.getByText(demo.apiKey, { exact: true })).toBeVisible();
  const hits = account.getByRole('region', { name: 'What its users hit' });
  await expect(hits.getByRole('img')).toBeVisible();
  await expect(hits.getByRole('link', { name: 'Token has expired' })).toHaveAttribute(
    'href',
    '/docs/errors/token-expired',
  );
  await expect(hits.getByText(/^23 in 30 days, last on /)).toBeVisible();
  await hits.getByText('Show as a table').click();
  await expect(hits.getByRole('table').getByRole('columnheader', { name: 'TOKEN_EXPIRED' })).toBeVisible();
  await expect(account.getByRole('cell', { name: 'demo-rs256' }).first()).toBeVisible();
  await expect(account.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/accounts\?q=/);

  await lookup.getByLabel('API key, account name or owner email').fill('nobody-has-this');
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByText('No account has the API key “nobody-has-this”')).toBeVisible();

  for (const viewport of [PHONE, DESKTOP])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/console/accounts?q=${encodeURIComponent(demo.apiKey)}`);
      await expect(page.getByRole('region', { name: 'What its users hit' }).getByRole('img')).toBeVisible();
      expect(await outsideTheViewport(page), `${colorScheme} ${viewport.width}`).toEqual([]);
      expect(await seriousViolations(page), `${colorScheme} ${viewport.width}`).toEqual([]);
    }
  expect(problems.list).toEqual([]);
});

test('an owner sends evidence to support; staff read it beside the account; nobody else can; the owner withdraws it', async ({
  page,
  problems,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, demo.owner);
  await page.goto(`${server.url}/tools/evidence`);
  await page.getByLabel('Public keys (JWK set, JWK or PEM)').fill(evidenceJwks());
  await page
    .getByLabel('Drop a .har file or a log here, or choose one')
    .setInputFiles(evidenceFixture('expired-token.har'));
  await expect(page.getByText('in expired-token.har, read in')).toBeVisible();
  await page.locator('summary', { hasText: 'Send to support' }).click();
  const note = `bundle${Date.now().toString(36)} fails after lunch`;
  await page.getByLabel('What were you doing when it failed? (optional)').fill(note);
  const sending = page.waitForRequest((request) => request.url().endsWith('/api/support/bundles'));
  await page.getByRole('button', { name: 'Send to support' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'Sent to support' });
  await expect(sent).toContainText(/reference [0-9a-f]{8}\. Support can read it until/);
  // What left the browser is the redacted bundle: no cookie, authorization value, body or signature of the capture.
  expectNoCaptureSecrets((await sending).postData() ?? '', 'expired-token.har');
  const reference = /reference ([0-9a-f]{8})/.exec((await sent.textContent()) ?? '')![1]!;
  const listed = await page.request.get(`${server.url}/api/support/bundles`);
  const { items } = (await listed.json()) as { items: { id: string; message: string }[] };
  const id = items.find((item) => item.id.startsWith(reference))!.id;
  expect(items.find((item) => item.id === id)!.message).toBe(note);

  // Nobody else reads it: not a reader who is not signed in, not another owner.
  const anonymous = await request.newContext({ baseURL: server.url });
  expect((await anonymous.get(`/api/support/bundles/${id}`)).status()).toBe(401);
  await anonymous.dispose();
  const stranger = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  const signUp = await stranger.post('/api/auth/sign-up/email', {
    data: {
      name: 'Mallory Owner',
      email: `mallory-${id.slice(0, 6)}@example.test`,
      password: 'a long enough password',
    },
  });
  expect(signUp.status()).toBe(200);
  expect((await stranger.get(`/api/support/bundles/${id}`)).status()).toBe(404);
  expect((await stranger.delete(`/api/support/bundles/${id}`)).status()).toBe(404);
  await stranger.dispose();

  // Staff find it on the account, open it, and read the findings the owner saw.
  await page.context().clearCookies();
  await signIn(page, demo.staff);
  await page.goto(`${server.url}/console/accounts?q=${encodeURIComponent(demo.apiKey)}`);
  const bundles = page.getByRole('region', { name: 'Evidence sent to support' });
  const row = bundles.getByRole('list', { name: 'Evidence bundles' }).locator(`[data-bundle="${id}"]`);
  await expect(row).toContainText('1 token (1 Token has expired)');
  await expect(row).toContainText(note);
  await expect(row).toContainText(demo.owner.email);
  await row.getByRole('link', { name: `Open bundle ${reference}` }).click();
  await expect(page.getByRole('heading', { name: 'Evidence from Demo Owner’s account' })).toBeVisible();
  const tokens = page.getByRole('region', { name: 'Tokens' });
  await expect(tokens.locator('[data-group="TOKEN_EXPIRED"]')).toContainText('1 token: Token has expired');
  await expect(tokens.getByRole('link', { name: 'How to fix it' })).toHaveAttribute(
    'href',
    '/docs/errors/token-expired',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The owner withdraws it from their account page; then it is gone for support too.
  await page.context().clearCookies();
  await signIn(page, demo.owner);
  await page.goto(`${server.url}/account`);
  const mine = page.getByRole('region', { name: 'Evidence sent to support' });
  await mine.getByRole('button', { name: `Withdraw bundle ${reference}` }).click();
  await page.getByRole('dialog', { name: 'Withdraw this bundle?' }).getByRole('button', { name: 'Withdraw' }).click();
  await expect(mine.locator(`[data-bundle="${id}"]`)).toHaveCount(0);
  expect((await page.request.get(`${server.url}/api/support/bundles/${id}`)).status()).toBe(404);
  expect(problems.list).toEqual([]);
});
