import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startServer, type ServerProcess } from './server-process';

// Staff accounts are made by operators, not by sign-up: the demo seed makes one, on a server of this test's own.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 91;
let dataDir: string;
let server: ServerProcess;
let demo: { owner: { email: string }; staff: { email: string; password: string }; apiKey: string };

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  // The hook seeds a database and starts a production server; on a busy machine that takes longer than 30 s.
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-staff-'));
  const env = { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' };
  execFileSync('node_modules/.bin/tsx', ['scripts/seed-demo.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  demo = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
  server = await startServer(PORT, env);
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
  // The demo seed registers an RS256 key, which the service's algorithms cover: no refusal flag.
  await expect(page.getByRole('cell', { name: 'demo-rs256' })).toBeVisible();
  await expect(page.getByTestId('key-refused')).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="audit-heading"]')).toContainText('added key demo-rs256');

  // Read only in the page, and refused by the server whatever the page shows.
  await expect(page.getByRole('button', { name: 'Check and add' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const keys = (await (await page.request.get(`${server.url}/api/accounts/${demo.apiKey}/keys`)).json()).keys as { id: string }[];
  const headers = { origin: server.url };
  const add = await page.request.post(`${server.url}/api/accounts/${demo.apiKey}/keys`, { data: { key: '{}' }, headers });
  expect(add.status()).toBe(403);
  const remove = await page.request.delete(`${server.url}/api/accounts/${demo.apiKey}/keys/${keys[0]!.id}`, { headers });
  expect(remove.status()).toBe(403);
  expect((await (await page.request.get(`${server.url}/api/accounts/${demo.apiKey}/keys`)).json()).keys).toHaveLength(keys.length);
  expect(problems.list).toEqual([]);
});
