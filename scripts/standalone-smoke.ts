// What the Dockerfile does, on this machine (CI has no container tools): a clean install and a standalone build in
// a copy of the checkout, the standalone folder alone copied out and started as an unprivileged user against a
// throw-away PostgreSQL database, then readiness, a diagnosis, a docs page and a graceful SIGTERM. Prints one line a
// step and "standalone smoke: N passed, N failed" (N skipped without TEST_DATABASE_URL).
//   TEST_DATABASE_URL=postgres://… npx tsx scripts/standalone-smoke.ts
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  chownSync,
  cpSync,
  lchownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3390;
/** Debian's `nobody`: a user who owns nothing here. */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

type Step = { name: string; run: () => Promise<void> | void };
const results: { name: string; ok: boolean; detail?: string }[] = [];

function sh(command: string, args: string[], cwd: string) {
  execFileSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: 'true' },
  });
}

/** The files a Docker build context would hold: what git tracks, and what it does not ignore. */
function copyCheckout(to: string) {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    try {
      if (!statSync(from).isFile()) continue;
    } catch {
      continue; // deleted in the working tree
    }
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(from, path.join(to, file));
  }
}

/** Gives the tree to the unprivileged user, links included (never what they point at). */
function chownTree(dir: string) {
  lchownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full);
    else lchownSync(full, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  }
}

async function untilReady(server: ChildProcess, url: string): Promise<Response> {
  // A hang guard, not a speed test: a server that neither answers nor exits in five minutes is broken.
  for (let attempt = 0; attempt < 1500; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered 200`);
}

async function main() {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const names = [
    'clean install (npm ci)',
    'standalone build',
    'standalone folder copied out alone',
    'starts as an unprivileged user and is ready',
    'runs as that user, not root',
    'a token is diagnosed',
    'a docs page and its static files are served',
    'SIGTERM: a graceful stop, exit 0',
  ];
  if (!databaseUrl) {
    console.log(`standalone smoke skipped: ${POSTGRES_SKIP_REASON}`);
    console.log(`standalone smoke: 0 passed, 0 failed, ${names.length} skipped`);
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-standalone-'));
  const src = path.join(work, 'src');
  const app = path.join(work, 'app');
  const data = path.join(work, 'data');
  const database = await createThrowawayDatabase(databaseUrl);
  let server: ChildProcess | undefined;
  let log = '';
  const base = `http://127.0.0.1:${PORT}`;

  const steps: Step[] = [
    {
      name: names[0]!,
      run: () => {
        copyCheckout(src);
        sh('npm', ['ci', '--no-audit', '--no-fund'], src);
      },
    },
    { name: names[1]!, run: () => sh('npm', ['run', 'build:standalone'], src) },
    {
      name: names[2]!,
      run: () => {
        // Verbatim: the build's links into node_modules are relative, and must stay so to work where the folder goes.
        cpSync(path.join(src, '.next', 'standalone'), app, { recursive: true, verbatimSymlinks: true });
        // Nothing of the checkout may be needed from here on.
        rmSync(src, { recursive: true, force: true });
        mkdirSync(data, { recursive: true });
        if (asRoot) {
          chownTree(app);
          chownTree(data);
          chownSync(work, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
        }
      },
    },
    {
      name: names[3]!,
      run: async () => {
        server = spawn(process.execPath, ['server.mjs'], {
          cwd: app,
          ...(asRoot ? UNPRIVILEGED : {}),
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'production',
            PORT: String(PORT),
            HOSTNAME: '127.0.0.1',
            DATABASE_URL: database.url,
            RTC_DOCTOR_DATA_DIR: data,
            BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
            RTC_DOCTOR_LOG_FORMAT: 'json',
            NEXT_TELEMETRY_DISABLED: '1',
          },
        });
        server.stdout!.on('data', (chunk) => (log += chunk));
        server.stderr!.on('data', (chunk) => (log += chunk));
        const ready = await (await untilReady(server, `${base}/api/health/ready`)).json();
        if (
          JSON.stringify(ready.checks) !==
          JSON.stringify({ shutdown: 'ok', database: 'ok', migrations: 'ok', listener: 'ok' })
        )
          throw new Error(`readiness checks: ${JSON.stringify(ready.checks)}`);
      },
    },
    {
      name: names[4]!,
      run: () => {
        const status = readFileSync(`/proc/${server!.pid}/status`, 'utf8');
        const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
        if (asRoot ? uid !== UNPRIVILEGED.uid : uid === 0) throw new Error(`the server runs as uid ${uid}`);
      },
    },
    {
      name: names[5]!,
      run: async () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const token = await new SignJWT({ sub: 'smoke' })
          .setProtectedHeader({ alg: 'RS256', kid: 'smoke' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(privateKey);
        const response = await fetch(`${base}/api/tokens/diagnose`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'smoke' }] } }),
        });
        const result = await response.json();
        if (response.status !== 200 || result.ok !== true || result.key?.kid !== 'smoke')
          throw new Error(`diagnose answered ${response.status}: ${JSON.stringify(result.errors)}`);
      },
    },
    {
      name: names[6]!,
      run: async () => {
        const page = await fetch(`${base}/docs/errors/token-expired`);
        const html = await page.text();
        if (page.status !== 200 || !html.includes('Token has expired'))
          throw new Error(`/docs/errors/token-expired: ${page.status}`);
        const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
        if (!script || (await fetch(`${base}${script}`)).status !== 200)
          throw new Error(`static file ${script} is missing`);
      },
    },
    {
      name: names[7]!,
      run: async () => {
        const exited = once(server!, 'exit') as Promise<[number | null, string | null]>;
        server!.kill('SIGTERM');
        const [code, signal] = await exited;
        if (code !== 0) throw new Error(`exit code ${code} (signal ${signal})`);
        if (!log.includes('"msg":"stopped"')) throw new Error('the log does not say it stopped');
      },
    },
  ];

  try {
    for (const step of steps) {
      if (results.some((result) => !result.ok)) {
        results.push({ name: step.name, ok: false, detail: 'not run: an earlier step failed' });
        continue;
      }
      try {
        await step.run();
        results.push({ name: step.name, ok: true });
      } catch (error) {
        results.push({ name: step.name, ok: false, detail: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
  for (const result of results)
    console.log(`${result.ok ? '✓' : '✗'} standalone: ${result.name}${result.detail ? ` (${result.detail})` : ''}`);
  if (results.some((result) => !result.ok)) console.log(`Server output (tail):\n${log.slice(-3000)}`);
  const passed = results.filter((result) => result.ok).length;
  console.log(`standalone smoke: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = passed === results.length ? 0 : 1;
}

void main();
