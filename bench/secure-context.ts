// Time per verdict of the secure-context checker: the page runs it on every keystroke, the API and CLI once per URL.
// Usage: npm run bench:secure-context
import { performance } from 'node:perf_hooks';
import { checkSecureContext } from '../lib/secure-context';
import { URL_TABLE } from '../lib/secure-context/url-table.fixture';

const ROUNDS = 2_000;
const urls = URL_TABLE.map((row) => row.url);
const samples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const url of urls) {
    const start = performance.now();
    checkSecureContext(url);
    samples.push(performance.now() - start);
  }
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
const at = (quantile: number) => samples[Math.floor(quantile * (samples.length - 1))]!;
const micro = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(
  `checkSecureContext over ${urls.length} URLs × ${ROUNDS} rounds: mean ${micro(mean)}, p50 ${micro(at(0.5))}, p99 ${micro(at(0.99))}`,
);
