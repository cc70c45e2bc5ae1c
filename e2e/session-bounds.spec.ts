import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startServer, type ServerProcess } from './server-process';
import { testAddress } from './session-clients';

// A production server of its own (on 127.0.0.1 only) with small session bounds, so that they are reached in a few
// requests: two streams per client, four per process; storage for three of this test's sessions. Sessions are idle,
// and may be evicted, after IDLE_SECONDS: far longer than the few requests that fill the storage take.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const IDLE_SECONDS = 6;
const STORAGE_BYTES = 4096;
/** Each session here is about 1 255 bytes as counted (id, key hint, content and 128 for its row): three fit, four do not. */
const CONTENT = 'x'.repeat(1100);

test.describe('session bounds on a server of their own', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let dataDir: string;
  let server: ServerProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-session-bounds-'));
    server = await startServer(PORT, {
      RTC_DOCTOR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      // The per-client caps apply only with rate limits on; the tests pose as clients of their own behind this proxy.
      RTC_DOCTOR_RATE_LIMITS: 'on',
      RTC_DOCTOR_TRUSTED_PROXIES: '127.0.0.1',
      RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '1',
      RTC_DOCTOR_SESSION_IDLE_SECONDS: String(IDLE_SECONDS),
      RTC_DOCTOR_SESSION_STORAGE_BYTES: String(STORAGE_BYTES),
      RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: '2',
      RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: '4',
    });
  });

  test.afterAll(async () => {
    await server?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function create(documentId: string, keyHint: string, address: string) {
    const response = await fetch(`${server.url}/api/sessions/${documentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ keyHint, content: CONTENT }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { keyHint?: string; error?: { code: string; message: string } },
    };
  }

  interface OpenStream {
    status: number;
    retryAfter: string | null;
    error?: { code: string; message: string };
    close(): void;
  }

  /** An event stream as `address`: when it is accepted, resolves once the server says it is listening. */
  async function stream(documentId: string, address: string): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/sessions/${documentId}/events`, {
      headers: { accept: 'text/event-stream', 'x-forwarded-for': address },
      signal: abort.signal,
    });
    const close = () => abort.abort();
    if (response.status !== 200)
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        error: ((await response.json()) as { error: OpenStream['error'] }).error,
        close,
      };
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': subscribed\n\n')) {
      const { done, value } = await reader.read();
      if (done) throw new Error('the event stream ended before it was listening');
      text += decoder.decode(value, { stream: true });
    }
    // Keep reading (heartbeats) so the stream flows until it is closed.
    void (async () => {
      for (;;) if ((await reader.read()).done) return;
    })().catch(() => undefined);
    return { status: 200, retryAfter: null, close };
  }

  /** A closed stream's slot is given back when the server notices the connection is gone: asks again until it has. */
  async function streamOnceFree(documentId: string, address: string): Promise<OpenStream> {
    for (let attempt = 0; ; attempt++) {
      const opened = await stream(documentId, address);
      if (opened.status !== 503 || attempt === 100) return opened;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  test('event streams: a client and the process are capped with 503 and Retry-After, and a closed stream frees its slot', async () => {
    const documentId = `bounds-streams-${Date.now()}`;
    const [a, b, c] = [testAddress(0, 201), testAddress(0, 202), testAddress(0, 203)];
    const first = [await stream(documentId, a), await stream(documentId, a)];
    expect(first.map((opened) => opened.status)).toEqual([200, 200]);

    const perClient = await stream(documentId, a);
    expect(perClient.status).toBe(503);
    expect(perClient.retryAfter).toMatch(/^\d+$/);
    expect(perClient.error).toEqual({
      code: 'TOO_MANY_STREAMS',
      message: expect.stringContaining('RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT'),
    });

    const second = [await stream(documentId, b), await stream(documentId, b)];
    expect(second.map((opened) => opened.status)).toEqual([200, 200]);
    const perProcess = await stream(documentId, c);
    expect(perProcess.status).toBe(503);
    expect(perProcess.retryAfter).toMatch(/^\d+$/);
    expect(perProcess.error).toEqual({
      code: 'TOO_MANY_STREAMS',
      message: expect.stringContaining('RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS'),
    });

    // Recovery: one of a's streams closes; a may open one again, and the process is full again.
    first[0]!.close();
    const again = await streamOnceFree(documentId, a);
    expect(again.status).toBe(200);
    expect((await stream(documentId, c)).status).toBe(503);

    for (const opened of [first[1]!, again, ...second]) opened.close();
    const afterAll = await streamOnceFree(documentId, c);
    expect(afterAll.status).toBe(200);
    afterAll.close();
  });

  test('storage: a create with no room gets 507 and stores nothing; once sessions have been idle past the idle time, they make room', async () => {
    const run = Date.now();
    const stored = [0, 1, 2].map((index) => `bounds-store-${run}-${index}`);
    for (const [index, documentId] of stored.entries())
      expect((await create(documentId, `key-${index}`, testAddress(2, 201 + index))).status).toBe(201);

    const refusedDocument = `bounds-store-${run}-3`;
    const refused = await create(refusedDocument, 'key-3', testAddress(2, 204));
    expect(refused.status).toBe(507);
    expect(refused.body.error).toEqual({
      code: 'SESSION_STORAGE_FULL',
      message: expect.stringContaining('RTC_DOCTOR_SESSION_STORAGE_BYTES'),
    });
    // Losers store nothing, so they are still answered; nothing was stored for the refused document.
    expect(await create(stored[0]!, 'late', testAddress(2, 205))).toEqual({
      status: 409,
      body: { outcome: 'rejected', keyHint: 'key-0' },
    });
    expect((await create(refusedDocument, 'key-3', testAddress(2, 204))).status).toBe(507);

    // Recovery: the stored sessions go idle; the next create evicts the one idle longest and is stored. (At most 100
    // attempts, under the per-minute limit of 120 creates per client.)
    let recovered = refused;
    for (let attempt = 0; recovered.status === 507 && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      recovered = await create(refusedDocument, 'key-3', testAddress(2, 204));
    }
    expect(recovered).toEqual({ status: 201, body: { outcome: 'created', keyHint: 'key-3' } });
    expect(await create(refusedDocument, 'late', testAddress(2, 205))).toEqual({
      status: 409,
      body: { outcome: 'rejected', keyHint: 'key-3' },
    });
  });
});
