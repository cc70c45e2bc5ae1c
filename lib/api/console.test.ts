import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { changeConsoleFeedback, getConsoleFeedback, listConsoleFeedback, listConsoleSearchMisses } from './console';

const SITE = 'http://portal.test';
const sameSite = { origin: SITE, host: 'portal.test', 'content-type': 'application/json' };

const get = (path: string) => new Request(`${SITE}${path}`);
const patch = (id: string, body: unknown, headers: Record<string, string> = sameSite) =>
  new Request(`${SITE}/api/console/feedback/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });

describeOnBackends('console API', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let viewers: Record<'anonymous' | 'owner' | 'staff', Viewer>;

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    const account = await store.createAccount({ name: 'Owned' });
    viewers = {
      anonymous: null,
      owner: { userId: 'owner-1', email: 'owner@example.test', role: 'owner', accountId: account.id },
      staff: { userId: 'staff-1', email: 'support@example.test', role: 'staff', accountId: null },
    };
  });
  afterAll(async () => opened?.dispose());

  // Expected status of every console route for each viewer.
  const MATRIX: Record<keyof typeof viewers, Record<'list' | 'item' | 'change' | 'misses', number>> = {
    anonymous: { list: 401, item: 401, change: 401, misses: 401 },
    owner: { list: 403, item: 403, change: 403, misses: 403 },
    staff: { list: 200, item: 200, change: 200, misses: 200 },
  };
  const CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN' };

  for (const [who, expected] of Object.entries(MATRIX) as [keyof typeof viewers, (typeof MATRIX)['staff']][]) {
    it(`${who}: list ${expected.list}, item ${expected.item}, change ${expected.change}, search misses ${expected.misses}`, async () => {
      const viewer = viewers[who];
      const { id } = await store.feedback.insert({ page: '/docs/matrix', helpful: false, comment: `by ${who}` });
      const responses = {
        list: await listConsoleFeedback(get('/api/console/feedback'), viewer, store),
        item: await getConsoleFeedback(get(`/api/console/feedback/${id}`), id, viewer, store),
        change: await changeConsoleFeedback(patch(id, { status: 'done' }), id, viewer, store),
        misses: await listConsoleSearchMisses(get('/api/console/search-misses?days=30'), viewer, store),
      };
      for (const [route, response] of Object.entries(responses) as [keyof typeof responses, Response][]) {
        expect(response.status, route).toBe(expected[route]);
        if (response.status >= 400) expect((await response.json()).error.code, route).toBe(CODES[response.status]);
      }
      // Only staff's change is written, with its one audit event.
      const stored = await store.feedback.find(id);
      expect(stored!.status).toBe(who === 'staff' ? 'done' : 'new');
      expect(await store.feedback.listEvents(id)).toHaveLength(who === 'staff' ? 1 : 0);
    });
  }

  it('lists feedback newest first in the contract shape, with every filter', async () => {
    const now = Date.now();
    const first = await store.feedback.insert(
      { page: '/docs/a', helpful: true, comment: 'Clear page' },
      new Date(now + 60_000),
    );
    const second = await store.feedback.insert(
      { page: '/docs/b', helpful: false, comment: 'Where is kid?', email: 'Reader@Example.test' },
      new Date(now + 120_000),
    );
    const list = async (query: string) => {
      const response = await listConsoleFeedback(get(`/api/console/feedback${query}`), viewers.staff, store);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    };
    const response = await listConsoleFeedback(get('/api/console/feedback'), viewers.staff, store);
    const { items } = await response.json();
    expect(items[0]).toEqual({
      id: second.id,
      page: '/docs/b',
      helpful: false,
      comment: 'Where is kid?',
      createdAt: second.createdAt.toISOString(),
      status: 'new',
      email: 'Reader@Example.test',
      note: null,
      updatedAt: second.updatedAt.toISOString(),
    });
    expect(items[1].id).toBe(first.id);
    expect(await list('?page=/docs/a')).toEqual([first.id]);
    expect(await list('?helpful=false&page=/docs/b')).toEqual([second.id]);
    expect(await list('?q=READER@example')).toEqual([second.id]);
    expect(await list('?q=clear%20PAGE')).toEqual([first.id]);
    expect(await list('?status=in-progress')).toEqual([]);
    const bad = await listConsoleFeedback(get('/api/console/feedback?status=closed'), viewers.staff, store);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^status: /);
  });

  it('changes status and note with one audit event per changed field, and none when nothing changes', async () => {
    const { id } = await store.feedback.insert({ page: '/docs/c', helpful: false });
    const change = async (body: unknown) => changeConsoleFeedback(patch(id, body), id, viewers.staff, store);
    const changed = await change({ status: 'in-progress', note: 'Asked the customer for their kid' });
    expect(changed.status).toBe(200);
    expect((await changed.json()).item).toMatchObject({
      status: 'in-progress',
      note: 'Asked the customer for their kid',
    });
    expect((await change({ status: 'in-progress', note: 'Asked the customer for their kid' })).status).toBe(200);
    expect((await change({ status: 'done' })).status).toBe(200);

    const detail = await getConsoleFeedback(get(`/api/console/feedback/${id}`), id, viewers.staff, store);
    const { item, events } = await detail.json();
    expect(item.status).toBe('done');
    expect(events).toEqual([
      {
        action: 'status',
        from: 'new',
        to: 'in-progress',
        actorEmail: 'support@example.test',
        actorRole: 'staff',
        at: expect.any(String),
      },
      {
        action: 'note',
        from: null,
        to: 'Asked the customer for their kid',
        actorEmail: 'support@example.test',
        actorRole: 'staff',
        at: expect.any(String),
      },
      {
        action: 'status',
        from: 'in-progress',
        to: 'done',
        actorEmail: 'support@example.test',
        actorRole: 'staff',
        at: expect.any(String),
      },
    ]);

    const bad = await change({ status: 'closed' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^status: /);
    expect((await change({ note: 'n'.repeat(2001) })).status).toBe(400);
    const unknown = 'no-such-feedback';
    expect(
      (await changeConsoleFeedback(patch(unknown, { status: 'done' }), unknown, viewers.staff, store)).status,
    ).toBe(404);
    expect((await getConsoleFeedback(get('/x'), unknown, viewers.staff, store)).status).toBe(404);
  });

  it('refuses a change that does not come from the site itself, and writes nothing', async () => {
    const { id } = await store.feedback.insert({ page: '/docs/d', helpful: true });
    for (const headers of [
      { 'content-type': 'application/json' },
      { ...sameSite, origin: 'https://evil.test' },
      { ...sameSite, 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await changeConsoleFeedback(patch(id, { status: 'done' }, headers), id, viewers.staff, store);
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('CSRF_REJECTED');
    }
    expect((await store.feedback.find(id))!.status).toBe('new');
    expect(await store.feedback.listEvents(id)).toEqual([]);
  });

  it('redacts a secret pasted into a note', async () => {
    const { id } = await store.feedback.insert({ page: '/docs/e', helpful: true });
    const note = 'customer key {"kty":"oct","k":"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"}';
    const response = await changeConsoleFeedback(patch(id, { note }), id, viewers.staff, store);
    expect((await response.json()).item.note).toBe('customer key {"kty":"oct","k":"[private key removed]"}');
  });

  it('sums missed searches over the asked window, highest count first', async () => {
    await store.feedback.recordSearchMiss('jwks 404', 'no-result');
    await store.feedback.recordSearchMiss('JWKS 404', 'no-result');
    await store.feedback.recordSearchMiss('clock skew', 'not-opened');
    const response = await listConsoleSearchMisses(get('/api/console/search-misses?days=7'), viewers.staff, store);
    const { items } = await response.json();
    expect(items.slice(0, 2)).toEqual([
      { query: 'jwks 404', kind: 'no-result', count: 2, lastAt: expect.any(String), closest: expect.anything() },
      { query: 'clock skew', kind: 'not-opened', count: 1, lastAt: expect.any(String), closest: expect.anything() },
    ]);
    expect(new Date(items[0].lastAt).toISOString()).toBe(items[0].lastAt);
    for (const days of ['0', '366', 'soon'])
      expect(
        (await listConsoleSearchMisses(get(`/api/console/search-misses?days=${days}`), viewers.staff, store)).status,
      ).toBe(400);
  });
});
