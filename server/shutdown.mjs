// A graceful stop on SIGTERM (or SIGINT): stop taking connections, stop saying ready, tell every event stream to
// reconnect (to another instance), let the requests in flight finish, then close the session listener and the
// database, and exit 0. Connections still open when the grace period is over are cut, and the process exits all
// the same: an orchestrator's own kill comes soon after it.
import { Server as NetServer } from 'node:net';
import { opsBridge } from './bridge.mjs';

/**
 * How long a connection may stay idle once the stop has begun. Not closed at once, as http.Server#close does: a
 * request whose bytes have arrived but are not yet parsed looks idle too, and closing it would reset a request the
 * client had already sent.
 */
export const IDLE_CONNECTION_GRACE_MS = 1000;
const IDLE_SWEEP_MS = 250;

export function installGracefulShutdown({ server, app, graceMs, logger, exit = (code) => process.exit(code) }) {
  let stopping;
  // From the stop on, every answer closes its connection after it, so keep-alive clients move on.
  server.prependListener('request', (_req, res) => {
    if (stopping) res.shouldKeepAlive = false;
  });
  const stop = (signal) => {
    stopping ??= (async () => {
      const started = Date.now();
      logger.info({ signal, graceMs }, 'shutting down: finishing the requests in flight');
      const closed = new Promise((resolve) => server.once('close', resolve));
      // net.Server's close: no new connections, and 'close' once every open one has ended.
      NetServer.prototype.close.call(server);
      opsBridge().app?.beginShutdown();
      // Timers run before the event loop reads sockets: setImmediate lets it read what has arrived (a request's
      // bytes make its connection busy) before idle connections are closed.
      const closeIdle = () => setImmediate(() => server.closeIdleConnections());
      let sweep;
      const sweeping = setTimeout(() => {
        closeIdle();
        sweep = setInterval(closeIdle, IDLE_SWEEP_MS);
      }, IDLE_CONNECTION_GRACE_MS);
      const deadline = setTimeout(() => {
        logger.warn({ graceMs }, 'grace period over: closing the connections still open');
        server.closeAllConnections();
      }, graceMs);
      await closed;
      clearTimeout(sweeping);
      clearInterval(sweep);
      clearTimeout(deadline);
      try {
        await opsBridge().app?.finishShutdown();
        await app.close();
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.name : 'error' }, 'shutdown: closing failed');
      }
      logger.info({ ms: Date.now() - started }, 'stopped');
      exit(0);
    })();
    return stopping;
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return stop;
}
