import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import { expect, seriousViolations, test } from './fixtures';
import { DESKTOP, PHONE, outsideTheViewport } from './layout-checks';
import { startServer, type ServerProcess } from './server-process';

// Staff accounts are made by operators, not by sign-up: the demo seed makes one, on a server of this test's own.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 91;
let dataDir: string;
let server: ServerProcess;
let demo: { owner: { email: string; password: string }; staff: { email: string; password: string }; apiKey: string };

/** Besides the demo key, keys whose kids are long, as real ones often are. */
const LONG_KIDS = ['2025-rotation-production-signing-key-for-the-editor-eu-west-1', `tenant-${'Zk9x'.repeat(24)}`];

// One demo server for the file: its tests run in order in one worker, not spread over several.
test.describe.configure({ mode: 'default', timeout: 180_000 });

test.beforeAll(async () => {
  // The hook seeds a database and starts a production server; on a busy machine that takes longer than 30 s.
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-staff-'));
  const env = { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' };
  execFileSync('node_modules/.bin/tsx', ['scripts/seed-demo.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  demo = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
  server = await startServer(PORT, env);
  const owner = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  expect(
    (
      await owner.post('/api/auth/sign-in/email', { data: { email: demo.owner.email, password: demo.owner.password } })
    ).status(),
  ).toBe(200);
  const keys = LONG_KIDS.map((kid) => ({
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
    kid,
  }));
  expect(
    (await owner.post(`/api/accounts/${demo.apiKey}/keys`, { data: { key: JSON.stringify({ keys }) } })).status(),
  ).toBe(201);
  await owner.dispose();
});

test.afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test('support staff read any account’s keys and audit log but can change nothing', async ({ page, problems }) => {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(demo.staff.email);
  await page.getByLabel('Password').fill(demo.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Password hashing and the first render of /account on a freshly started server can be slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Look up an account', { timeout: 30_000 });
  await expect(page.getByText('support staff, read only')).toBeVisible();

  await page.getByLabel('Customer API key').fill(demo.apiKey);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo Owner’s account');
  // Whose account it is, and none of the owner's controls or advice.
  await expect(page.getByTestId('account-owner')).toHaveText(`Demo Owner <${demo.owner.email}>`);
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByText('To rotate a key')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Add keys' })).toHaveCount(0);
  // The demo seed registers an RS256 key, which the service's algorithms cover: no refusal flag.
  await expect(page.getByRole('cell', { name: 'demo-rs256' })).toBeVisible();
  await expect(page.getByTestId('key-refused')).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="audit-heading"]')).toContainText('added key demo-rs256');

  // Read only in the page, and refused by the server whatever the page shows.
  await expect(page.getByRole('button', { name: 'Check and add' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const keys = (await (await page.request.get(`${server.url}/api/accounts/${demo.apiKey}/keys`)).json()).keys as {
    id: string;
  }[];
  const headers = { origin: server.url };
  const add = await page.request.post(`${server.url}/api/accounts/${demo.apiKey}/keys`, {
    data: { key: '{}' },
    headers,
  });
  expect(add.status()).toBe(403);
  const remove = await page.request.delete(`${server.url}/api/accounts/${demo.apiKey}/keys/${keys[0]!.id}`, {
    headers,
  });
  expect(remove.status()).toBe(403);
  expect((await (await page.request.get(`${server.url}/api/accounts/${demo.apiKey}/keys`)).json()).keys).toHaveLength(
    keys.length,
  );
  expect(problems.list).toEqual([]);
});

async function signInAsStaff(page: import('@playwright/test').Page) {
  const answer = await page.request.post(`${server.url}/api/auth/sign-in/email`, {
    data: { email: demo.staff.email, password: demo.staff.password },
    headers: { origin: server.url },
  });
  expect(answer.status()).toBe(200);
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`the staff view at ${viewport.width}×${viewport.height} fits the screen and is accessible in light and dark`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    await signInAsStaff(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ['/account', `/account?apiKey=${demo.apiKey}`]) {
        await page.goto(`${server.url}${path}`);
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        await expect(page.getByRole('button', { name: 'Look up' })).toBeVisible();
        if (path !== '/account')
          for (const kid of ['demo-rs256', ...LONG_KIDS])
            await expect(page.getByRole('cell', { name: kid })).toBeVisible();
        expect(await outsideTheViewport(page), `${path} ${colorScheme}`).toEqual([]);
        expect(await seriousViolations(page), `${path} ${colorScheme}`).toEqual([]);
      }
    }
    expect(problems.list).toEqual([]);
  });
}
