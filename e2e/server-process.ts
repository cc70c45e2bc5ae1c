import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import path from 'node:path';

// Playwright runs from the repository root (where its config is). The production server, as `npm start` runs it.
const SERVER = path.resolve('server.mjs');

/** A production server of this build in a process group of its own, so a test may kill it as a crash would. */
export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** SIGKILL the server and everything it started: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

// A hook that times out never gets the server back to kill; whatever is still running goes with the worker.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** server.mjs (after `npm run build`) on 127.0.0.1:`port`, with rate limits off unless `env` says otherwise. */
export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  // A server left over from an interrupted run would answer in this one's place, or hang. A server just killed
  // may hold the port for a moment while its process group dies.
  for (let attempt = 0; await portInUse(port); attempt++) {
    if (attempt === 30)
      throw new Error(`Port ${port} is already in use: is a server from an earlier run still running?`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      RTC_DOCTOR_RATE_LIMITS: 'off',
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = once(child, 'exit').then(() => running.delete(child));
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child);
      await exited;
    },
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.mjs on port ${port} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${server.url}/api/clock`, { signal: AbortSignal.timeout(5_000) })).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
