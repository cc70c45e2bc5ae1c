import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { startNextServer, waitUntilAnswering } from '../scripts/server-launcher.cjs';

/** A production server of this build in a process group of its own, so a test may kill it as a crash would. */
export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** SIGKILL the server and everything it started: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
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

/**
 * Where a test server's output goes: beside the test results, for scripts/scan-server-logs.mjs to read after the
 * run (no log may hold a token, a key, a cookie, a query string or a body).
 */
export function serverLogFile(port: number | string): string {
  mkdirSync('test-results', { recursive: true });
  return path.resolve('test-results', `server-${port}.log`);
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
  // The launcher kills whatever is still running when the worker exits; the worker's own signals stay Playwright's.
  const server = startNextServer(port, env, { onSignals: false, logFile: serverLogFile(port) });
  const url = `http://127.0.0.1:${port}`;
  const exited = once(server.child, 'exit');
  await waitUntilAnswering(server, `${url}/api/clock`);
  return {
    url,
    process: server.child,
    async kill() {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      server.kill();
      await exited;
    },
  };
}
