// The support console's aggregations at scale, on PostgreSQL (goal: p95 under 50 ms each):
//   docs health  (GET /api/console/docs-health: every page's 7- and 30-day figures and newest comments)
//     over 1 000 000 feedback rows, 90 days of them, and a year of form views per page and day;
//   an account's 30-day chart (GET /api/console/accounts/{id}: its owners and diagnosis codes per day)
//     over 10 000 000 rows of counted diagnoses (2 000 accounts × 730 days × 7 codes).
// Usage: TEST_DATABASE_URL=postgres://… npm run bench:console [-- --requests 300]
// The embedded database is one process's; the figures that matter for several instances are PostgreSQL's.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { getConsoleAccount } from '../lib/api/console-accounts';
import { getDocsHealth } from '../lib/api/console-health';
import type { Viewer } from '../lib/auth/permissions';
import { openDatabase, type OpenDatabase } from '../lib/db/connect';
import { Store } from '../lib/db/store';
import { createThrowawayDatabase } from '../lib/db/test-postgres';
import { listDocPages } from '../lib/docs/pages';
import { ERROR_CODES } from '../lib/errors/summary';
import { percentile, round, writeResults } from './common.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    feedback: { type: 'string', default: '1000000' },
    accounts: { type: 'string', default: '2000' },
    days: { type: 'string', default: '730' },
  },
});
const REQUESTS = Number(values.requests);
const WARMUP = Number(values.warmup);
const FEEDBACK_ROWS = Number(values.feedback);
const ACCOUNTS = Number(values.accounts);
const DIAGNOSIS_DAYS = Number(values.days);
const CODES = ERROR_CODES.slice(0, 7);
const GOAL_MS = 50;
const staff: Viewer = { userId: 'bench-staff', email: 'bench@example.test', role: 'staff', accountId: null };

function log(message: string) {
  process.stderr.write(`[bench:console] ${message}\n`);
}

async function timed(label: string, work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  log(`${label} in ${round((performance.now() - started) / 1000, 1)} s`);
}

async function fill(opened: OpenDatabase) {
  const pages = listDocPages().map((page) => page.href);
  const pageArray = sql.raw(`ARRAY[${pages.map((page) => `'${page.replaceAll("'", "''")}'`).join(',')}]`);
  const codeArray = sql.raw(`ARRAY[${CODES.map((code) => `'${code}'`).join(',')}]`);
  const { db } = opened;
  await timed(`${ACCOUNTS} accounts`, () =>
    db.execute(
      sql`INSERT INTO accounts (id, name, api_key) SELECT 'acct_' || i, 'Account ' || i, 'rtc_bench_' || i FROM generate_series(1, ${ACCOUNTS}) AS i`,
    ),
  );
  // A vote every ~8 s for 90 days; three in ten carry a comment, as readers' feedback does on a busy portal.
  await timed(`${FEEDBACK_ROWS} feedback rows`, () =>
    db.execute(sql`INSERT INTO feedback (id, page, helpful, comment, created_at, updated_at)
      SELECT 'fb_' || i, (${pageArray})[1 + i % ${pages.length}], i % 3 <> 0,
             CASE WHEN i % 10 < 3 THEN 'Comment number ' || i END,
             now() - (i * interval '90 days' / ${FEEDBACK_ROWS}), now()
      FROM generate_series(1, ${FEEDBACK_ROWS}) AS i`),
  );
  // The per-day figures the store keeps as votes arrive, made here in one pass; views for a year of days.
  await timed('feedback page days', async () => {
    await db.execute(sql`INSERT INTO feedback_page_days (page, day, helpful, unhelpful)
      SELECT page, (created_at AT TIME ZONE 'UTC')::date, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
      FROM feedback GROUP BY 1, 2`);
    await db.execute(sql`INSERT INTO feedback_page_days (page, day, views)
      SELECT page, (now() AT TIME ZONE 'UTC')::date - d, 40 + d % 17
      FROM unnest(${pageArray}) AS page, generate_series(0, 364) AS d
      ON CONFLICT (page, day) DO UPDATE SET views = excluded.views`);
  });
  await timed(`${ACCOUNTS * DIAGNOSIS_DAYS * CODES.length} diagnosis day rows`, () =>
    db.execute(sql`INSERT INTO diagnosis_days (account_id, day, code, count)
      SELECT 'acct_' || a, (now() AT TIME ZONE 'UTC')::date - d, c, 1 + (a + d) % 5
      FROM generate_series(1, ${ACCOUNTS}) AS a, generate_series(0, ${DIAGNOSIS_DAYS - 1}) AS d, unnest(${codeArray}) AS c`),
  );
  await timed('ANALYZE', () => db.execute(sql`ANALYZE`));
  const counts = (await db.execute(
    sql`SELECT (SELECT count(*) FROM feedback) AS feedback, (SELECT count(*) FROM diagnosis_days) AS diagnosis_rows, (SELECT sum(count) FROM diagnosis_days) AS diagnoses`,
  )) as unknown as { rows: { feedback: string; diagnosis_rows: string; diagnoses: string }[] };
  return Object.fromEntries(Object.entries(counts.rows[0]!).map(([key, value]) => [key, Number(value)]));
}

async function measure(name: string, call: () => Promise<Response>) {
  const once = async () => {
    const response = await call();
    if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
    await response.text();
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const samples = new Float64Array(REQUESTS);
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await once();
    samples[i] = performance.now() - started;
  }
  const p95 = percentile(samples, 0.95);
  return {
    name,
    p50Ms: round(percentile(samples, 0.5), 2),
    p95Ms: round(p95, 2),
    p99Ms: round(percentile(samples, 0.99), 2),
    goalMet: p95 < GOAL_MS,
  };
}

async function main() {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.log('bench:console measures PostgreSQL; set TEST_DATABASE_URL (or DATABASE_URL) to run it.');
    return;
  }
  const database = await createThrowawayDatabase(url, 'rtc_doctor_bench_console');
  const opened = await openDatabase({ url: database.url });
  try {
    const rows = await fill(opened);
    const store = new Store(opened.db);
    const results = [
      await measure('docs health', () =>
        getDocsHealth(new Request('http://bench/api/console/docs-health'), staff, store),
      ),
      await measure('account 30-day chart', () => {
        const id = `acct_${1 + Math.floor(Math.random() * ACCOUNTS)}`;
        return getConsoleAccount(new Request(`http://bench/api/console/accounts/${id}`), id, staff, store);
      }),
    ];
    console.log(`\nPostgreSQL, ${REQUESTS} requests each, rows: ${JSON.stringify(rows)}`);
    console.table(
      results.map(({ name, p50Ms, p95Ms, p99Ms }) => ({ name, 'p50 ms': p50Ms, 'p95 ms': p95Ms, 'p99 ms': p99Ms })),
    );
    for (const result of results)
      console.log(
        `${result.name}: p95 ${result.p95Ms} ms (goal: under ${GOAL_MS} ms) ${result.goalMet ? 'met' : 'NOT met'}`,
      );
    writeResults('console', { requests: REQUESTS, rows, results });
  } finally {
    await opened.close();
    await database.drop();
  }
}

void main();
