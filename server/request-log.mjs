// One log line per request (pino): when, which request, method, route pattern, status and duration. Never the raw
// path, its query string, a header value, a cookie or a body: those carry tokens, API keys and keys.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import pretty from 'pino-pretty';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a client or proxy may choose: short, and nothing a log reader could mistake for a secret's place. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The process's logger: JSON lines, or readable lines for a person at a terminal. */
export function createLogger(format, destination = process.stdout) {
  const options = { base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'pretty')
    return pino(
      options,
      pretty({ destination, colorize: Boolean(destination.isTTY), sync: true, translateTime: 'SYS:HH:MM:ss.l' }),
    );
  return pino(options, destination);
}

/** The id the client or a proxy sent, when it is a plausible one; otherwise a new one. */
export function requestIdOf(req) {
  const sent = req.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/**
 * Gives the request its id (echoed in the response, and passed on to the app in the request's headers) and, when
 * the response is done or the client has gone, logs it and hands it to `observe` (the metrics).
 */
export function traceRequest(req, res, { logger, routeOf, observe }) {
  const started = process.hrtime.bigint();
  const requestId = requestIdOf(req);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sample = { method: req.method ?? 'GET', route: routeOf(req.url), status: res.statusCode, seconds };
    logger.info(
      {
        requestId,
        method: sample.method,
        route: sample.route,
        status: sample.status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
    observe?.(sample);
  };
  res.once('finish', finish);
  res.once('close', finish);
}
