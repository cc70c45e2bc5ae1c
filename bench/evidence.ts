// The evidence reader on a 50 MB HAR (issue 17): parse and analysis time and memory of the library the worker runs,
// measured in Node (same V8), and, against the production build, the time the page's worker takes end to end in
// Chromium and how much the renderer process (the page and its worker) grows while it reads. 500 distinct RS256
// tokens, each sent 10 times, checked against their key.
// Usage: npx tsx bench/evidence.ts   (the browser half needs `npm run build`). Knobs: BENCH_HAR_MB (50).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { chromium } from 'playwright-core';
import { analyseEvidence, readHar, supportBundle } from '@/lib/evidence';
import { loadKeySet } from '@/lib/jwt';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.cjs';
import { startNextServer, waitUntilAnswering } from '../scripts/server-launcher.cjs';
import { syntheticHar } from '../scripts/synthetic-har';

const MB = Number(process.env.BENCH_HAR_MB ?? 50);
const round = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => round(bytes / 1048576);

/**
 * The resident memory of Chromium's renderer processes, summed, in bytes (Linux /proc). A dedicated worker runs in
 * its page's renderer, and no browser API reports a worker's memory (performance.memory is the window's only), so
 * the renderer's growth while the worker reads is the figure: it counts the file's text, the parsed HAR and the
 * findings, as a user's machine would hold them.
 */
function rendererRss(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

async function main() {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwks = JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
  const now = Math.floor(Date.now() / 1000);
  const tokens = await Promise.all(
    Array.from({ length: 500 }, (_, index) =>
      new SignJWT({ sub: `user-${index}` })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(pair.privateKey),
    ),
  );
  const text = syntheticHar(MB * 1048576, tokens, 10);
  const { keys } = await loadKeySet(jwks);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const har = readHar(text);
  const parsed = performance.now();
  if (!har || 'error' in har) throw new Error('the synthetic HAR does not read');
  const findings = await analyseEvidence({ kind: 'har', har: har.har }, { keys });
  const analysed = performance.now();
  const heapAfter = process.memoryUsage().heapUsed;
  const node = {
    harMB: megabytes(text.length),
    entries: har.har.log.entries.length,
    tokens: findings.filter((finding) => finding.kind === 'token').length,
    parseMs: Math.round(parsed - started),
    analyseMs: Math.round(analysed - parsed),
    heapGrowthMB: megabytes(heapAfter - heapBefore),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    // What "Send to support" would post: it must stay under SUPPORT_BUNDLE_BODY_LIMIT.
    bundleKB: Math.round(
      JSON.stringify({ bundle: supportBundle(findings, { kind: 'har', name: 'large.har', entries: 0 }) }).length / 1024,
    ),
  };
  console.table([node]);

  const work = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-bench-evidence-'));
  const file = path.join(work, 'large.har');
  writeFileSync(file, text);
  const port = 3300 + Math.floor(Math.random() * 500);
  const server = startNextServer(port, { RTC_DOCTOR_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await waitUntilAnswering(server, `http://127.0.0.1:${port}/api/clock`);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/tools/evidence`);
    await page.getByLabel('Public keys (JWK set, JWK or PEM)').fill(jwks);
    const rendererBefore = rendererRss();
    let rendererPeak = rendererBefore;
    const sampler = setInterval(() => (rendererPeak = Math.max(rendererPeak, rendererRss())), 20);
    const begun = performance.now();
    await page.getByLabel('Drop a .har file or a log here, or choose one').setInputFiles(file);
    const summary = await page.getByText(/requests in large\.har, read in \d+ ms/).textContent({ timeout: 300_000 });
    const endToEndMs = Math.round(performance.now() - begun);
    clearInterval(sampler);
    const browserResult = {
      endToEndMs,
      workerReadAndParseMs: Number(/read in (\d+) ms/.exec(summary ?? '')?.[1]),
      rendererRssBeforeMB: megabytes(rendererBefore),
      rendererPeakGrowthMB: megabytes(rendererPeak - rendererBefore),
      rendererAfterMB: megabytes(rendererRss()),
    };
    console.table([browserResult]);
    console.log(`Machine: Node ${process.version}, ${cpus().length} CPUs.`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
