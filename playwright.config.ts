import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.cjs';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// Every tool here launches the same browser with the same flags (scripts/chromium.cjs); the specs that start their own import them from here.
export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** The metrics bearer token of the suite's own server (e2e/operations.spec.ts scrapes it). */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-not-a-secret';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // Its log goes beside the test results, for scripts/scan-server-logs.mjs (exec: the signal reaches node).
        command: `mkdir -p test-results && exec node server.mjs >> test-results/server-${port}.log 2>&1`,
        // A fresh embedded database for every run, outside the repository.
        env: {
          PORT: String(port),
          HOSTNAME: '127.0.0.1',
          NEXT_TELEMETRY_DISABLED: '1',
          RTC_DOCTOR_DATA_DIR:
            process.env.RTC_DOCTOR_DATA_DIR ?? path.join(os.tmpdir(), `rtc-doctor-e2e-${process.pid}`),
          DATABASE_URL: '',
          // Session event streams settle within a heartbeat or two (e2e/session-clients.ts).
          RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '1',
          // The tests stand in for a reverse proxy on this machine: they send X-Forwarded-For to be clients of their
          // own (rate limits count per client). e2e/abuse.spec.ts checks a server that trusts nobody.
          RTC_DOCTOR_TRUSTED_PROXIES: '127.0.0.1, ::1',
          RTC_DOCTOR_METRICS_TOKEN: E2E_METRICS_TOKEN,
          RTC_DOCTOR_LOG_FORMAT: 'json',
        },
        url: `${baseURL}/docs`,
        reuseExistingServer: false,
        timeout: 120_000,
      },
});
