// Records the evidence page's HAR fixtures (e2e/fixtures/evidence/) with Playwright's recordHar against a portal of
// its own: a session race between two clients, the same race where the loser then asks its key provider for the
// winner's key, an expired token sent three ways, and a page served on a LAN address (not a secure context). Run it
// when the capture format or the portal's APIs change; the files are committed.
//   npx tsx scripts/make-evidence-fixtures.ts [FIXTURE.har …]    (all of them when none is named)
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.cjs';
import { ROOT, startDetached, waitUntilAnswering } from './server-launcher.cjs';

const OUT = path.resolve('e2e/fixtures/evidence');
const PORT = 4311;
/** A non-loopback address of this machine: a page served there is not a secure context. */
const lan = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
if (!lan) throw new Error('This machine has no non-loopback IPv4 address to serve the insecure-origin page on.');

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'rsa-2024', use: 'sig' }] };
// Expired since 2026-01-01, so it stays expired whenever the tests run.
const expiredToken = () =>
  new SignJWT({ sub: 'user-42', name: 'Ada Example' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'rsa-2024' })
    .setIssuedAt(Date.parse('2025-12-31T16:00:00Z') / 1000)
    .setExpirationTime(Date.parse('2026-01-01T00:00:00Z') / 1000)
    .sign(pair.privateKey);

async function record(
  name: string,
  base: string,
  scenario: (context: BrowserContext) => Promise<void>,
  urlFilter: RegExp = /\/api\//,
) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const file = path.join(OUT, name);
  const context = await browser.newContext({
    recordHar: { path: file, urlFilter, content: 'embed' },
    baseURL: base,
  });
  await scenario(context);
  await context.close();
  await browser.close();
  // Playwright's HAR holds the whole environment's user agent and timings; only its size is trimmed here.
  const har = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify(har, null, 1)}\n`);
}

/**
 * Two clients create one document's session at once; one wins. With `askForKey`, the loser then does what the
 * editor's key provider does with the winner's hint: asks the integrator's key endpoint (here `/rtc-key`, answered
 * by the test itself, as the customer's server would) for the key with that hint.
 */
async function race(context: BrowserContext, askForKey: boolean) {
  if (askForKey)
    await context.route('**/rtc-key**', (route) =>
      route.fulfill({ json: { key: 'c2Vzc2lvbi1rZXktZm9yLWZpeHR1cmVz' }, headers: { 'cache-control': 'no-store' } }),
    );
  const page = await context.newPage();
  await page.goto('/tools/race');
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  await page.evaluate(`(async () => {
    const documentId = 'fixture-doc-' + Date.now();
    const create = (keyHint) =>
      fetch('/api/sessions/' + documentId, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ keyHint }),
      }).then((response) => response.json());
    const answers = await Promise.all([create('client-a-key-1'), create('client-b-key-1')]);
    if (${askForKey}) {
      const lost = answers.find((answer) => answer.outcome === 'rejected');
      await fetch('/rtc-key?documentId=' + documentId + '&keyHint=' + encodeURIComponent(lost.keyHint));
    }
    const stream = await fetch('/api/sessions/' + documentId + '/events');
    const reader = stream.body.getReader();
    await reader.read();
    await reader.cancel();
  })()`);
}

async function main() {
  const expired = await expiredToken();
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-fixtures-'));
  // On every interface, so that the LAN address reaches it too.
  const server = startDetached(process.execPath, [path.join(ROOT, 'server.mjs')], {
    NODE_ENV: 'production',
    PORT: String(PORT),
    HOSTNAME: '0.0.0.0',
    RTC_DOCTOR_DATA_DIR: dataDir,
    DATABASE_URL: '',
  });
  try {
    await waitUntilAnswering(server, `http://127.0.0.1:${PORT}/api/clock`);
    const local = `http://127.0.0.1:${PORT}`;

    const scenarios: Record<string, () => Promise<void>> = {
      'session-race.har': () => record('session-race.har', local, (context) => race(context, false)),
      'session-race-key-fetch.har': () =>
        record('session-race-key-fetch.har', local, (context) => race(context, true), /\/(api|rtc-key)\b/),
      'expired-token.har': () =>
        record('expired-token.har', local, async (context) => {
          await context.addCookies([{ name: 'rtc_token', value: expired, url: local }]);
          const page = await context.newPage();
          await page.goto('/tools/token');
          await page.evaluate(async (token) => {
            await fetch('/api/tokens/diagnose', {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ token }),
            });
            await fetch(`/api/clock?token=${token}`);
          }, expired);
        }),

      'insecure-origin.har': () =>
        record('insecure-origin.har', `http://${lan}:${PORT}`, async (context) => {
          const page = await context.newPage();
          await page.goto('/tools/secure-context');
          await page.evaluate(() =>
            fetch('/api/secure-context?url=' + encodeURIComponent(location.href)).then((response) => response.json()),
          );
        }),
    };
    const named = process.argv.slice(2);
    const unknown = named.filter((name) => !(name in scenarios));
    if (unknown.length) throw new Error(`No fixture named ${unknown.join(', ')}: ${Object.keys(scenarios).join(', ')}`);
    for (const name of named.length ? named : Object.keys(scenarios)) await scenarios[name]!();
    // The expired token is signed with this run's key: its public half goes with it.
    if (!named.length || named.includes('expired-token.har'))
      writeFileSync(path.join(OUT, 'jwks.json'), `${JSON.stringify(jwks, null, 2)}\n`);
    console.log(`Wrote ${named.length ? named.join(', ') : 'the fixtures'} to ${OUT} (insecure origin on ${lan}).`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
