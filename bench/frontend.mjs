#!/usr/bin/env node
// First-load JavaScript per route (gzip) and Lighthouse scores, against the production build.
// Usage: npm run build && npm run bench   (starts its own server on BENCH_PORT, default 3200)
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.cjs';
import { sleep, startNextServer, writeResults } from './common.mjs';

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://127.0.0.1:${port}`;
const ROUTES = [
  '/',
  '/docs',
  '/docs/secure-context',
  '/docs/errors',
  '/docs/errors/token-expired',
  '/search?q=jwt',
  '/no-such-page',
  '/tools/token',
  '/tools/secure-context',
  '/tools/race',
];
const LIGHTHOUSE_ROUTES = ['/', '/docs/secure-context', '/tools/secure-context'];
const BUDGET_KB = 150;
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/docs`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error('The server did not start; run `npm run build` first.');
}

/**
 * Every script a current browser loads with the page: <script src> and preloaded scripts.
 * noModule polyfills are left out: browsers that run modules skip them.
 */
async function firstLoadJs(route) {
  const html = await (await fetch(base + route)).text();
  const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnoModule\b/i.test(tag));
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="(?:modulepreload|preload)"/.test(tag) && /as="script"|\.js"/.test(tag));
  const sources = new Set(
    [...scriptTags, ...preloads].map((tag) => /(?:src|href)="([^"]+)"/.exec(tag)?.[1]).filter(Boolean),
  );
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { route, scripts: sources.size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) };
}

async function lighthouseRun(route, preset) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(
      base + route,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    const categories = result.lhr.categories;
    const score = (name) => Math.round((categories[name]?.score ?? 0) * 100);
    return {
      route,
      preset,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(result.lhr.audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(result.lhr.audits['total-blocking-time'].numericValue),
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse varies from run to run; report the run with the median performance score, as its docs advise. */
async function lighthouseScores(route, preset) {
  const runs = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const result = await lighthouseRun(route, preset).catch((error) => ({ route, preset, error: String(error) }));
    if (!('error' in result) && result.performance > 0) runs.push(result);
  }
  if (runs.length === 0) return { route, preset, error: 'every Lighthouse run failed' };
  runs.sort((a, b) => a.performance - b.performance);
  return {
    ...runs[Math.floor(runs.length / 2)],
    runs: runs.length,
    minPerformance: runs[0].performance,
    maxPerformance: runs.at(-1).performance,
  };
}

const server = startNextServer(port);
try {
  await waitForServer();
  // Warm the server so the first measured request does not pay for start-up work.
  for (const route of ROUTES) for (let i = 0; i < 3; i++) await fetch(base + route);
  const js = [];
  for (const route of ROUTES) js.push(await firstLoadJs(route));
  const scores = [];
  for (const preset of ['mobile', 'desktop'])
    for (const route of LIGHTHOUSE_ROUTES) scores.push(await lighthouseScores(route, preset));

  console.log(`\nFirst-load JavaScript (gzip level 9; budget ${BUDGET_KB} KB per route)`);
  console.table(js);
  console.log('\nLighthouse (median of runs; mobile = default emulation and throttling, desktop = its desktop preset)');
  console.table(scores);
  writeResults('frontend', { date: new Date().toISOString(), budgetKB: BUDGET_KB, js, lighthouse: scores });
  const over = js.filter((row) => row.gzipKB > BUDGET_KB);
  if (over.length) console.log(`\nOver budget: ${over.map((row) => row.route).join(', ')}`);
} finally {
  await server.stop();
}
