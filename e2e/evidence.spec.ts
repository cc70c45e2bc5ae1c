import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticHar } from '../scripts/synthetic-har';
import { evidenceFixture, evidenceJwks, expectNoCaptureSecrets } from './evidence-fixtures';
import { expect, seriousViolations, test } from './fixtures';
import { signUpOwner } from './owners';

const fixture = evidenceFixture;
const jwks = evidenceJwks();

async function readFixture(page: import('@playwright/test').Page, name: string, keys?: string) {
  await page.goto('/tools/evidence');
  if (keys) await page.getByLabel('Public keys (JWK set, JWK or PEM)').fill(keys);
  await page.getByLabel('Drop a .har file or a log here, or choose one').setInputFiles(fixture(name));
  await expect(page.getByText(`in ${name}, read in`)).toBeVisible();
}

test('an expired token sent in a cookie, a header, a body and a query string is one finding, grouped, with its fix', async ({
  page,
  problems,
}) => {
  await readFixture(page, 'expired-token.har', jwks);
  const tokens = page.getByRole('region', { name: 'Tokens' });
  await expect(tokens.locator('[data-group="TOKEN_EXPIRED"]')).toContainText('1 token: Token has expired, first at');
  await expect(tokens.locator('[data-group="TOKEN_EXPIRED"]')).toContainText('kid "rsa-2024"');
  await expect(tokens.getByRole('link', { name: 'How to fix it' })).toHaveAttribute(
    'href',
    '/docs/errors/token-expired',
  );
  await tokens.getByText('Every token, where it was first seen').click();
  await expect(tokens.locator('[data-token-finding]')).toHaveCount(1);
  // Every request carried the cookie; the header, the body and the query string once each.
  await expect(tokens.locator('[data-token-finding]')).toContainText(/request cookie rtc_token \(seen \d+ times\)/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('a page served on a LAN address is named as not a secure context, with the fix', async ({ page, problems }) => {
  await readFixture(page, 'insecure-origin.har');
  const origin = page.getByRole('region', { name: 'Page origin' }).locator('[data-secure="false"]');
  await expect(origin).toContainText('is not a secure context');
  await expect(origin).toContainText('Serve the page over https');
  await expect(origin.getByRole('link', { name: 'How to fix it' })).toHaveAttribute(
    'href',
    '/docs/errors/secure-context-required',
  );
  expect(problems.list).toEqual([]);
});

test('a race between two clients is laid out with its real timings: one winner, one rejected with the winner’s hint', async ({
  page,
  problems,
}) => {
  await readFixture(page, 'session-race.har');
  const sessions = page.getByRole('region', { name: 'Collaboration sessions' });
  await expect(sessions).toContainText('2 creators, won by hint client-a-key-1, 1 rejected');
  await expect(sessions).toContainText('no loser asked for the winner’s key afterwards.');
  const calls = sessions.getByRole('list', { name: /^Session calls for fixture-doc-/ }).getByRole('listitem');
  await expect(calls).toHaveCount(3);
  await expect(calls.filter({ hasText: '201 created' })).toHaveCount(1);
  await expect(calls.filter({ hasText: '409 rejected, hint client-a-key-1' })).toHaveCount(1);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('a loser that then asks its key provider for the winner’s key is shown doing so', async ({ page, problems }) => {
  await readFixture(page, 'session-race-key-fetch.har');
  const sessions = page.getByRole('region', { name: 'Collaboration sessions' });
  await expect(sessions).toContainText('2 creators, won by hint client-a-key-1, 1 rejected');
  await expect(sessions).toContainText('a loser then asked for the winner’s key.');
  expect(problems.list).toEqual([]);
});

test('the redacted bundle holds the findings and no signature, cookie, authorization value or body', async ({
  page,
}) => {
  await readFixture(page, 'expired-token.har', jwks);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the redacted bundle' }).click();
  const bundlePath = await (await downloading).path();
  const bundle = readFileSync(bundlePath, 'utf8');
  expect(JSON.parse(bundle)).toMatchObject({
    format: 'rtc-doctor-evidence-bundle',
    source: { kind: 'har', name: 'expired-token.har' },
    findings: expect.arrayContaining([expect.objectContaining({ kind: 'token' })]),
  });
  expectNoCaptureSecrets(bundle, 'expired-token.har');
});

test('a 50 MB capture is read in the background: the progress shows and the page keeps answering', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-har-'));
  const file = path.join(dir, 'large.har');
  try {
    writeFileSync(file, syntheticHar(50 * 1024 * 1024, [readTokenFromFixture()]));
    await page.goto('/tools/evidence');
    await page.getByLabel('Drop a .har file or a log here, or choose one').setInputFiles(file);
    await expect(page.getByRole('status').filter({ hasText: 'large.har' })).toBeVisible();
    // While the worker reads, the page still takes typing.
    await page.getByLabel('Or paste a log excerpt').fill('typed while reading');
    await expect(page.getByLabel('Or paste a log excerpt')).toHaveValue('typed while reading');
    await expect(page.getByText(/requests in large\.har, read in \d+ ms/)).toBeVisible({ timeout: 150_000 });
    await expect(page.getByRole('region', { name: 'Tokens' })).toContainText('1 token: Token has expired');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function readTokenFromFixture(): string {
  const text = readFileSync(fixture('expired-token.har'), 'utf8');
  return /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(text)![0];
}

test('with an account’s keys, the tokens (and only they) go to the batch API and are checked as the service would', async ({
  page,
  baseURL,
  problems,
}) => {
  const apiKey = await signUpOwner(page, baseURL!, 'Eve Owner');
  const upload = await page.request.post(`/api/accounts/${apiKey}/keys`, {
    data: { key: jwks },
    headers: { origin: baseURL! },
  });
  expect(upload.status()).toBe(201);
  const batches: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/tokens/diagnose-batch')) batches.push(request.postData() ?? '');
  });

  await page.goto('/tools/evidence');
  await page.locator('label', { hasText: 'An account’s registered keys' }).click();
  await expect(page.getByLabel('Account API key')).toHaveValue(apiKey);
  await page.getByLabel('Drop a .har file or a log here, or choose one').setInputFiles(fixture('expired-token.har'));
  const tokens = page.getByRole('region', { name: 'Tokens' });
  await tokens.getByText('Every token, where it was first seen').click();
  // The signature verified against the account's key: the only finding left is the expiry.
  await expect(tokens.locator('[data-token-finding]')).toContainText('TOKEN_EXPIRED, kid "rsa-2024"');
  await expect(tokens.locator('[data-token-finding]')).not.toContainText('JWKS_UNAVAILABLE');
  expect(batches).toHaveLength(1);
  const lines = batches[0]!
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines).toEqual([{ token: expect.stringMatching(/^eyJ/), apiKey, algorithms: expect.any(Array) }]);
  expect(problems.list).toEqual([]);
});
