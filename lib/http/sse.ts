/**
 * Server-Sent Events over a web Response. `no-transform` keeps compression (which would buffer the
 * stream) away; `X-Accel-Buffering: no` tells nginx-style proxies not to hold events back.
 */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
} as const;

export function formatEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export type SendEvent = (event: string, data: unknown) => void;

/** The event a stream's last message carries when this server is shutting down: reconnect, to another instance. */
export const RECONNECT_EVENT = 'reconnect';

/**
 * The process's open streams, each by how it is told to reconnect and end. On globalThis so that every copy of this
 * module the bundler makes shares it (the shutdown reaches every stream, the metrics count them all).
 */
const registry = ((
  globalThis as typeof globalThis & { rtcDoctorEventStreams?: StreamRegistry }
).rtcDoctorEventStreams ??= { open: new Set(), reconnectMs: undefined });

interface StreamRegistry {
  open: Set<(retryMs: number) => void>;
  /** Set once the server is shutting down: a stream opened after that is told to reconnect at once. */
  reconnectMs: number | undefined;
}

/** How many event streams this process holds open. */
export function openEventStreams(): number {
  return registry.open.size;
}

/**
 * Shutting down: every open stream (and any opened from now on) gets `retry: <retryMs>` and a `reconnect` event, then
 * ends, so that EventSource clients reconnect after `retryMs`, to an instance that is still running.
 */
export function reconnectEveryStream(retryMs: number): void {
  registry.reconnectMs = retryMs;
  for (const reconnect of [...registry.open]) reconnect(retryMs);
}

export interface EventStreamOptions {
  /** The request's signal: the stream ends and cleans up when the client goes away. */
  signal: AbortSignal;
  heartbeatMs: number;
  /**
   * The longest the stream stays open: then it sends `retry: <retryMs>` and ends, and an EventSource reconnects after
   * that many milliseconds. Unset, it stays open until the client or the server ends it.
   */
  lifetime?: { ms: number; retryMs: number };
  /** Starts whatever feeds the stream; returns its clean-up. Once it has resolved, the stream says `: subscribed`. */
  start(send: SendEvent): Promise<() => void>;
  /** Called once when the stream ends, however it ends: the client goes away, its lifetime is over, or an error. */
  onEnd?: () => void;
}

/** An event stream with heartbeat comments; the clean-up runs exactly once, however the stream ends. */
export function eventStreamResponse({ signal, heartbeatMs, lifetime, start, onEnd }: EventStreamOptions): Response {
  const encoder = new TextEncoder();
  let ended = false;
  let cleanup: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  const reconnect = (retryMs: number) => {
    write(`retry: ${retryMs}\n${formatEvent(RECONNECT_EVENT, { reason: 'This server is shutting down.' })}`);
    end();
  };
  const end = () => {
    if (ended) return;
    ended = true;
    registry.open.delete(reconnect);
    clearInterval(heartbeat);
    clearTimeout(expiry);
    signal.removeEventListener('abort', end);
    try {
      cleanup?.();
    } finally {
      onEnd?.();
      try {
        controller?.close();
      } catch {
        // Already closed or cancelled by the client.
      }
    }
  };
  const write = (text: string) => {
    if (ended || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      end();
    }
  };

  const body = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      signal.addEventListener('abort', end);
      if (signal.aborted) return end();
      if (registry.reconnectMs !== undefined) return reconnect(registry.reconnectMs);
      registry.open.add(reconnect);
      heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
      if (lifetime) {
        expiry = setTimeout(() => {
          write(`retry: ${lifetime.retryMs}\n\n`);
          end();
        }, lifetime.ms);
      }
      try {
        const stop = await start((event, data) => write(formatEvent(event, data)));
        if (ended) stop();
        else cleanup = stop;
        write(': subscribed\n\n');
      } catch {
        // The database is unreachable: end the stream, and EventSource clients will reconnect.
        end();
      }
    },
    cancel: end,
  });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
}
