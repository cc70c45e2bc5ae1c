import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeOnBackends } from '@/lib/db/test-databases';
import { PEER_ADDRESS_HEADER, parseTrustedProxies, type TrustedProxies } from '@/lib/http/rate-limit';
import {
  createCollaborationService,
  COLLABORATION_STREAM_RETRY_MS,
  COLLABORATION_STREAMS_BUSY_RETRY_SECONDS,
  collaborationSessionSize,
  type CollaborationService,
  type CollaborationSettings,
} from '@/lib/collaboration';
import { CREATE_BODY_LIMIT } from '@/lib/collaboration/validate';
import { createCollaborationSessionRequest, collaborationSessionEventsRequest } from './collaboration-sessions';

let counter = 0;
/** Ids of one length per label, so that sessions with one key hint and content are of one size. */
const newDocument = (label: string) =>
  `${label}-${String(process.pid).padStart(7, '0')}-${String(counter++).padStart(6, '0')}`;

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

/** Reads an event stream to its end: resolves only when the server closes it. */
const readToEnd = (response: Response) => readUntil(response, () => false);

/** Resolves when `check` holds, polling the event loop. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describeOnBackends('collaboration session API', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  const created: CollaborationService[] = [];
  let service: CollaborationService;

  /** A service on this suite's database; `settings` narrow its bounds. */
  function serviceWith(settings: Partial<CollaborationSettings> = {}): CollaborationService {
    const made = createCollaborationService(opened, { idleSeconds: 3600, heartbeatSeconds: 60, ...settings });
    created.push(made);
    return made;
  }

  beforeAll(async () => {
    opened = await backend.open();
    service = serviceWith();
  });
  afterAll(async () => {
    for (const made of created) await made.close();
    await opened?.dispose();
  });

  function post(
    documentId: string,
    body: unknown,
    headers: Record<string, string> = {},
    on: CollaborationService = service,
    trust?: TrustedProxies,
  ) {
    const request = new Request(`http://localhost/api/sessions/${documentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return createCollaborationSessionRequest(request, documentId, () => Promise.resolve(on), { trust });
  }

  function events(
    documentId: string,
    signal: AbortSignal,
    on: CollaborationService = service,
    headers: Record<string, string> = {},
  ) {
    return collaborationSessionEventsRequest(
      new Request(`http://localhost/api/sessions/${documentId}/events`, { signal, headers }),
      documentId,
      () => Promise.resolve(on),
    );
  }

  const from = (address: string) => ({ [PEER_ADDRESS_HEADER]: address });

  describe('POST /api/sessions/{documentId}', () => {
    it('answers 201 to the winner and 409 with the winner key hint to the rest', async () => {
      const documentId = newDocument('api-doc');
      const first = await post(documentId, { keyHint: 'first', content: 'ciphertext' });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ outcome: 'created', keyHint: 'first' });
      expect(first.headers.get('cache-control')).toBe('no-store');
      const second = await post(documentId, { keyHint: 'second' });
      expect(second.status).toBe(409);
      expect(await second.json()).toEqual({ outcome: 'rejected', keyHint: 'first' });
    });

    it('answers 400 naming the problem and creates nothing for bad input', async () => {
      const documentId = newDocument('api-doc');
      const badId = await post('bad id', { keyHint: 'k' });
      expect(badId.status).toBe(400);
      expect((await badId.json()).error).toEqual({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The document id /),
      });
      for (const body of ['{"keyHint":', { keyHint: '' }, { keyHint: 'with space' }, { content: 'no hint' }]) {
        const response = await post(documentId, body);
        expect(response.status).toBe(400);
        expect((await response.json()).error.code).toBe('BAD_REQUEST');
      }
      expect((await post(documentId, { keyHint: 'k', content: 'x'.repeat(CREATE_BODY_LIMIT) })).status).toBe(413);
      expect((await post(documentId, { keyHint: 'good' })).status).toBe(201);
    });

    it('refuses a cross-site browser request and lets same-site and non-browser clients through', async () => {
      const documentId = newDocument('api-doc');
      expect((await post(documentId, { keyHint: 'k' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await post(documentId, { keyHint: 'k' }, { origin: 'https://elsewhere.example' })).status).toBe(403);
      expect((await post(documentId, { keyHint: 'k' }, { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    });

    it('answers 429 with Retry-After and the limit named once a client has created its number of sessions, counting no 409', async () => {
      const limited = serviceWith({ createsPerClientPerHour: 3 });
      const documents = [newDocument('quota'), newDocument('quota'), newDocument('quota')];
      for (const documentId of documents)
        expect((await post(documentId, { keyHint: 'k' }, from('192.0.2.10'), limited)).status).toBe(201);
      expect((await post(documents[0]!, { keyHint: 'again' }, from('192.0.2.10'), limited)).status).toBe(409);

      const refused = await post(newDocument('quota'), { keyHint: 'k' }, from('192.0.2.10'), limited);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect((await refused.json()).error).toEqual({
        code: 'SESSION_CREATE_LIMIT',
        message: `This address has created 3 sessions this hour, the most it may (RTC_DOCTOR_SESSION_CREATES_PER_HOUR); try again in ${retryAfter} seconds.`,
      });
      // Still told who won a document that has a session; other clients have their own count.
      expect((await post(documents[1]!, { keyHint: 'again' }, from('192.0.2.10'), limited)).status).toBe(409);
      expect((await post(newDocument('quota'), { keyHint: 'k' }, from('192.0.2.11'), limited)).status).toBe(201);
    });

    it('counts clients by the address RTC_DOCTOR_TRUSTED_PROXIES makes of them, never by a forged X-Forwarded-For', async () => {
      const limited = serviceWith({ createsPerClientPerHour: 1 });
      const forged = (index: number) => ({ ...from('192.0.2.20'), 'x-forwarded-for': `198.51.100.${index}` });
      expect((await post(newDocument('quota'), { keyHint: 'k' }, forged(1), limited)).status).toBe(201);
      expect((await post(newDocument('quota'), { keyHint: 'k' }, forged(2), limited)).status).toBe(429);
      const proxy = parseTrustedProxies('192.0.2.20');
      if (!('trust' in proxy)) throw new Error(proxy.error);
      expect((await post(newDocument('quota'), { keyHint: 'k' }, forged(3), limited, proxy.trust)).status).toBe(201);
      expect((await post(newDocument('quota'), { keyHint: 'k' }, forged(3), limited, proxy.trust)).status).toBe(429);
    });

    it('answers 507 when there is no room, after evicting the session idle longest past the idle time', async () => {
      const [oldest, newer] = [newDocument('full'), newDocument('full')];
      const body = { keyHint: 'k', content: 'x'.repeat(500) };
      // Room for the sessions already stored (other tests') and two of these.
      const room =
        (await service.store.usedBytes()) +
        collaborationSessionSize(oldest, 'k', body.content) +
        collaborationSessionSize(newer, 'k', body.content);
      const bounded = serviceWith({ storageBytes: room });
      expect((await post(oldest, body, {}, bounded)).status).toBe(201);
      expect((await post(newer, body, {}, bounded)).status).toBe(201);

      const third = newDocument('full');
      const refused = await post(third, body, {}, bounded);
      expect(refused.status).toBe(507);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect((await refused.json()).error).toEqual({
        code: 'SESSION_STORAGE_FULL',
        message: `There is no room for another session: the sessions stored take all of the ${room} bytes this server keeps for them (RTC_DOCTOR_SESSION_STORAGE_BYTES), and too few of them have been idle long enough to be removed. Nothing was stored; try again once sessions have expired.`,
      });
      // A loser stores nothing, so it is still answered.
      expect((await post(oldest, { keyHint: 'late' }, {}, bounded)).status).toBe(409);

      await opened.db.execute(
        sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '2 hours' WHERE document_id = ${oldest}`,
      );
      expect((await post(third, body, {}, bounded)).status).toBe(201);
      expect(await bounded.store.findLive(oldest)).toBeUndefined();
      expect(await bounded.store.findLive(newer)).toBe('k');
      expect(await bounded.store.usedBytes()).toBeLessThanOrEqual(room);
    });
  });

  describe('GET /api/sessions/{documentId}/events', () => {
    it('streams session-available once the session is created, with streaming-safe headers', async () => {
      const documentId = newDocument('sse');
      const abort = new AbortController();
      const response = await events(documentId, abort.signal);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      expect(await readUntil(response, (text) => text.includes(': subscribed'))).toBe(': subscribed\n\n');
      await post(documentId, { keyHint: 'announced' });
      expect(await readUntil(response, (text) => text.includes('\n\n'))).toBe(
        'event: session-available\ndata: {"keyHint":"announced"}\n\n',
      );
      abort.abort();
    });

    it('sends the event at once for an existing session, then heartbeats', async () => {
      const documentId = newDocument('sse');
      await post(documentId, { keyHint: 'existing' });
      const abort = new AbortController();
      const response = await events(documentId, abort.signal, serviceWith({ heartbeatSeconds: 0.02 }));
      const text = await readUntil(response, (so) => so.includes(': heartbeat'));
      expect(text.startsWith('event: session-available\ndata: {"keyHint":"existing"}\n\n: subscribed\n\n')).toBe(true);
      expect(text.match(/session-available/g)).toHaveLength(1);
      abort.abort();
    });

    it('unsubscribes and gives its slot back when the client goes away', async () => {
      const abort = new AbortController();
      const response = await events(newDocument('sse'), abort.signal);
      await readUntil(response, (text) => text.includes(': subscribed'));
      expect(service.notifications.size()).toBe(1);
      expect(service.streams.count()).toBe(1);
      abort.abort();
      expect(service.notifications.size()).toBe(0);
      expect(service.streams.count()).toBe(0);
      expect(await readToEnd(response)).toBe('');
    });

    it('answers 400 for a bad document id', async () => {
      const response = await events('../etc', new AbortController().signal);
      expect(response.status).toBe(400);
      expect(service.streams.count()).toBe(0);
    });

    it('answers 503 with Retry-After and a JSON error at the per-client cap, and serves other clients', async () => {
      const capped = serviceWith({ streamsPerClient: 2, streamsPerProcess: 10 });
      const abort = new AbortController();
      const open = [
        await events(newDocument('cap'), abort.signal, capped, from('192.0.2.30')),
        await events(newDocument('cap'), abort.signal, capped, from('192.0.2.30')),
      ];
      expect(open.map((response) => response.status)).toEqual([200, 200]);
      const refused = await events(newDocument('cap'), abort.signal, capped, from('192.0.2.30'));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe(String(COLLABORATION_STREAMS_BUSY_RETRY_SECONDS));
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await refused.json()).error).toEqual({
        code: 'TOO_MANY_STREAMS',
        message: `This address has 2 session event streams open, the most it may (RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT); close one or try again in ${COLLABORATION_STREAMS_BUSY_RETRY_SECONDS} seconds.`,
      });
      expect((await events(newDocument('cap'), abort.signal, capped, from('192.0.2.31'))).status).toBe(200);
      expect(capped.streams.count()).toBe(3);
      abort.abort();
      expect(capped.streams.count()).toBe(0);
      expect((await events(newDocument('cap'), new AbortController().signal, capped, from('192.0.2.30'))).status).toBe(
        200,
      );
    });

    it('answers 503 at the per-process cap, whoever asks, until a stream ends', async () => {
      const capped = serviceWith({ streamsPerClient: 10, streamsPerProcess: 3 });
      const aborts = Array.from({ length: 3 }, () => new AbortController());
      for (const [index, abort] of aborts.entries())
        expect((await events(newDocument('cap'), abort.signal, capped, from(`192.0.2.${40 + index}`))).status).toBe(
          200,
        );
      const refused = await events(newDocument('cap'), new AbortController().signal, capped, from('192.0.2.49'));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe(String(COLLABORATION_STREAMS_BUSY_RETRY_SECONDS));
      expect((await refused.json()).error).toEqual({
        code: 'TOO_MANY_STREAMS',
        message: `This server has 3 session event streams open, the most it keeps (RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS); try again in ${COLLABORATION_STREAMS_BUSY_RETRY_SECONDS} seconds.`,
      });
      aborts[0]!.abort();
      expect((await events(newDocument('cap'), new AbortController().signal, capped, from('192.0.2.49'))).status).toBe(
        200,
      );
    });

    it('ends a stream at the end of its lifetime with a retry, and gives its slot and subscription back', async () => {
      const short = serviceWith({ streamSeconds: 0.05, streamsPerClient: 1 });
      const response = await events(newDocument('lifetime'), new AbortController().signal, short, from('192.0.2.50'));
      expect(response.status).toBe(200);
      // No abort: the server ends it, its last words the reconnection delay.
      const text = await readToEnd(response);
      expect(text.endsWith(`retry: ${COLLABORATION_STREAM_RETRY_MS}\n\n`)).toBe(true);
      expect(text.match(/retry:/g)).toHaveLength(1);
      expect(short.streams.count()).toBe(0);
      await until(() => short.notifications.size() === 0);
      expect(
        (await events(newDocument('lifetime'), new AbortController().signal, short, from('192.0.2.50'))).status,
      ).toBe(200);
    });

    it('gives its slot back when the stream fails on the server', async () => {
      const failing = serviceWith({ streamsPerClient: 1 });
      const watch = vi.spyOn(failing, 'watch').mockRejectedValueOnce(new Error('database unreachable'));
      const response = await events(newDocument('error'), new AbortController().signal, failing, from('192.0.2.60'));
      expect(response.status).toBe(200);
      expect(await readToEnd(response)).toBe('');
      expect(failing.streams.count()).toBe(0);
      watch.mockRestore();
      const next = new AbortController();
      expect((await events(newDocument('error'), next.signal, failing, from('192.0.2.60'))).status).toBe(200);
      next.abort();
    });

    it('gives its slot back when the client cancels the body instead of aborting the request', async () => {
      const capped = serviceWith({ streamsPerClient: 1 });
      const response = await events(newDocument('cancel'), new AbortController().signal, capped, from('192.0.2.70'));
      await readUntil(response, (text) => text.includes(': subscribed'));
      await response.body!.cancel();
      await until(() => capped.streams.count() === 0);
      expect(capped.notifications.size()).toBe(0);
    });
  });
});
