import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A production server of this build in a process of its own, so a test may kill it as a crash would. */
export interface ServerProcess {
  url: string;
  /** SIGKILL the server and everything it started: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RTC_DOCTOR_RATE_LIMITS: 'off', ...env },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = once(child, 'exit');
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server on port ${port} exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/api/clock`)).ok) return { url, kill };
    } catch {
      // Not listening yet.
    }
    if (attempt > 600) {
      await kill();
      throw new Error(`The server on port ${port} did not answer: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
