import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Playwright runs from the repository root (where its config is).
const nextBin = path.resolve('node_modules', 'next', 'dist', 'bin', 'next');

export interface SpawnedServer {
  baseURL: string;
  process: ChildProcess;
  /** SIGKILL for the whole process group (`next start` runs the server in a child process). */
  kill(): void;
}

/** A production server (`next start`, after `npm run build`) of its own, on `port`, sharing `databaseUrl`. */
export async function startServer(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      RTC_DOCTOR_RATE_LIMITS: 'off',
      RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '1',
      ...extraEnv,
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const server: SpawnedServer = {
    baseURL: `http://127.0.0.1:${port}`,
    process: child,
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on port ${port} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${server.baseURL}/api/clock`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
