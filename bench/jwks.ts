// JWKS lookup by API key with 100 000 accounts against 100 accounts (goal: under 2× the latency).
// Usage: npm run bench:jwks [-- --requests 3000]   (embedded always; PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set)
// Each run fills a fresh database with N accounts of one ES256 key each, then times handleJwksRequest
// (account lookup, key listing, serialisation and ETag) for API keys picked at random.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { handleJwksRequest } from '../lib/api/jwks';
import { openDatabase, type OpenDatabase } from '../lib/db/connect';
import { Store } from '../lib/db/store';
import { createThrowawayDatabase } from '../lib/db/test-postgres';
import { percentile, writeResults } from './common.mjs';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '3000' }, warmup: { type: 'string', default: '300' } },
});
const REQUESTS = Number(values.requests);
const WARMUP = Number(values.warmup);
const SIZES = [100, 100_000];
const JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};

async function fill(opened: OpenDatabase, count: number): Promise<void> {
  // Set-based inserts: seeding 100 000 accounts one by one would take longer than the benchmark.
  await opened.db.execute(
    sql`INSERT INTO accounts (id, name, api_key) SELECT 'acct_' || i, 'Account ' || i, 'rtc_bench_' || i FROM generate_series(1, ${count}) AS i`,
  );
  await opened.db.execute(
    sql`INSERT INTO public_keys (id, account_id, kid, kty, alg, jwk, thumbprint) SELECT 'key_' || i, 'acct_' || i, 'k' || i, 'EC', 'ES256', ${JSON.stringify(JWK)}::jsonb, 'thumb_' || i FROM generate_series(1, ${count}) AS i`,
  );
  await opened.db.execute(sql`ANALYZE`);
}

async function measure(store: Store, count: number) {
  const lookup = async () => {
    const apiKey = `rtc_bench_${1 + Math.floor(Math.random() * count)}`;
    const response = await handleJwksRequest(
      new Request(`http://bench/api/accounts/${apiKey}/jwks.json`),
      apiKey,
      store,
    );
    if (response.status !== 200) throw new Error(`lookup of ${apiKey} answered ${response.status}`);
    await response.text();
  };
  for (let i = 0; i < WARMUP; i++) await lookup();
  const samples = new Float64Array(REQUESTS);
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await lookup();
    samples[i] = (performance.now() - started) * 1000;
  }
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return {
    accounts: count,
    meanUs: Math.round(mean),
    p50Us: Math.round(percentile(samples, 0.5)),
    p99Us: Math.round(percentile(samples, 0.99)),
  };
}

async function runBackend(name: 'embedded' | 'postgres', url?: string) {
  const rows = [];
  for (const count of SIZES) {
    const database = url ? await createThrowawayDatabase(url, 'rtc_doctor_bench') : undefined;
    const opened = await openDatabase({ url: database?.url });
    try {
      await fill(opened, count);
      rows.push(await measure(new Store(opened.db), count));
    } finally {
      await opened.close();
      await database?.drop();
    }
  }
  const [small, large] = rows;
  return {
    backend: name,
    rows,
    p50Ratio: Number((large!.p50Us / small!.p50Us).toFixed(2)),
    p99Ratio: Number((large!.p99Us / small!.p99Us).toFixed(2)),
  };
}

async function main() {
  const results = [await runBackend('embedded')];
  const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (postgresUrl) results.push(await runBackend('postgres', postgresUrl));

  for (const result of results) {
    console.log(`\n${result.backend}: ${REQUESTS} lookups per size`);
    console.table(
      result.rows.map((row) => ({
        accounts: row.accounts,
        'mean µs': row.meanUs,
        'p50 µs': row.p50Us,
        'p99 µs': row.p99Us,
      })),
    );
    console.log(`100 000 vs 100 accounts: p50 ${result.p50Ratio}×, p99 ${result.p99Ratio}× (goal: under 2×)`);
  }
  writeResults('jwks', { requests: REQUESTS, results });
}

void main();
