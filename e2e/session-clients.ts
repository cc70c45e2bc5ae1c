// Plain HTTP clients of the session API for the e2e tests: creators and event-stream subscribers.

export interface CreateAnswer {
  status: number;
  keyHint?: string;
}

/** One creator: POST /api/sessions/{documentId}. `address` stands for the client's own IP (rate limits count per address). */
export async function createSession(
  baseURL: string,
  documentId: string,
  keyHint: string,
  address?: string,
): Promise<CreateAnswer> {
  const response = await fetch(`${baseURL}/api/sessions/${documentId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(address ? { 'x-forwarded-for': address } : {}) },
    body: JSON.stringify({ keyHint, content: `initial content encrypted with ${keyHint}` }),
  });
  const body = (await response.json()) as { keyHint?: string };
  return { status: response.status, keyHint: body.keyHint };
}

/** A client address of its own for creator or subscriber `index` (documentation ranges, RFC 5737). */
export function testAddress(range: number, index: number): string {
  return `${['192.0.2', '198.51.100', '203.0.113'][range % 3]}.${index % 250}`;
}

export interface EventStreamClient {
  /** Resolves when the server says the stream is listening: a session created after this is announced to it. */
  subscribed: Promise<void>;
  /**
   * Every session-available key hint the stream carried up to the second heartbeat after the first event:
   * a whole heartbeat interval in which a second announcement, were there one, would have arrived.
   */
  settled: Promise<string[]>;
  close(): void;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export function openEventStream(baseURL: string, documentId: string, address?: string): EventStreamClient {
  const abort = new AbortController();
  const keyHints: string[] = [];
  let heartbeatsSinceEvent = 0;
  const subscribed = deferred<void>();
  const settled = deferred<string[]>();

  (async () => {
    const response = await fetch(`${baseURL}/api/sessions/${documentId}/events`, {
      headers: { accept: 'text/event-stream', ...(address ? { 'x-forwarded-for': address } : {}) },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block === ': subscribed') subscribed.resolve();
        else if (block === ': heartbeat' && keyHints.length > 0 && ++heartbeatsSinceEvent === 2)
          settled.resolve([...keyHints]);
        else if (block.startsWith('event: session-available\n'))
          keyHints.push(JSON.parse(block.split('\ndata: ')[1]!).keyHint);
      }
    }
    throw new Error('the event stream ended');
  })().catch((error: Error) => {
    subscribed.reject(error);
    settled.reject(error);
  });

  return { subscribed: subscribed.promise, settled: settled.promise, close: () => abort.abort() };
}
