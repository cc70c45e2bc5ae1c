import { expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { describeOnBackends, storeSuite } from '@/lib/db/test-databases';
import { listDocPages } from '@/lib/docs/pages';
import { listConsoleSearchMisses } from './console';
import { getDocsHealth } from './console-health';
import { recordFormView } from './feedback-views';

const SITE = 'http://portal.test';
const get = (path: string) => new Request(`${SITE}${path}`);
const view = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request(`${SITE}/api/feedback/views`, { method: 'POST', headers, body: JSON.stringify(body) });

const staff: Viewer = { userId: 'staff-1', email: 'support@example.test', role: 'staff', accountId: null };

describeOnBackends('docs health API', (backend) => {
  const suite = storeSuite(backend);

  it('answers staff only: 401 for anonymous readers and 403 for an owner', async () => {
    const account = await suite.store.createAccount({ name: 'Owned' });
    const owner: Viewer = { userId: 'owner-1', email: 'owner@example.test', role: 'owner', accountId: account.id };
    const anonymous = await getDocsHealth(get('/api/console/docs-health'), null, suite.store);
    expect([anonymous.status, (await anonymous.json()).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const owners = await getDocsHealth(get('/api/console/docs-health'), owner, suite.store);
    expect([owners.status, (await owners.json()).error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await getDocsHealth(get('/api/console/docs-health'), staff, suite.store)).status).toBe(200);
  });

  it('counts form views, lists every docs page, most unhelpful first, with ratios and newest comments', async () => {
    const page = '/docs/errors/token-expired';
    for (let index = 0; index < 3; index++)
      expect((await recordFormView(view({ page }), suite.store)).status).toBe(204);
    await suite.store.feedback.insert({ page, helpful: false, comment: 'Still expires after an hour' });
    await suite.store.feedback.insert({ page, helpful: true });
    await suite.store.feedback.insert({ page: '/docs/secure-context', helpful: true, comment: 'Clear' });

    const response = await getDocsHealth(get('/api/console/docs-health'), staff, suite.store);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { pages } = await response.json();
    expect(pages[0]).toEqual({
      page,
      title: 'Token has expired',
      last7Days: { views: 3, helpful: 1, unhelpful: 1, ratio: 0.5 },
      last30Days: { views: 3, helpful: 1, unhelpful: 1, ratio: 0.5 },
      comments: [
        {
          id: expect.any(String),
          helpful: false,
          comment: 'Still expires after an hour',
          createdAt: expect.any(String),
        },
      ],
    });
    expect(pages[1]).toMatchObject({ page: '/docs/secure-context', last30Days: { helpful: 1, ratio: 1 } });
    const unanswered = pages.find((row: { page: string }) => row.page === '/docs/session-race');
    expect(unanswered).toMatchObject({ last30Days: { views: 0, helpful: 0, unhelpful: 0, ratio: null }, comments: [] });
    const listed = new Set(pages.map((row: { page: string }) => row.page));
    for (const doc of listDocPages()) expect(listed.has(doc.href), doc.href).toBe(true);
  });

  it('refuses a form view for a path that is not one of the site, or sent from another site', async () => {
    const bad = await recordFormView(view({ page: 'https://elsewhere.test/docs' }), suite.store);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^page: /);
    const crossSite = await recordFormView(
      view({ page: '/docs' }, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
      suite.store,
    );
    expect(crossSite.status).toBe(403);
  });

  it('gives each missed search the page its answer would go on, or none', async () => {
    await suite.store.feedback.recordSearchMiss('racecondition', 'no-result');
    await suite.store.feedback.recordSearchMiss('zzzz qqqq', 'no-result');
    const response = await listConsoleSearchMisses(get('/api/console/search-misses?days=30'), staff, suite.store);
    const { items } = await response.json();
    const closest = Object.fromEntries(
      items.map((item: { query: string; closest: unknown }) => [item.query, item.closest]),
    );
    expect(closest['racecondition']).toEqual({
      href: '/docs/session-race',
      title: 'Two clients creating one session',
      match: 'similar-words',
    });
    expect(closest['zzzz qqqq']).toBeNull();
  });
});
