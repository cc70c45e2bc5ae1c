/**
 * The browser oracle: every row of the secure-context URL table that a browser can open is opened in
 * Chromium, and the page's own window.isSecureContext must equal the library's verdict.
 *
 * How each row reaches a page, without touching any network but loopback and without the Next server:
 * - One local server answers every request, whatever the host: Chromium runs with --proxy-server pointing
 *   at it and `<-loopback>` so even localhost and 127.x go through it. http requests arrive as proxy
 *   requests; https ones arrive as CONNECT and are piped to a TLS server with a self-signed certificate
 *   made for this run (selfsigned, accepted with --ignore-certificate-errors; no key is committed).
 *   A LAN address such as 192.168.1.20 is therefore only ever a string the proxy sees, never a target.
 *   --host-resolver-rules maps every other lookup to NOTFOUND, so nothing is resolved either.
 * - data: and about:blank: page.goto. Chromium blocks top-level data: navigations that a page starts,
 *   but page.goto is a browser-initiated navigation (like typing in the address bar), which is allowed.
 *   about:blank is a page that nothing created, so its origin is a fresh opaque one.
 * - file: a file written for the run (the table's path does not exist here); its URL is judged too.
 * - blob: a page at the row's inner origin creates a blob: document and opens it with window.open.
 * - Frames: the server nests each URL of a chain in an iframe of the one above it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'selfsigned';
import { checkFrameChain, checkSecureContext, type SecureContextCheck } from '../lib/secure-context';
import { FRAME_CHAINS, URL_TABLE } from '../lib/secure-context/url-table.fixture';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

// Inside the port range of this run's server (E2E_PORT), so parallel runs on one machine do not collide.
const PROXY_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const TLS_PORT = PROXY_PORT + 1;

test.describe.configure({ mode: 'default' });

let browser: Browser;
let servers: net.Server[] = [];

function pageFor(request: http.IncomingMessage): string {
  const frame = new URL(request.url ?? '/', 'http://any').searchParams.get('frame');
  const iframe = frame
    ? `<iframe title="nested" src="${frame.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`
    : '';
  return `<!doctype html><html lang="en"><title>oracle</title><p>oracle page</p>${iframe}</html>`;
}

function answer(request: http.IncomingMessage, response: http.ServerResponse) {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(pageFor(request));
}

async function listen(server: net.Server, port: number) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  servers.push(server);
}

test.beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'oracle.localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
  });
  const tls = https.createServer({ key: pems.private, cert: pems.cert }, answer);
  await listen(tls, TLS_PORT);
  const proxy = http.createServer(answer);
  proxy.on('connect', (_request, client: net.Socket, head: Buffer) => {
    const upstream = net.connect(TLS_PORT, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await listen(proxy, PROXY_PORT);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      `--proxy-server=http://127.0.0.1:${PROXY_PORT}`,
      '--proxy-bypass-list=<-loopback>',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      '--ignore-certificate-errors',
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

interface Observed {
  href: string;
  origin: string;
  secure: boolean;
  subtle: boolean;
}

const observe = () => ({
  href: location.href,
  origin: self.origin,
  secure: window.isSecureContext,
  subtle: typeof crypto.subtle === 'object',
});

function libraryVerdict(check: SecureContextCheck) {
  if (!check.ok) throw new Error(check.message);
  return check.verdict;
}

async function openBlob(page: Page, innerOrigin: string): Promise<Observed> {
  await page.goto(`${innerOrigin}/creator`);
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() =>
      window.open(
        URL.createObjectURL(new Blob(['<!doctype html><title>blob</title><p>blob page</p>'], { type: 'text/html' })),
      ),
    ),
  ]);
  await popup.waitForLoadState();
  return popup.evaluate(observe);
}

const fileDir = mkdtempSync(path.join(tmpdir(), 'secure-context-oracle-'));

for (const row of URL_TABLE) {
  const cannot = typeof row.browser === 'object' ? row.browser.cannot : undefined;
  if (cannot) {
    // Not a test: a row no browser can open as a page is recorded here with the reason, and only unit-tested.
    continue;
  }
  test(`Chromium agrees with the library on ${row.url}`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let url = row.url;
    let seen: Observed;
    if (row.browser === 'blob') {
      seen = await openBlob(page, libraryVerdict(checkSecureContext(row.url)).origin);
      url = seen.href;
      expect(url.startsWith(`blob:${row.origin}/`)).toBe(true);
    } else {
      if (url.startsWith('file:')) {
        const file = path.join(fileDir, 'editor.html');
        writeFileSync(file, '<!doctype html><title>file</title><p>file page</p>');
        url = pathToFileURL(file).href;
      }
      if (url !== 'about:blank') await page.goto(url);
      seen = await page.evaluate(observe);
    }
    const verdict = libraryVerdict(checkSecureContext(url));
    expect({ secure: seen.secure, origin: seen.origin }).toEqual({ secure: verdict.secure, origin: verdict.origin });
    expect(seen.subtle).toBe(verdict.secure);
    await context.close();
  });
}

test('every row the oracle skips says why a browser cannot open it', () => {
  const skipped = URL_TABLE.filter((row) => typeof row.browser === 'object');
  for (const row of skipped) expect((row.browser as { cannot: string }).cannot.length, row.url).toBeGreaterThan(20);
  expect(URL_TABLE.length - skipped.length).toBeGreaterThanOrEqual(45);
});

function nest(chain: readonly string[]): string {
  return chain.reduceRight((inner, outer) => (inner ? `${outer}?frame=${encodeURIComponent(inner)}` : outer), '');
}

for (const row of FRAME_CHAINS.filter((chain) => !chain.browser)) {
  test(`Chromium agrees with the library on the frame chain ${row.chain.join(' > ')}`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(nest(row.chain));
    const innermost = page.frames().find((frame) => frame.url() === row.chain.at(-1));
    expect(innermost, 'the innermost frame loaded').toBeDefined();
    const seen = await innermost!.evaluate(observe);
    expect(seen.secure).toBe(libraryVerdict(checkFrameChain(row.chain)).secure);
    expect(seen.secure).toBe(row.secure);
    await context.close();
  });
}
