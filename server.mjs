#!/usr/bin/env node
// The production server (`npm start`): Next.js through its programmatic API, on node:http, so that every request
// carries the address of the socket it arrived on in a header no client can set (PEER_ADDRESS_HEADER). The rate
// limits count clients by it (lib/http/rate-limit.ts, clientAddress); X-Forwarded-For, which a client can write
// itself, counts only behind the proxies named in RTC_DOCTOR_TRUSTED_PROXIES. `next dev` and `next start` do not
// set the header: every client then counts as one, "unknown", so expose only this server.
//
// Settings: PORT (default 3000) and HOSTNAME (default 0.0.0.0), as `next start --port --hostname` took them; the
// portal's own settings are checked at start-up by instrumentation.ts, which stops the process naming a wrong one.
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** PORT and HOSTNAME as `next start` read them; a wrong PORT is an error, not a surprise port. */
export function listenSettings(env = process.env) {
  const portText = env.PORT || '3000';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
    throw new Error(`PORT must be a port number from 0 to 65535, not "${portText}".`);
  return { port: Number(portText), hostname: env.HOSTNAME || '0.0.0.0' };
}

function fail(error) {
  console.error(`RTC Doctor cannot start. ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function main() {
  const started = Date.now();
  const { port, hostname } = listenSettings();
  // Before Next.js and React load: they choose their production builds by it, as `next start` does.
  process.env.NODE_ENV ||= 'production';
  const { default: next } = await import('next');
  const root = dirname(fileURLToPath(import.meta.url));
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    stampPeerAddress(req);
    const problem = pathProblem(req.url);
    if (problem) {
      res.writeHead(400, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(JSON.stringify({ error: { code: 'BAD_REQUEST', message: problem } }));
      return;
    }
    handle(req, res).catch((error) => {
      // The path only: query strings can carry tokens and API keys, which never reach the log.
      console.error(
        `Failed to handle request for ${(req.url ?? '/').split('?', 1)[0]}: ${error instanceof Error ? error.name : 'error'}`,
      );
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
  server.on('error', (error) => console.error('Server error:', error));

  const address = server.address();
  const shown =
    hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  console.log(`▲ RTC Doctor (Next.js ${await nextVersion()})`);
  console.log(`- Local:         http://${shown}:${typeof address === 'object' && address ? address.port : port}`);
  console.log(`✓ Ready in ${Date.now() - started}ms`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    // Stop taking connections, let requests in flight finish, then close Next.js (it may still run `after` work).
    // Event streams never finish by themselves: after a few seconds what is still open is closed.
    const streams = setTimeout(() => server.closeAllConnections(), 5000);
    streams.unref();
    server.closeIdleConnections();
    server.close(() => {
      app
        .close()
        .catch((error) => console.error(error))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function nextVersion() {
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)('next/package.json').version;
}

// Run as a program (`node server.mjs`), not when a test imports stampPeerAddress.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch(fail);
