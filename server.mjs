#!/usr/bin/env node
// The production server (`npm start`): Next.js through its programmatic API, on node:http, so that every request
// carries the address of the socket it arrived on in a header no client can set (PEER_ADDRESS_HEADER). The rate
// limits count clients by it (lib/http/rate-limit.ts, clientAddress); X-Forwarded-For, which a client can write
// itself, counts only behind the proxies named in RTC_DOCTOR_TRUSTED_PROXIES. `next dev` and `next start` do not
// set the header: every client then counts as one, "unknown", so expose only this server.
//
// Settings: PORT (default 3000) and HOSTNAME (default 0.0.0.0), as `next start --port --hostname` took them, and the
// process settings of server/settings.mjs (workers, shutdown grace, log format); the portal's own settings are
// checked at start-up by instrumentation.ts, which stops the process naming a wrong one. The pieces of this shell
// (request ids and logs, route patterns, graceful shutdown, the cluster) are in server/.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { opsBridge } from './server/bridge.mjs';
import { offerClusterMetrics, runPrimary } from './server/cluster.mjs';
import { createLogger, traceRequest } from './server/request-log.mjs';
import { routeMatcherFor } from './server/route-patterns.mjs';
import { serverSettings } from './server/settings.mjs';
import { installGracefulShutdown } from './server/shutdown.mjs';
import { adoptRecordedConfig } from './server/standalone.mjs';

/** Keep in step with PEER_ADDRESS_HEADER in lib/http/rate-limit.ts (a unit test checks that they agree). */
export const PEER_ADDRESS_HEADER = 'x-rtc-doctor-peer';

/** Overwrites the peer header with the socket's address, dropping every value the client sent under that name. */
export function stampPeerAddress(req) {
  delete req.headers[PEER_ADDRESS_HEADER];
  const address = req.socket.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
}

/**
 * Why a request path cannot be routed, or undefined when it can: a malformed percent-escape (Next.js would
 * answer it with a 500 while decoding route parameters) or an escaped control character such as %00.
 */
export function pathProblem(url = '/') {
  const path = url.split('?', 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The address has a malformed percent-escape (a "%" not followed by two hex digits of valid UTF-8).';
  }
  return /[\u0000-\u001f\u007f]/.test(decoded)
    ? 'The address holds an escaped control character (such as %00).'
    : undefined;
}

function fail(error) {
  console.error(`RTC Doctor cannot start. ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Answers a path Next.js cannot route with a JSON 400, before Next.js sees it. */
function refusePath(res, problem) {
  res.writeHead(400, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify({ error: { code: 'BAD_REQUEST', message: problem } }));
}

/** One server process: Next.js behind node:http, every request traced, stopped gracefully. */
async function serve({ port, hostname, graceMs }, logger) {
  const started = Date.now();
  // Before Next.js and React load: they choose their production builds by it, as `next start` does.
  process.env.NODE_ENV ||= 'production';
  const root = dirname(fileURLToPath(import.meta.url));
  adoptRecordedConfig(root);
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routeOf = routeMatcherFor(root);
  const observe = (sample) => opsBridge().app?.observeRequest(sample);

  const server = createServer((req, res) => {
    stampPeerAddress(req);
    traceRequest(req, res, { logger, routeOf, observe });
    const problem = pathProblem(req.url);
    if (problem) return refusePath(res, problem);
    handle(req, res).catch((error) => {
      logger.error({ route: routeOf(req.url), error: error instanceof Error ? error.name : 'error' }, 'request failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ error: error.name }, 'server error'));
  installGracefulShutdown({ server, app, graceMs, logger });

  const address = server.address();
  const shown =
    hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  logger.info(
    {
      next: await nextVersion(),
      url: `http://${shown}:${typeof address === 'object' && address ? address.port : port}`,
      readyMs: Date.now() - started,
    },
    'RTC Doctor is ready',
  );
}

async function main() {
  const settings = serverSettings();
  const logger = createLogger(settings.logFormat);
  if (cluster.isPrimary && settings.workers > 1) return runPrimary({ ...settings, logger });
  if (cluster.isWorker) offerClusterMetrics();
  await serve(settings, cluster.isWorker ? logger.child({ worker: cluster.worker.id }) : logger);
}

async function nextVersion() {
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)('next/package.json').version;
}

// Run as a program (`node server.mjs`), not when a test imports stampPeerAddress.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch(fail);
