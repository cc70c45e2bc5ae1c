// Part 3 of bench/tokens.mjs: the cost of decodeToken (lib/jwt), which the browser runs on every keystroke.
// Usage: node_modules/.bin/tsx bench/tokens-decode.ts TOKEN_FILE NOW ITERATIONS WARMUP   (prints one JSON object)
import { readFileSync } from 'node:fs';
import { decodeToken } from '../lib/jwt';
import { percentile } from './common.mjs';

const [tokenFile, nowArg, iterationsArg, warmupArg] = process.argv.slice(2);
const token = readFileSync(tokenFile!, 'utf8').trim();
const now = Number(nowArg);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);

const check = decodeToken(token, { now });
if (!check.ok) throw new Error(`the benchmark token does not decode cleanly: ${JSON.stringify(check.errors)}`);

// Keep every result reachable for a moment so the work cannot be optimised away.
let sink = 0;
for (let i = 0; i < warmup; i++) sink += decodeToken(token, { now }).errors.length;

const samples = new Float64Array(iterations);
const started = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) {
  const t0 = process.hrtime.bigint();
  const result = decodeToken(token, { now });
  samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  sink += result.errors.length;
}
const totalUs = Number(process.hrtime.bigint() - started) / 1000;

const sorted = Float64Array.from(samples).sort();
const meanUs = samples.reduce((sum, value) => sum + value, 0) / iterations;
process.stdout.write(
  `${JSON.stringify({
    tokenChars: token.length,
    iterations,
    warmup,
    meanUs,
    loopMeanUs: totalUs / iterations,
    p50Us: percentile(samples, 0.5),
    p99Us: percentile(samples, 0.99),
    maxUs: sorted[sorted.length - 1],
    minUs: sorted[0],
    sink,
  })}\n`,
);
