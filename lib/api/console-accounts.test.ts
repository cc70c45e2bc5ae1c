import { expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { users } from '@/lib/db/schema';
import { describeOnBackends, storeSuite } from '@/lib/db/test-databases';
import { errorDocsPath } from '@/lib/errors/summary';
import { accountDiagnoses, ACCOUNT_CHART_DAYS, getConsoleAccount, listConsoleAccounts } from './console-accounts';

const SITE = 'http://portal.test';
const get = (path: string) => new Request(`${SITE}${path}`);
const staff: Viewer = { userId: 'staff-1', email: 'support@example.test', role: 'staff', accountId: null };
const DAY = 86_400_000;

describeOnBackends('console accounts API', (backend) => {
  const suite = storeSuite(backend);

  it('answers staff only on both routes: 401 for anonymous readers and 403 for an owner', async () => {
    const account = await suite.store.createAccount({ name: 'Matrix Ltd' });
    const owner: Viewer = { userId: 'owner-1', email: 'owner@example.test', role: 'owner', accountId: account.id };
    const calls = [
      (viewer: Viewer) => listConsoleAccounts(get('/api/console/accounts?q=Matrix'), viewer, suite.store),
      (viewer: Viewer) =>
        getConsoleAccount(get(`/api/console/accounts/${account.id}`), account.id, viewer, suite.store),
    ];
    for (const call of calls) {
      const anonymous = await call(null);
      expect([anonymous.status, (await anonymous.json()).error.code]).toEqual([401, 'UNAUTHENTICATED']);
      // Not even the owner's own account: the console is staff's.
      const owners = await call(owner);
      expect([owners.status, (await owners.json()).error.code]).toEqual([403, 'FORBIDDEN']);
      const staffs = await call(staff);
      expect(staffs.status).toBe(200);
      expect(staffs.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('looks accounts up by API key, name or owner email, with their owners', async () => {
    const account = await suite.store.createAccount({ name: 'Acme Docs', apiKey: 'rtc_lookup_acme' });
    await suite.opened.db
      .insert(users)
      .values({ id: 'u-acme', name: 'Ada', email: 'ada@acme.test', customerAccountId: account.id });
    const expected = {
      items: [
        {
          id: account.id,
          name: 'Acme Docs',
          apiKey: 'rtc_lookup_acme',
          owners: [{ name: 'Ada', email: 'ada@acme.test' }],
          createdAt: account.createdAt.toISOString(),
        },
      ],
    };
    for (const q of ['rtc_lookup_acme', 'acme docs', 'ADA@acme']) {
      const response = await listConsoleAccounts(
        get(`/api/console/accounts?q=${encodeURIComponent(q)}`),
        staff,
        suite.store,
      );
      expect(await response.json(), q).toEqual(expected);
    }
    const nothing = await listConsoleAccounts(get('/api/console/accounts?q=nobody'), staff, suite.store);
    expect(await nothing.json()).toEqual({ items: [] });
    const blank = await listConsoleAccounts(get('/api/console/accounts?q=%20'), staff, suite.store);
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.message).toMatch(/^q: /);
  });

  it('answers an account with 30 days of diagnosis codes per day, and 404 for an unknown id', async () => {
    const account = await suite.store.createAccount({ name: 'Chart Ltd' });
    const now = new Date('2026-06-30T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    await suite.store.diagnoses.record(
      account.id,
      ['TOKEN_EXPIRED', 'TOKEN_EXPIRED', 'TOKEN_SIGNATURE_INVALID'],
      daysAgo(0),
    );
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(0));
    await suite.store.diagnoses.record(account.id, ['TOKEN_SIGNATURE_INVALID'], daysAgo(29));
    // A day before the window, and another account's day: neither is in this chart.
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(30));
    const other = await suite.store.createAccount({ name: 'Other Ltd' });
    await suite.store.diagnoses.record(other.id, ['TOKEN_EXPIRED'], daysAgo(0));

    const diagnoses = await accountDiagnoses(suite.store, account.id, now);
    expect(diagnoses.days).toHaveLength(ACCOUNT_CHART_DAYS);
    expect(diagnoses.days[0]).toEqual({ day: '2026-06-01', counts: { TOKEN_SIGNATURE_INVALID: 1 } });
    expect(diagnoses.days[ACCOUNT_CHART_DAYS - 1]).toEqual({
      day: '2026-06-30',
      counts: { TOKEN_EXPIRED: 2, TOKEN_SIGNATURE_INVALID: 1 },
    });
    expect(diagnoses.days.slice(1, -1).every((day) => Object.keys(day.counts).length === 0)).toBe(true);
    expect(diagnoses.days[ACCOUNT_CHART_DAYS - 1]!.counts.TOKEN_EXPIRED).toBe(2);
    await suite.store.diagnoses.record(account.id, ['TOKEN_EXPIRED'], daysAgo(3));
    // Most often first.
    expect((await accountDiagnoses(suite.store, account.id, now)).codes).toEqual([
      { code: 'TOKEN_EXPIRED', title: 'Token has expired', docs: errorDocsPath('TOKEN_EXPIRED'), total: 3 },
      {
        code: 'TOKEN_SIGNATURE_INVALID',
        title: expect.any(String),
        docs: errorDocsPath('TOKEN_SIGNATURE_INVALID'),
        total: 2,
      },
    ]);

    const response = await getConsoleAccount(
      get(`/api/console/accounts/${account.id}`),
      account.id,
      staff,
      suite.store,
    );
    const body = await response.json();
    expect(body.account).toMatchObject({ id: account.id, name: 'Chart Ltd', owners: [] });
    expect(body.diagnoses.days).toHaveLength(ACCOUNT_CHART_DAYS);
    const missing = await getConsoleAccount(get('/api/console/accounts/nope'), 'nope', staff, suite.store);
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
