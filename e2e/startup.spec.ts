import { spawn } from 'node:child_process';
import { expect, test } from './fixtures';

// A wrong setting stops the server at start-up with the setting named, instead of failing requests later.
// A port each (E2E_PORT + 95 and + 96): the tests run in parallel, and a server may bind before it stops.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 95;

/** The production server as `npm start` runs it, with `env` on top; resolves with its exit code and output. */
async function startAndWaitForExit(
  port: number,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const server = spawn(process.execPath, ['server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
  return { code, output };
}

test('the server refuses to start with a symmetric algorithm in RTC_DOCTOR_ALGORITHMS, naming it', async () => {
  test.setTimeout(90_000);
  const { code, output } = await startAndWaitForExit(PORT, { RTC_DOCTOR_ALGORITHMS: 'RS256,HS256' });
  expect(code).toBe(1);
  expect(output).toContain('RTC Doctor cannot start');
  expect(output).toContain('RTC_DOCTOR_ALGORITHMS: "HS256" is a shared-secret (HMAC) algorithm');
});

test('the server refuses to start with a trusted proxy that is not an address or range, naming it', async () => {
  test.setTimeout(90_000);
  const { code, output } = await startAndWaitForExit(PORT + 1, {
    RTC_DOCTOR_TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal',
  });
  expect(code).toBe(1);
  expect(output).toContain('RTC Doctor cannot start');
  expect(output).toContain('RTC_DOCTOR_TRUSTED_PROXIES: "proxy.internal" is not an IP address or a CIDR range');
});

test('the server refuses a PORT that is not a port number', async () => {
  const { code, output } = await startAndWaitForExit(PORT, { PORT: 'eighty' });
  expect(code).toBe(1);
  expect(output).toContain('RTC Doctor cannot start. PORT must be a port number from 0 to 65535, not "eighty".');
});

test('the server refuses several workers on the embedded database, saying what to set', async () => {
  const { code, output } = await startAndWaitForExit(PORT + 1, { RTC_DOCTOR_WORKERS: '2' });
  expect(code).toBe(1);
  expect(output).toContain(
    'RTC Doctor cannot start. RTC_DOCTOR_WORKERS=2 needs DATABASE_URL: the embedded database can be opened by one process only.',
  );
});
