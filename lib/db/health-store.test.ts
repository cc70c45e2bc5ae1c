import { expect, it } from 'vitest';
import { daysOf, firstDayOf, utcDay } from './days';
import { helpfulRatio } from './feedback-store';
import { users } from './schema';
import { describeOnBackends, storeSuite } from './test-databases';

const DAY = 86_400_000;
const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

it('names UTC days and the windows that end with one', () => {
  expect(utcDay(new Date('2026-06-30T23:59:59Z'))).toBe('2026-06-30');
  expect(firstDayOf(7, now)).toBe('2026-06-24');
  expect(firstDayOf(1, now)).toBe('2026-06-30');
  expect(daysOf(3, now)).toEqual(['2026-06-28', '2026-06-29', '2026-06-30']);
  expect(daysOf(30, now)).toHaveLength(30);
});

it('gives the share of yes votes, and none before any vote', () => {
  expect(helpfulRatio({ views: 9, helpful: 3, unhelpful: 1 })).toBe(0.75);
  expect(helpfulRatio({ views: 9, helpful: 0, unhelpful: 0 })).toBeUndefined();
});

describeOnBackends('docs health and account figures', (backend) => {
  const suite = storeSuite(backend);

  it('sums form views and votes per page over 7 and 30 days, most unhelpful first', async () => {
    const vote = (page: string, helpful: boolean, at: Date) => suite.store.feedback.insert({ page, helpful }, at);
    await suite.store.feedback.recordFormView('/docs/h-a', daysAgo(1));
    await suite.store.feedback.recordFormView('/docs/h-a', daysAgo(1));
    await suite.store.feedback.recordFormView('/docs/h-a', daysAgo(20));
    await vote('/docs/h-a', true, daysAgo(0));
    await vote('/docs/h-a', false, daysAgo(10));
    await vote('/docs/h-a', false, daysAgo(40)); // outside both windows
    await vote('/docs/h-b', false, daysAgo(2));
    await vote('/docs/h-b', false, daysAgo(3));
    await vote('/docs/h-c', true, daysAgo(5));
    await suite.store.feedback.recordFormView('/docs/h-d', daysAgo(6)); // seen, never answered

    const health = (await suite.store.feedback.pageHealth(now)).filter((row) => row.page.startsWith('/docs/h-'));
    expect(health.map((row) => row.page)).toEqual(['/docs/h-b', '/docs/h-a', '/docs/h-c', '/docs/h-d']);
    expect(health.find((row) => row.page === '/docs/h-a')).toEqual({
      page: '/docs/h-a',
      last7Days: { views: 2, helpful: 1, unhelpful: 0 },
      last30Days: { views: 3, helpful: 1, unhelpful: 1 },
    });
    expect(health.find((row) => row.page === '/docs/h-d')!.last30Days).toEqual({ views: 1, helpful: 0, unhelpful: 0 });
  });

  it('gives the newest comments of each page, only those with a comment', async () => {
    const page = '/docs/h-comments';
    for (let index = 0; index < 5; index++)
      await suite.store.feedback.insert(
        { page, helpful: index % 2 === 0, comment: `comment ${index}` },
        daysAgo(5 - index),
      );
    await suite.store.feedback.insert({ page, helpful: false }, daysAgo(0));
    const comments = await suite.store.feedback.newestComments([page, '/docs/h-none'], 3);
    expect(comments.get(page)!.map((row) => row.comment)).toEqual(['comment 4', 'comment 3', 'comment 2']);
    expect(comments.get(page)![0]!.createdAt).toBeInstanceOf(Date);
    expect(comments.get('/docs/h-none')).toEqual([]);
  });

  it('counts the distinct error codes of each account-mode check per day, and reads back 30 days', async () => {
    const account = await suite.store.createAccount({ name: 'Chart Co' });
    const other = await suite.store.createAccount({ name: 'Other Co' });
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED', 'TOKEN_EXPIRED', 'KID_NOT_FOUND'], daysAgo(1));
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(1));
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(0));
    await suite.store.diagnoses.record(account.id, [], daysAgo(0));
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(30)); // the day before the window
    await suite.store.diagnoses.record(other.id, ['BAD_SIGNATURE'], daysAgo(0));
    expect(await suite.store.diagnoses.daily(account.id, 30, now)).toEqual([
      { day: utcDay(daysAgo(1)), code: 'KID_NOT_FOUND', count: 1 },
      { day: utcDay(daysAgo(1)), code: 'TOKEN_EXPIRED', count: 2 },
      { day: utcDay(daysAgo(0)), code: 'TOKEN_EXPIRED', count: 1 },
    ]);
  });

  it('finds accounts by exact API key, part of the name or of an owner email', async () => {
    const account = await suite.store.createAccount({ name: 'Lookup 100% Ltd', apiKey: 'lookup-key-1' });
    await suite.store.createAccount({ name: 'Lookup 1000 Ltd' });
    expect((await suite.store.searchAccounts('lookup-key-1')).map((row) => row.id)).toEqual([account.id]);
    expect((await suite.store.searchAccounts('lookup-key')).map((row) => row.id)).toEqual([]);
    expect((await suite.store.searchAccounts('100%')).map((row) => row.name)).toEqual(['Lookup 100% Ltd']);
    expect((await suite.store.searchAccounts('lookup 10')).map((row) => row.name)).toEqual([
      'Lookup 100% Ltd',
      'Lookup 1000 Ltd',
    ]);
    const owned = await suite.store.createAccount({ name: 'Plain Name' });
    await suite.opened.db.insert(users).values([
      { id: 'u-lookup-owner', name: 'Olive', email: 'olive@customer.test', customerAccountId: owned.id },
      { id: 'u-lookup-staff', name: 'Stan', email: 'stan@customer.test', role: 'staff', customerAccountId: account.id },
    ]);
    expect((await suite.store.searchAccounts('OLIVE@customer')).map((row) => row.id)).toEqual([owned.id]);
    // A staff member's own former account is not found through their email.
    expect((await suite.store.searchAccounts('stan@customer.test')).map((row) => row.id)).toEqual([]);
    expect(await suite.store.searchAccounts('   ')).toEqual([]);
  });
});
