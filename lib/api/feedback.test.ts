import { expect, it } from 'vitest';
import { describeOnBackends, storeSuite } from '@/lib/db/test-databases';
import { recordSearchMiss, submitFeedback } from './feedback';

const SITE = 'http://portal.test';
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

function post(path: string, body: string, headers: Record<string, string> = JSON_TYPE) {
  return new Request(`${SITE}${path}`, { method: 'POST', headers, body });
}

const feedbackJson = (body: unknown, headers?: Record<string, string>) =>
  post('/api/feedback', JSON.stringify(body), headers);
const feedbackForm = (fields: Record<string, string>, headers: Record<string, string> = FORM_TYPE) =>
  post('/api/feedback', new URLSearchParams(fields).toString(), headers);

describeOnBackends('feedback API', (backend) => {
  const suite = storeSuite(backend);

  it('stores JSON feedback and answers 201 with its id', async () => {
    const response = await submitFeedback(
      feedbackJson({ page: '/docs/errors/token-expired', helpful: false, comment: 'Still failing', email: '' }),
      suite.store,
    );
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(await suite.store.feedback.find(id)).toMatchObject({
      page: '/docs/errors/token-expired',
      helpful: false,
      comment: 'Still failing',
      email: null,
      status: 'new',
    });
  });

  it.each([
    [{ page: 'docs/x', helpful: true }, /^page: /],
    [{ page: '//evil.test/x', helpful: true }, /^page: /],
    [{ page: '/docs/x?y=1', helpful: true }, /^page: /],
    [{ page: '/docs/x#top', helpful: true }, /^page: /],
    [{ page: `/${'a'.repeat(200)}`, helpful: true }, /^page: at most 200 characters/],
    [{ page: '/docs/x' }, /^helpful: /],
    [{ page: '/docs/x', helpful: 'yes' }, /^helpful: /],
    [{ page: '/docs/x', helpful: true, comment: 'c'.repeat(2001) }, /^comment: at most 2000 characters$/],
    [{ page: '/docs/x', helpful: true, email: 'not-an-email' }, /^email: /],
    [[1, 2], /^body: /],
  ])('answers 400 naming the field for %j', async (body, message) => {
    const response = await submitFeedback(feedbackJson(body), suite.store);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
  });

  it('accepts a comment of exactly 2000 characters and answers 413 for a body over 8 KiB', async () => {
    expect(
      (await submitFeedback(feedbackJson({ page: '/', helpful: true, comment: 'c'.repeat(2000) }), suite.store)).status,
    ).toBe(201);
    const large = await submitFeedback(
      feedbackJson({ page: '/', helpful: true, comment: 'c'.repeat(9000) }),
      suite.store,
    );
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const largeForm = await submitFeedback(
      feedbackForm({ page: '/', helpful: 'yes', comment: 'c'.repeat(9000) }),
      suite.store,
    );
    expect(largeForm.status).toBe(413);
  });

  it('redacts a pasted private key from the comment before storing it', async () => {
    const comment = 'my key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const response = await submitFeedback(feedbackJson({ page: '/docs/keys', helpful: false, comment }), suite.store);
    const stored = await suite.store.feedback.find((await response.json()).id);
    expect(stored!.comment).toBe('my key:\n[private key removed]');
  });

  it('sends a form post to the feedback page with 303, sent or naming the invalid field', async () => {
    const sent = await submitFeedback(
      feedbackForm({ page: '/docs/errors/token-expired', helpful: 'no', comment: 'From the form', email: '' }),
      suite.store,
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/feedback?page=%2Fdocs%2Ferrors%2Ftoken-expired&feedback=sent');
    const [latest] = await suite.store.feedback.list({ q: 'from the form' });
    expect(latest).toMatchObject({ helpful: false, comment: 'From the form', email: null });

    const invalid = await submitFeedback(feedbackForm({ page: '/docs/x', helpful: 'no', email: 'nope' }), suite.store);
    expect(invalid.status).toBe(303);
    expect(invalid.headers.get('location')).toBe('/feedback?page=%2Fdocs%2Fx&feedback=invalid&field=email');
    const noVote = await submitFeedback(feedbackForm({ page: '/docs/x' }), suite.store);
    expect(noVote.headers.get('location')).toBe('/feedback?page=%2Fdocs%2Fx&feedback=invalid&field=helpful');

    const badPage = await submitFeedback(feedbackForm({ page: 'https://evil.test/', helpful: 'yes' }), suite.store);
    expect(badPage.status).toBe(400);
    expect((await badPage.json()).error.message).toMatch(/^page: /);
  });

  it('refuses cross-site browser posts, JSON and form alike, and stores nothing', async () => {
    const before = (await suite.store.feedback.list()).length;
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.test', host: 'portal.test' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const json = await submitFeedback(
        feedbackJson({ page: '/', helpful: true }, { ...JSON_TYPE, ...headers }),
        suite.store,
      );
      expect(json.status).toBe(403);
      expect((await json.json()).error.code).toBe('CSRF_REJECTED');
      const form = await submitFeedback(
        feedbackForm({ page: '/', helpful: 'yes' }, { ...FORM_TYPE, ...headers }),
        suite.store,
      );
      expect(form.status).toBe(403);
    }
    const sameSite = await submitFeedback(
      feedbackForm({ page: '/', helpful: 'yes' }, { ...FORM_TYPE, 'sec-fetch-site': 'same-origin' }),
      suite.store,
    );
    expect(sameSite.status).toBe(303);
    expect((await suite.store.feedback.list()).length).toBe(before + 1);
  });

  it('records a missed search normalised with 204, skips an empty one, and answers 400 naming the field', async () => {
    const miss = (body: unknown) => recordSearchMiss(post('/api/search/misses', JSON.stringify(body)), suite.store);
    expect((await miss({ query: '  Token   EXPIRED ', kind: 'no-result' })).status).toBe(204);
    expect((await miss({ query: 'token expired', kind: 'no-result' })).status).toBe(204);
    expect((await miss({ query: '   ', kind: 'not-opened' })).status).toBe(204);
    expect(await suite.store.feedback.searchMissTotals(1)).toEqual([
      { query: 'token expired', kind: 'no-result', count: 2, lastAt: expect.any(Date) },
    ]);
    const badKind = await miss({ query: 'x', kind: 'maybe' });
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.message).toMatch(/^kind: /);
    expect((await (await miss({ query: 'q'.repeat(201), kind: 'no-result' })).json()).error.message).toMatch(
      /^query: at most 200 characters/,
    );
    const crossSite = await recordSearchMiss(
      post('/api/search/misses', JSON.stringify({ query: 'x', kind: 'no-result' }), {
        ...JSON_TYPE,
        'sec-fetch-site': 'cross-site',
      }),
      suite.store,
    );
    expect(crossSite.status).toBe(403);
  });
});
