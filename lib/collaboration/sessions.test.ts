import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/connect';
import { describeOnBackends } from '@/lib/db/test-databases';
import { createCollaborationService, type CollaborationService } from './service';
import type { CreateOutcome, CollaborationStore } from './store';

let counter = 0;
const newDocument = () => `doc-${process.pid}-${Date.now()}-${counter++}`;

/** store.create, which with this suite's storage bound (the default) always decides: created or rejected. */
async function decide(store: CollaborationStore, documentId: string, keyHint: string): Promise<CreateOutcome> {
  const result = await store.create(documentId, keyHint, undefined);
  if (result.outcome === 'storage-full') throw new Error('This suite expects room for every session.');
  return result;
}

/** Resolves when `check` holds, polling the event loop (notifications arrive asynchronously). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describeOnBackends('collaboration sessions', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let service: CollaborationService;

  beforeAll(async () => {
    opened = await backend.open();
    service = createCollaborationService(opened, { idleSeconds: 3600 });
  });
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  it('lets the first creator win and rejects every later one with the winner key hint', async () => {
    const documentId = newDocument();
    expect(await service.create(documentId, { keyHint: 'winner', content: 'initial' })).toEqual({
      outcome: 'created',
      keyHint: 'winner',
    });
    expect(await service.create(documentId, { keyHint: 'late' })).toEqual({ outcome: 'rejected', keyHint: 'winner' });
    expect(await service.create(newDocument(), { keyHint: 'other' })).toEqual({ outcome: 'created', keyHint: 'other' });
  });

  it('lets the database pick exactly one of 200 concurrent creators', async () => {
    const documentId = newDocument();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => decide(service.store, documentId, `hint-${index}`)),
    );
    const winners = results.filter((result) => result.outcome === 'created');
    expect(winners).toHaveLength(1);
    expect(new Set(results.map((result) => result.keyHint))).toEqual(new Set([winners[0]!.keyHint]));
  });

  it('sends one attempt to the database for creators that arrive while one is in flight', async () => {
    const documentId = newDocument();
    const attempts = vi.spyOn(service.store, 'create');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => service.create(documentId, { keyHint: `hint-${index}` })),
    );
    expect(attempts).toHaveBeenCalledTimes(1);
    attempts.mockRestore();
    expect(results[0]).toEqual({ outcome: 'created', keyHint: 'hint-0' });
    expect(results.slice(1)).toEqual(results.slice(1).map(() => ({ outcome: 'rejected', keyHint: 'hint-0' })));
  });

  it('lets a waiting creator try for itself when the attempt it waited for failed', async () => {
    const documentId = newDocument();
    const attempts = vi.spyOn(service.store, 'create').mockRejectedValueOnce(new Error('connection lost'));
    const [first, second] = await Promise.allSettled([
      service.create(documentId, { keyHint: 'unlucky' }),
      service.create(documentId, { keyHint: 'next' }),
    ]);
    attempts.mockRestore();
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: { outcome: 'created', keyHint: 'next' } });
  });

  it('replaces a session idle longer than the idle time, and keeps one that is not', async () => {
    const documentId = newDocument();
    await service.create(documentId, { keyHint: 'old' });
    await opened.db.execute(
      sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '3599 seconds' WHERE document_id = ${documentId}`,
    );
    expect(await service.create(documentId, { keyHint: 'new' })).toEqual({ outcome: 'rejected', keyHint: 'old' });
    await opened.db.execute(
      sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '3601 seconds' WHERE document_id = ${documentId}`,
    );
    expect(await service.store.findLive(documentId)).toBeUndefined();
    expect(await service.create(documentId, { keyHint: 'new' })).toEqual({ outcome: 'created', keyHint: 'new' });
    expect(await service.store.findLive(documentId)).toBe('new');
  });

  it('lets exactly one of many concurrent creators replace an expired session', async () => {
    const documentId = newDocument();
    await service.create(documentId, { keyHint: 'expired' });
    await opened.db.execute(
      sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '2 hours' WHERE document_id = ${documentId}`,
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => decide(service.store, documentId, `successor-${index}`)),
    );
    const winners = results.filter((result) => result.outcome === 'created');
    expect(winners).toHaveLength(1);
    expect(new Set(results.map((result) => result.keyHint))).toEqual(new Set([winners[0]!.keyHint]));
  });

  it('records activity from late creators and watchers at most once a minute', async () => {
    const documentId = newDocument();
    await service.create(documentId, { keyHint: 'active' });
    const idleFor = async () => {
      const result = (await opened.db.execute(
        sql`SELECT extract(epoch FROM now() - last_active_at)::float AS idle FROM collaboration_sessions WHERE document_id = ${documentId}`,
      )) as unknown as { rows: { idle: number }[] };
      return result.rows[0]!.idle;
    };
    const backdate = (seconds: number) =>
      opened.db.execute(
        sql`UPDATE collaboration_sessions SET last_active_at = now() - ${seconds} * interval '1 second' WHERE document_id = ${documentId}`,
      );

    await backdate(30);
    expect(await service.create(documentId, { keyHint: 'late' })).toEqual({ outcome: 'rejected', keyHint: 'active' });
    expect(await idleFor()).toBeGreaterThanOrEqual(30);

    await backdate(3000);
    expect(await service.create(documentId, { keyHint: 'late' })).toEqual({ outcome: 'rejected', keyHint: 'active' });
    expect(await idleFor()).toBeLessThan(30);

    await backdate(3000);
    (await service.watch(documentId, () => undefined))();
    expect(await idleFor()).toBeLessThan(30);
  });

  it('purges expired sessions only', async () => {
    const [expired, live] = [newDocument(), newDocument()];
    await service.create(expired, { keyHint: 'a' });
    await service.create(live, { keyHint: 'b' });
    await opened.db.execute(
      sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '2 hours' WHERE document_id = ${expired}`,
    );
    expect(await service.store.purgeExpired()).toBe(1);
    expect(await service.store.findLive(live)).toBe('b');
    expect(await service.create(expired, { keyHint: 'c' })).toEqual({ outcome: 'created', keyHint: 'c' });
  });

  it('tells a watcher of an existing session at once, exactly once', async () => {
    const documentId = newDocument();
    await service.create(documentId, { keyHint: 'there' });
    const told: string[] = [];
    const stop = await service.watch(documentId, (keyHint) => told.push(keyHint));
    expect(told).toEqual(['there']);
    stop();
    expect(service.notifications.size()).toBe(0);
  });

  it('tells every watcher of a document once when the session is created, and no one else', async () => {
    const documentId = newDocument();
    const told = Array.from({ length: 5 }, () => [] as string[]);
    const otherDocument: string[] = [];
    const stops = await Promise.all(told.map((list) => service.watch(documentId, (keyHint) => list.push(keyHint))));
    const stopOther = await service.watch(newDocument(), (keyHint) => otherDocument.push(keyHint));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => decide(service.store, documentId, `racer-${index}`)),
    );
    const winner = results.find((result) => result.outcome === 'created')!.keyHint;
    await until(() => told.every((list) => list.length > 0));
    // A second announcement for the same document would have been delivered by now: the notification queue is ordered.
    const marker = newDocument();
    let markerSeen = false;
    const stopMarker = await service.watch(marker, () => (markerSeen = true));
    await service.create(marker, { keyHint: 'marker' });
    await until(() => markerSeen);
    expect(told).toEqual(told.map(() => [winner]));
    expect(otherDocument).toEqual([]);
    for (const stop of [...stops, stopOther, stopMarker]) stop();
    expect(service.notifications.size()).toBe(0);
  });

  it('announces a creation once on the database channel, never a rejection', async () => {
    const documentId = newDocument();
    const marker = newDocument();
    const heard: Array<string | undefined> = [];
    let markerHeard = false;
    const stop = await service.notifications.subscribe(documentId, (keyHint) => heard.push(keyHint));
    const stopMarker = await service.notifications.subscribe(marker, () => (markerHeard = true));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => decide(service.store, documentId, `racer-${index}`)),
    );
    await service.create(documentId, { keyHint: 'late' });
    // Announcements arrive in commit order, so once the marker's is heard, any for the document would have been too.
    await service.create(marker, { keyHint: 'marker' });
    await until(() => markerHeard);
    expect(heard).toEqual([results.find((result) => result.outcome === 'created')!.keyHint]);
    stop();
    stopMarker();
  });

  it('stops telling a watcher that has gone away', async () => {
    const documentId = newDocument();
    const told: string[] = [];
    const stop = await service.watch(documentId, (keyHint) => told.push(keyHint));
    stop();
    await service.create(documentId, { keyHint: 'unheard' });
    const after: string[] = [];
    await service.watch(documentId, (keyHint) => after.push(keyHint));
    expect(after).toEqual(['unheard']);
    expect(told).toEqual([]);
  });

  if (backend.name === 'postgres') {
    describe('across two processes sharing PostgreSQL', () => {
      let second: OpenDatabase;
      let secondService: CollaborationService;
      beforeAll(async () => {
        second = await openDatabase({ url: opened.url });
        secondService = createCollaborationService(second, { idleSeconds: 3600 });
      });
      afterAll(async () => {
        await secondService?.close();
        await second?.close();
      });

      it('lets exactly one creator win over both connection pools and tells watchers in both', async () => {
        const documentId = newDocument();
        const toldHere: string[] = [];
        const toldThere: string[] = [];
        const stops = [
          await service.watch(documentId, (keyHint) => toldHere.push(keyHint)),
          await secondService.watch(documentId, (keyHint) => toldThere.push(keyHint)),
        ];
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, index) =>
            decide((index % 2 ? service : secondService).store, documentId, `hint-${index}`),
          ),
        );
        const winners = results.filter((result) => result.outcome === 'created');
        expect(winners).toHaveLength(1);
        expect(new Set(results.map((result) => result.keyHint)).size).toBe(1);
        await until(() => toldHere.length > 0 && toldThere.length > 0);
        expect([toldHere, toldThere]).toEqual([[winners[0]!.keyHint], [winners[0]!.keyHint]]);
        for (const stop of stops) stop();
      });

      it('still tells a watcher when the listening connection is cut, reconnecting and reading again', async () => {
        const documentId = newDocument();
        const told: string[] = [];
        const stop = await service.watch(documentId, (keyHint) => told.push(keyHint));
        const cut = await second.pool!.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN rtc_doctor_sessions' AND pid <> pg_backend_pid()",
        );
        // The listeners are cut; the creation lands while they reconnect, or after.
        expect(cut.rowCount).toBeGreaterThanOrEqual(1);
        await decide(secondService.store, documentId, 'after-the-cut');
        await until(() => told.length > 0);
        const marker = newDocument();
        let markerSeen = false;
        const stopMarker = await service.watch(marker, () => (markerSeen = true));
        await decide(secondService.store, marker, 'marker');
        await until(() => markerSeen);
        expect(told).toEqual(['after-the-cut']);
        stop();
        stopMarker();
      });

      it('lets exactly one creator over both pools replace an expired session', async () => {
        const documentId = newDocument();
        await service.create(documentId, { keyHint: 'expired' });
        await opened.db.execute(
          sql`UPDATE collaboration_sessions SET last_active_at = now() - interval '2 hours' WHERE document_id = ${documentId}`,
        );
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            decide((index % 2 ? service : secondService).store, documentId, `successor-${index}`),
          ),
        );
        expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
        expect(new Set(results.map((result) => result.keyHint)).size).toBe(1);
      });
    });
  }
});
