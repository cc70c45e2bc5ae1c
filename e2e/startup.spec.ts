import { spawn } from 'node:child_process';
import { expect, test } from './fixtures';

// A wrong setting stops the server at start-up with the setting named, instead of failing requests later.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 95;

test('the server refuses to start with a symmetric algorithm in RTC_DOCTOR_ALGORITHMS, naming it', async () => {
  test.setTimeout(90_000);
  const server = spawn('npx', ['next', 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    env: { ...process.env, RTC_DOCTOR_ALGORITHMS: 'RS256,HS256', DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
  expect(code).toBe(1);
  expect(output).toContain('RTC Doctor cannot start');
  expect(output).toContain('RTC_DOCTOR_ALGORITHMS: "HS256" is a shared-secret (HMAC) algorithm');
});
