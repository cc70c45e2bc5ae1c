import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { JWT, leakedPattern, PEM, textWithSecrets } from '@/lib/redact/secret-samples';
import { feedback, searchMisses } from './schema';
import { Store } from './store';
import { describeOnBackends, storeSuite } from './test-databases';

const staff = { id: 'staff-1', email: 'support@example.test', role: 'staff' };
const DAY = 86_400_000;

describeOnBackends('feedback storage', (backend) => {
  const suite = storeSuite(backend);

  it('stores feedback as new, with its comment redacted, and finds it', async () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const stored = await suite.store.feedback.insert(
      { page: '/docs/errors/token-expired', helpful: false, comment: `mine: ${JWT}`, email: 'r@example.test' },
      at,
    );
    expect(stored).toMatchObject({ status: 'new', note: null, createdAt: at, updatedAt: at });
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    const found = await suite.store.feedback.find(stored.id);
    expect(found!.comment).toMatch(
      /^mine: \[JWT header \{"alg":"RS256","kid":"k1"\} payload .* \[signature removed\]\]$/,
    );
    expect(found!.email).toBe('r@example.test');
    expect(await suite.store.feedback.find('no-such-id')).toBeUndefined();
  });

  it('lists newest first with each filter, and treats % and _ in the text literally', async () => {
    const base = new Date('2026-04-01T00:00:00Z').getTime();
    const rows = [
      await suite.store.feedback.insert({ page: '/docs/f1', helpful: true, comment: '100% clear' }, new Date(base)),
      await suite.store.feedback.insert({ page: '/docs/f2', helpful: false, comment: 'a_b' }, new Date(base + 1000)),
      await suite.store.feedback.insert(
        { page: '/docs/f1', helpful: false, email: 'Help@Example.test' },
        new Date(base + 2000),
      ),
    ];
    await suite.store.feedback.update(rows[0]!.id, { status: 'in-progress', note: 'Needs an EXAMPLE' }, staff);
    const ids = async (filter: Parameters<Store['feedback']['list']>[0]) =>
      (await suite.store.feedback.list(filter)).map((row) => row.id).filter((id) => rows.some((row) => row.id === id));
    expect(await ids({})).toEqual([rows[2]!.id, rows[1]!.id, rows[0]!.id]);
    expect(await ids({ page: '/docs/f1' })).toEqual([rows[2]!.id, rows[0]!.id]);
    expect(await ids({ helpful: false, page: '/docs/f1' })).toEqual([rows[2]!.id]);
    expect(await ids({ status: 'in-progress' })).toEqual([rows[0]!.id]);
    expect(await ids({ q: '100%' })).toEqual([rows[0]!.id]);
    expect(await ids({ q: '0% c' })).toEqual([rows[0]!.id]);
    expect(await ids({ q: 'a_b' })).toEqual([rows[1]!.id]);
    expect(await ids({ q: 'axb' })).toEqual([]);
    expect(await ids({ q: 'help@example' })).toEqual([rows[2]!.id]);
    expect(await ids({ q: 'an example' })).toEqual([rows[0]!.id]);
    expect(await ids({ q: 'DOCS/F2' })).toEqual([rows[1]!.id]);
    expect(await suite.store.feedback.list({}, 2)).toHaveLength(2);
  });

  it('writes one event per changed field, none for an unchanged one, and clears a note with an empty one', async () => {
    const { id, updatedAt } = await suite.store.feedback.insert({ page: '/docs/u', helpful: true }, new Date(0));
    const unchanged = await suite.store.feedback.update(id, { status: 'new' }, staff);
    expect(unchanged!.updatedAt).toEqual(updatedAt);
    expect(await suite.store.feedback.listEvents(id)).toEqual([]);

    const changed = await suite.store.feedback.update(id, { status: 'done', note: `key ${PEM}` }, staff);
    expect(changed).toMatchObject({ status: 'done', note: 'key [private key removed]\n' });
    expect(changed!.updatedAt.getTime()).toBeGreaterThan(updatedAt.getTime());
    await suite.store.feedback.update(id, { note: 'key [private key removed]\n' }, staff);
    await suite.store.feedback.update(id, { note: '  ' }, staff);
    expect((await suite.store.feedback.find(id))!.note).toBeNull();
    const events = await suite.store.feedback.listEvents(id);
    expect(events.map((event) => [event.action, event.fromValue, event.toValue])).toEqual([
      ['status', 'new', 'done'],
      ['note', null, 'key [private key removed]\n'],
      ['note', 'key [private key removed]\n', null],
    ]);
    expect(events[0]).toMatchObject({ actorId: 'staff-1', actorEmail: 'support@example.test', actorRole: 'staff' });
    expect(await suite.store.feedback.update('no-such-id', { status: 'done' }, staff)).toBeUndefined();

    // The audit log goes with its feedback.
    await suite.opened.db.delete(feedback).where(eq(feedback.id, id));
    expect(await suite.store.feedback.listEvents(id)).toEqual([]);
  });

  it('counts missed searches per normalised query, kind and day, and sums a window of days', async () => {
    const now = new Date('2026-05-31T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    await suite.store.feedback.recordSearchMiss('Refresh  Token', 'no-result', daysAgo(0));
    await suite.store.feedback.recordSearchMiss('refresh token', 'no-result', daysAgo(0));
    await suite.store.feedback.recordSearchMiss(' REFRESH token', 'no-result', daysAgo(3));
    await suite.store.feedback.recordSearchMiss('refresh token', 'not-opened', daysAgo(1));
    await suite.store.feedback.recordSearchMiss('old query', 'no-result', daysAgo(40));
    expect(await suite.store.feedback.recordSearchMiss(' \n ', 'no-result', now)).toBe(false);

    const rows = await suite.opened.db.select().from(searchMisses);
    expect(
      rows
        .filter((row) => row.query === 'refresh token')
        .map((row) => [row.kind, row.day, row.count])
        .sort(),
    ).toEqual([
      ['no-result', '2026-05-28', 1],
      ['no-result', '2026-05-31', 2],
      ['not-opened', '2026-05-30', 1],
    ]);
    expect(rows.some((row) => row.query === '')).toBe(false);

    const totals = await suite.store.feedback.searchMissTotals(30, 100, now);
    expect(totals.map(({ query, kind, count }) => [query, kind, count])).toEqual([
      ['refresh token', 'no-result', 3],
      ['refresh token', 'not-opened', 1],
    ]);
    expect(totals[0]!.lastAt.toISOString()).toBe(now.toISOString());
    expect((await suite.store.feedback.searchMissTotals(1, 100, now)).map((total) => total.count)).toEqual([2]);
    expect((await suite.store.feedback.searchMissTotals(41, 1, now)).map((total) => total.query)).toEqual([
      'refresh token',
    ]);
  });

  it('never stores a token or private key, whatever the comment, note or query (read back from the database)', async () => {
    await fc.assert(
      fc.asyncProperty(textWithSecrets, textWithSecrets, textWithSecrets, async (comment, note, query) => {
        const { id } = await suite.store.feedback.insert({
          page: '/docs/p',
          helpful: false,
          comment: comment.slice(0, 2000),
        });
        await suite.store.feedback.update(id, { note: note.slice(0, 2000) }, staff);
        await suite.store.feedback.recordSearchMiss(query.slice(0, 200), 'no-result');
        const row = (await suite.store.feedback.find(id))!;
        for (const text of [row.comment ?? '', row.note ?? '']) expect(leakedPattern(text), text).toBeUndefined();
        for (const event of await suite.store.feedback.listEvents(id))
          expect(leakedPattern(`${event.fromValue} ${event.toValue}`)).toBeUndefined();
        for (const miss of await suite.opened.db.select().from(searchMisses))
          expect(leakedPattern(miss.query), miss.query).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});
