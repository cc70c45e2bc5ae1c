import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/connect';
import { createSessionService, type SessionService } from '@/lib/sessions';
import { CREATE_BODY_LIMIT } from '@/lib/sessions/validate';
import { createSessionRequest, sessionEventsRequest } from './sessions';

let database: OpenDatabase;
let service: SessionService;
const services = () => Promise.resolve(service);

beforeAll(async () => {
  database = await openDatabase({});
  service = createSessionService(database, { idleSeconds: 3600 });
});
afterAll(async () => {
  await service?.close();
  await database?.close();
});

function post(documentId: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/sessions/${documentId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return createSessionRequest(request, documentId, services);
}

/** Reads an event stream until `enough` says the text so far suffices. */
async function readUntil(response: Response, enough: (text: string) => boolean): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!enough(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

describe('POST /api/sessions/{documentId}', () => {
  it('answers 201 to the winner and 409 with the winner key hint to the rest', async () => {
    const first = await post('api-doc-1', { keyHint: 'first', content: 'ciphertext' });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ outcome: 'created', keyHint: 'first' });
    expect(first.headers.get('cache-control')).toBe('no-store');
    const second = await post('api-doc-1', { keyHint: 'second' });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ outcome: 'rejected', keyHint: 'first' });
  });

  it('answers 400 naming the problem and creates nothing for bad input', async () => {
    const badId = await post('bad id', { keyHint: 'k' });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/^The document id /) });
    for (const body of ['{"keyHint":', { keyHint: '' }, { keyHint: 'with space' }, { content: 'no hint' }]) {
      const response = await post('api-doc-2', body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('BAD_REQUEST');
    }
    expect((await post('api-doc-2', { keyHint: 'k', content: 'x'.repeat(CREATE_BODY_LIMIT) })).status).toBe(413);
    expect((await post('api-doc-2', { keyHint: 'good' })).status).toBe(201);
  });

  it('refuses a cross-site browser request and lets same-site and non-browser clients through', async () => {
    expect((await post('api-doc-3', { keyHint: 'k' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('api-doc-3', { keyHint: 'k' }, { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await post('api-doc-3', { keyHint: 'k' }, { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });
});

describe('GET /api/sessions/{documentId}/events', () => {
  function events(documentId: string, signal: AbortSignal, heartbeatMs = 60_000) {
    return sessionEventsRequest(new Request(`http://localhost/api/sessions/${documentId}/events`, { signal }), documentId, services, heartbeatMs);
  }

  it('streams session-available once the session is created, with streaming-safe headers', async () => {
    const abort = new AbortController();
    const response = await events('sse-doc-1', abort.signal);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(await readUntil(response, (text) => text.includes(': subscribed'))).toBe(': subscribed\n\n');
    await post('sse-doc-1', { keyHint: 'announced' });
    expect(await readUntil(response, (text) => text.includes('\n\n'))).toBe('event: session-available\ndata: {"keyHint":"announced"}\n\n');
    abort.abort();
  });

  it('sends the event at once for an existing session, then heartbeats', async () => {
    await post('sse-doc-2', { keyHint: 'existing' });
    const abort = new AbortController();
    const response = await events('sse-doc-2', abort.signal, 20);
    const text = await readUntil(response, (so) => so.includes(': heartbeat'));
    expect(text.startsWith('event: session-available\ndata: {"keyHint":"existing"}\n\n: subscribed\n\n')).toBe(true);
    expect(text.match(/session-available/g)).toHaveLength(1);
    abort.abort();
  });

  it('unsubscribes when the client goes away', async () => {
    const abort = new AbortController();
    const response = await events('sse-doc-3', abort.signal);
    await readUntil(response, (text) => text.includes(': subscribed'));
    expect(service.notifications.size()).toBe(1);
    abort.abort();
    expect(service.notifications.size()).toBe(0);
    expect(await readUntil(response, () => false)).toBe('');
  });

  it('answers 400 for a bad document id', async () => {
    const response = await events('../etc', new AbortController().signal);
    expect(response.status).toBe(400);
  });
});
