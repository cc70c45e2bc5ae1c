// RTC_DOCTOR_WORKERS=N: a primary process forks N workers that share the port (node:cluster hands connections
// round-robin), restarts one that dies, and on SIGTERM passes the signal on and waits for all of them. Only with
// DATABASE_URL: every worker then shares PostgreSQL (the one-winner rule and the rate limits live there).
import cluster from 'node:cluster';
import prometheus from 'prom-client';
import { opsBridge } from './bridge.mjs';

const METRICS_REQUEST = 'rtc-doctor:cluster-metrics';
/** A worker that dies sooner than this after its start is not restarted: it would only die again. */
const CRASH_LOOP_MS = 5_000;

export function runPrimary({ workers, graceMs, logger, exit = (code) => process.exit(code) }) {
  const aggregator = new prometheus.AggregatorRegistry();
  const started = new Map();
  let stopping = false;

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on('message', (message) => {
      if (message?.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (body) => worker.send({ type: METRICS_REQUEST, id: message.id, body, contentType: aggregator.contentType }),
        (error) => worker.send({ type: METRICS_REQUEST, id: message.id, error: String(error?.message ?? error) }),
      );
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    logger.error({ worker: worker.id, code, signal, livedMs: lived }, 'worker exited');
    if (lived >= CRASH_LOOP_MS) fork();
    else if (Object.keys(cluster.workers ?? {}).length === 0) {
      logger.error('every worker failed at start: stopping');
      exit(1);
    }
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down the workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // A worker exits within its grace period; this is the backstop if one hangs.
    const backstop = setTimeout(() => {
      logger.warn('a worker did not stop in time: killing it');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, graceMs + 5_000);
    const waitForAll = () => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return void setTimeout(waitForAll, 50);
      clearTimeout(backstop);
      logger.info('stopped');
      exit(0);
    };
    waitForAll();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  logger.info({ workers }, 'starting workers');
  for (let index = 0; index < workers; index++) fork();
}

/** In a worker: the app's metrics route asks the primary for every worker's metrics, summed. */
export function offerClusterMetrics() {
  // Making one is what makes prom-client answer the primary's requests for this worker's metrics.
  new prometheus.AggregatorRegistry();
  let next = 0;
  const pending = new Map();
  process.on('message', (message) => {
    if (message?.type !== METRICS_REQUEST) return;
    const answer = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) answer?.reject(new Error(message.error));
    else answer?.resolve({ contentType: message.contentType, body: message.body });
  });
  const bridge = opsBridge();
  bridge.shell = {
    ...bridge.shell,
    clusterMetrics: () =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        process.send?.({ type: METRICS_REQUEST, id });
      }),
  };
}
