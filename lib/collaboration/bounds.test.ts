import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/connect';
import { COLLABORATION_SESSION_ROW_OVERHEAD_BYTES } from '@/lib/db/schema';
import { describeOnBackends } from '@/lib/db/test-databases';
import { createCollaborationService, type CreateResult, type CollaborationService } from './service';
import { collaborationSessionSize } from './store';
import { StreamSlots } from './streams';

let counter = 0;
/** Document ids of one length, so that sessions of one key hint and content have one size. */
const newDocument = () => `bound-${String(process.pid).padStart(7, '0')}-${String(counter++).padStart(6, '0')}`;
const CONTENT = 'c'.repeat(1000);
/** What one session of this suite takes: all have a 6-character key hint and CONTENT. */
const ONE = collaborationSessionSize(newDocument(), 'hint-0', CONTENT);

type Rows<T> = { rows: T[] };

describeOnBackends('collaboration session bounds', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  const services: CollaborationService[] = [];

  /** A service on this suite's database with these bounds (the idle time an hour, as in production). */
  function serviceWith(
    settings: { storageBytes?: number; createsPerClientPerHour?: number | false },
    database: OpenDatabase = opened,
  ): CollaborationService {
    const service = createCollaborationService(database, { idleSeconds: 3600, ...settings });
    services.push(service);
    return service;
  }

  const used = async () =>
    (
      (await opened.db.execute(
        sql`SELECT used_bytes::float8 AS used FROM collaboration_session_storage`,
      )) as unknown as Rows<{ used: number }>
    ).rows[0]!.used;
  const summed = async () =>
    (
      (await opened.db.execute(
        sql`SELECT coalesce(sum(size_bytes), 0)::float8 AS total FROM collaboration_sessions`,
      )) as unknown as Rows<{ total: number }>
    ).rows[0]!.total;
  const backdate = (documentId: string, seconds: number) =>
    opened.db.execute(
      sql`UPDATE collaboration_sessions SET last_active_at = now() - ${seconds} * interval '1 second' WHERE document_id = ${documentId}`,
    );
  const exists = async (documentId: string) =>
    (
      (await opened.db.execute(
        sql`SELECT 1 FROM collaboration_sessions WHERE document_id = ${documentId}`,
      )) as unknown as Rows<unknown>
    ).rows.length === 1;

  beforeAll(async () => {
    opened = await backend.open();
  });
  beforeEach(async () => {
    // Each test starts with no sessions stored, so that it knows what its bound leaves room for.
    await opened.db.execute(sql`DELETE FROM collaboration_sessions`);
  });
  afterAll(async () => {
    for (const service of services) await service.close();
    await opened?.dispose();
  });

  describe('storage', () => {
    it('counts a session as the database does, and keeps the sum of every write, replacement and deletion', async () => {
      const service = serviceWith({});
      const [plain, empty, wide] = [newDocument(), newDocument(), newDocument()];
      await service.create(plain, { keyHint: 'hint-0', content: CONTENT });
      await service.create(empty, { keyHint: 'k' });
      await service.create(wide, { keyHint: 'k', content: 'é€😀' });
      const sizes = (await opened.db.execute(
        sql`SELECT document_id, size_bytes FROM collaboration_sessions ORDER BY document_id`,
      )) as unknown as Rows<{ document_id: string; size_bytes: number }>;
      expect(sizes.rows).toEqual([
        { document_id: plain, size_bytes: collaborationSessionSize(plain, 'hint-0', CONTENT) },
        { document_id: empty, size_bytes: collaborationSessionSize(empty, 'k', undefined) },
        { document_id: wide, size_bytes: collaborationSessionSize(wide, 'k', 'é€😀') },
      ]);
      expect(collaborationSessionSize(wide, 'k', 'é€😀')).toBe(
        wide.length + 1 + 2 + 3 + 4 + COLLABORATION_SESSION_ROW_OVERHEAD_BYTES,
      );
      expect(await used()).toBe(await summed());

      await backdate(plain, 7200);
      await service.create(plain, { keyHint: 'longer-hint', content: 'x' });
      expect(await used()).toBe(await summed());
      await service.store.findLive(empty);
      await backdate(empty, 7200);
      expect(await service.store.purgeExpired()).toBe(1);
      expect(await used()).toBe(await summed());
      await opened.db.execute(sql`DELETE FROM collaboration_sessions`);
      expect(await used()).toBe(0);
    });

    it('refuses a create with no room (507), storing nothing and changing nothing', async () => {
      const service = serviceWith({ storageBytes: 3 * ONE });
      const stored = [newDocument(), newDocument(), newDocument()];
      for (const documentId of stored)
        expect(await service.create(documentId, { keyHint: 'hint-0', content: CONTENT })).toEqual({
          outcome: 'created',
          keyHint: 'hint-0',
        });
      expect(await used()).toBe(3 * ONE);
      const refused = newDocument();
      expect(await service.create(refused, { keyHint: 'hint-0', content: CONTENT })).toEqual({
        outcome: 'storage-full',
        storageBytes: 3 * ONE,
      });
      expect(await exists(refused)).toBe(false);
      expect(await used()).toBe(3 * ONE);
      // A creator of a document that has a session is still told the winner: a loser stores nothing.
      expect(await service.create(stored[0]!, { keyHint: 'late' })).toEqual({ outcome: 'rejected', keyHint: 'hint-0' });
      // And the refused document is not announced to anyone.
      const told: string[] = [];
      (await service.watch(refused, (keyHint) => told.push(keyHint)))();
      expect(told).toEqual([]);
    });

    it('answers a crowd of creators of one document that has no room after one attempt in the database', async () => {
      const service = serviceWith({ storageBytes: ONE });
      await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT });
      const attempts = vi.spyOn(service.store, 'create');
      const documentId = newDocument();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => service.create(documentId, { keyHint: 'hint-0', content: CONTENT })),
      );
      expect(attempts).toHaveBeenCalledTimes(1);
      attempts.mockRestore();
      expect(results).toEqual(results.map(() => ({ outcome: 'storage-full', storageBytes: ONE })));
    });

    it('makes room by evicting the sessions idle longest, expired ones only, and never a live one', async () => {
      const service = serviceWith({ storageBytes: 4 * ONE });
      const [oldest, older, live, recent] = [newDocument(), newDocument(), newDocument(), newDocument()];
      for (const documentId of [oldest, older, live, recent])
        await service.create(documentId, { keyHint: 'hint-0', content: CONTENT });
      await backdate(oldest, 9000);
      await backdate(older, 8000);
      // Idle for almost the idle time, but not past it: live, and least recently active of the live ones.
      await backdate(live, 3500);

      const first = newDocument();
      expect(await service.create(first, { keyHint: 'hint-0', content: CONTENT })).toEqual({
        outcome: 'created',
        keyHint: 'hint-0',
      });
      expect([await exists(oldest), await exists(older), await exists(live), await exists(recent)]).toEqual([
        false,
        true,
        true,
        true,
      ]);

      // A bigger session needs two sessions' room: only one expired session is left, so nothing is evicted and the create is refused.
      const big = newDocument();
      expect(await service.create(big, { keyHint: 'hint-0', content: CONTENT.repeat(2) })).toEqual({
        outcome: 'storage-full',
        storageBytes: 4 * ONE,
      });
      expect(await exists(older)).toBe(true);

      const second = newDocument();
      expect(await service.create(second, { keyHint: 'hint-0', content: CONTENT })).toEqual({
        outcome: 'created',
        keyHint: 'hint-0',
      });
      expect(await exists(older)).toBe(false);

      // Only live sessions are left: no room, whichever is idle longest.
      expect(await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT })).toEqual({
        outcome: 'storage-full',
        storageBytes: 4 * ONE,
      });
      for (const documentId of [live, recent, first, second])
        expect(await service.store.findLive(documentId)).toBe('hint-0');
      expect(await used()).toBe(4 * ONE);
    });

    it('replaces an expired session in place when the new one fits where the old one was', async () => {
      const service = serviceWith({ storageBytes: 2 * ONE });
      const [expired, live] = [newDocument(), newDocument()];
      await service.create(expired, { keyHint: 'hint-0', content: CONTENT });
      await service.create(live, { keyHint: 'hint-0', content: CONTENT });
      await backdate(expired, 7200);
      expect(await service.create(expired, { keyHint: 'hint-1', content: CONTENT })).toEqual({
        outcome: 'created',
        keyHint: 'hint-1',
      });
      expect(await service.store.findLive(live)).toBe('hint-0');
      expect(await used()).toBe(2 * ONE);
    });

    it('lets concurrent creators of different documents store no more than the bound together', async () => {
      const service = serviceWith({ storageBytes: 5 * ONE });
      const results = await Promise.all(
        Array.from({ length: 40 }, () => service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT })),
      );
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(5);
      expect(results.filter((result) => result.outcome === 'storage-full')).toHaveLength(35);
      expect(await used()).toBe(5 * ONE);
      expect(await summed()).toBe(5 * ONE);
    });

    it('keeps one winner among 200 concurrent creators of one document, with room and without', async () => {
      const service = serviceWith({ storageBytes: 2 * ONE });
      const documentId = newDocument();
      const race = (id: string) =>
        Promise.all(Array.from({ length: 200 }, (_, index) => service.store.create(id, `hint-${index % 10}`, CONTENT)));
      const results = await race(documentId);
      const winners = results.filter((result) => result.outcome === 'created');
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => result.outcome === 'rejected')).toHaveLength(199);
      expect(await used()).toBe(ONE);

      await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT });
      const refused = newDocument();
      expect(new Set((await race(refused)).map((result) => result.outcome))).toEqual(new Set(['storage-full']));
      expect(await exists(refused)).toBe(false);
      expect(await used()).toBe(2 * ONE);
    });

    it('never evicts a session that a creator has just been told it won, while others make room concurrently', async () => {
      const service = serviceWith({ storageBytes: 10 * ONE });
      const expired = Array.from({ length: 10 }, () => newDocument());
      for (const documentId of expired) await service.create(documentId, { keyHint: 'hint-0', content: CONTENT });
      for (const documentId of expired) await backdate(documentId, 7200);
      // New documents need the expired sessions' room; creators of the expired documents replace them in place.
      const fresh = Array.from({ length: 15 }, () => newDocument());
      const attempts: Array<[string, Promise<CreateResult>]> = [
        ...fresh.map(
          (documentId) =>
            [documentId, service.store.create(documentId, 'hint-1', CONTENT)] as [string, Promise<CreateResult>],
        ),
        ...expired.map(
          (documentId) =>
            [documentId, service.store.create(documentId, 'hint-2', CONTENT)] as [string, Promise<CreateResult>],
        ),
      ];
      const settled = await Promise.all(
        attempts.map(async ([documentId, result]) => [documentId, await result] as const),
      );
      const won = settled.filter(([, result]) => result.outcome === 'created');
      expect(won).toHaveLength(10);
      for (const [documentId, result] of won)
        expect(await service.store.findLive(documentId)).toBe((result as { keyHint: string }).keyHint);
      expect(await used()).toBe(10 * ONE);
    });
  });

  describe('creates per client', () => {
    it('counts only creates that store a session, then refuses with the limit and when to retry', async () => {
      const service = serviceWith({ createsPerClientPerHour: 3 });
      const client = `198.51.100.${counter++ % 250}`;
      const documents = [newDocument(), newDocument(), newDocument()];
      for (const documentId of documents)
        expect((await service.create(documentId, { keyHint: 'k' }, client)).outcome).toBe('created');
      // Losing to an existing session stores nothing and costs nothing, also over the limit.
      expect(await service.create(documents[0]!, { keyHint: 'other' }, client)).toEqual({
        outcome: 'rejected',
        keyHint: 'k',
      });
      const refused = await service.create(newDocument(), { keyHint: 'k' }, client);
      expect(refused).toEqual({ outcome: 'over-quota', limit: 3, retryAfterSeconds: expect.any(Number) });
      // The count is per hour: the wait is what is left of the client's hour.
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(3600);
      expect(await service.create(documents[1]!, { keyHint: 'other' }, client)).toEqual({
        outcome: 'rejected',
        keyHint: 'k',
      });
      // Another client has its own count.
      expect((await service.create(newDocument(), { keyHint: 'k' }, `${client}0`)).outcome).toBe('created');
    });

    it('does not count races lost, refusals for want of room, or a burst past the limit', async () => {
      const service = serviceWith({ createsPerClientPerHour: 3, storageBytes: 4 * ONE });
      const client = `203.0.113.${counter++ % 250}`;
      // Lost races: one client's creators of one document; one of them wins.
      const contested = newDocument();
      const race = await Promise.all(
        Array.from({ length: 10 }, () => service.create(contested, { keyHint: 'hint-0', content: CONTENT }, client)),
      );
      expect(race.filter((result) => result.outcome === 'created')).toHaveLength(1);
      // A concurrent burst of creates of different documents: exactly the two left of the limit store anything.
      const burst = await Promise.all(
        Array.from({ length: 10 }, () =>
          service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, client),
        ),
      );
      expect(burst.filter((result) => result.outcome === 'created')).toHaveLength(2);
      expect(burst.filter((result) => result.outcome === 'over-quota')).toHaveLength(8);
      expect(await used()).toBe(3 * ONE);

      // Another client fills the last room, then is refused for want of room; that refusal does not count.
      const other = `${client}1`;
      expect((await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, other)).outcome).toBe(
        'created',
      );
      expect((await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, other)).outcome).toBe(
        'storage-full',
      );
      await opened.db.execute(sql`DELETE FROM collaboration_sessions`);
      expect((await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, other)).outcome).toBe(
        'created',
      );
      expect((await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, other)).outcome).toBe(
        'created',
      );
      expect((await service.create(newDocument(), { keyHint: 'hint-0', content: CONTENT }, other)).outcome).toBe(
        'over-quota',
      );
    });

    it('counts nobody when the limit is off, and no caller that names no client', async () => {
      const off = serviceWith({ createsPerClientPerHour: false });
      for (let index = 0; index < 5; index++)
        expect((await off.create(newDocument(), { keyHint: 'k' }, 'one-client')).outcome).toBe('created');
      const limited = serviceWith({ createsPerClientPerHour: 1 });
      for (let index = 0; index < 3; index++)
        expect((await limited.create(newDocument(), { keyHint: 'k' })).outcome).toBe('created');
    });
  });

  if (backend.name === 'postgres') {
    describe('across two processes sharing PostgreSQL', () => {
      let second: OpenDatabase;
      beforeAll(async () => {
        second = await openDatabase({ url: opened.url });
      });
      afterAll(async () => {
        await second?.close();
      });

      it('keeps the storage bound and the per-client count over both connection pools', async () => {
        const here = serviceWith({ storageBytes: 6 * ONE, createsPerClientPerHour: 4 });
        const there = serviceWith({ storageBytes: 6 * ONE, createsPerClientPerHour: 4 }, second);
        const results = await Promise.all(
          Array.from({ length: 60 }, (_, index) =>
            (index % 2 ? here : there).create(
              newDocument(),
              { keyHint: 'hint-0', content: CONTENT },
              `client-${index % 3}`,
            ),
          ),
        );
        // Three clients with four creates each could store 12 sessions; there is room for six.
        expect(results.filter((result) => result.outcome === 'created')).toHaveLength(6);
        expect(await used()).toBe(6 * ONE);
        expect(await summed()).toBe(6 * ONE);

        await opened.db.execute(sql`DELETE FROM collaboration_sessions`);
        const more = await Promise.all(
          Array.from({ length: 60 }, (_, index) =>
            (index % 2 ? here : there).create(
              newDocument(),
              { keyHint: 'hint-0', content: CONTENT },
              `client-${index % 3}`,
            ),
          ),
        );
        // Six stored already, in all: twelve is every client's limit, over both processes.
        expect(more.filter((result) => result.outcome === 'created')).toHaveLength(6);
        expect(more.filter((result) => result.outcome === 'over-quota')).toHaveLength(54);
      });
    });
  }
});

describe('stream slots', () => {
  it('caps streams per client and per process, and gives a slot back once, however often it is released', () => {
    const slots = new StreamSlots(2, 3);
    const a1 = slots.open('a');
    const a2 = slots.open('a');
    expect([a1.ok, a2.ok]).toEqual([true, true]);
    expect(slots.open('a')).toEqual({ ok: false, cap: 'client', limit: 2 });
    const b1 = slots.open('b');
    expect(b1.ok).toBe(true);
    expect(slots.open('c')).toEqual({ ok: false, cap: 'process', limit: 3 });
    if (!a1.ok) throw new Error('unreachable');
    a1.release();
    a1.release();
    expect([slots.count(), slots.count('a')]).toEqual([2, 1]);
    expect(slots.open('c').ok).toBe(true);
    expect(slots.open('c')).toEqual({ ok: false, cap: 'process', limit: 3 });
  });

  it('has no per-client cap when told so', () => {
    const slots = new StreamSlots(undefined, 5);
    expect(Array.from({ length: 6 }, () => slots.open('a').ok)).toEqual([true, true, true, true, true, false]);
  });
});
