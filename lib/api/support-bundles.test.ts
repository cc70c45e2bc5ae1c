import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { users } from '@/lib/db/schema';
import { describeOnBackends, storeSuite } from '@/lib/db/test-databases';
import { analyseEvidence, readHar, supportBundle, type EvidenceBundle, type TokenFinding } from '@/lib/evidence';
import { SUPPORT_BUNDLE_BODY_LIMIT, SUPPORT_BUNDLE_RETENTION_DAYS } from '@/lib/evidence/bundle';
import { loadKeySet } from '@/lib/jwt';
import { accountView } from './console-accounts';
import { deleteSupportBundle, getSupportBundle, listOwnSupportBundles, sendSupportBundle } from './support-bundles';

const SITE = 'http://portal.test';
const sameSite = { origin: SITE, host: 'portal.test', 'content-type': 'application/json' };
const DAY = 86_400_000;
const FIXTURES = path.resolve('e2e/fixtures/evidence');

const send = (body: unknown, headers: Record<string, string> = sameSite) =>
  new Request(`${SITE}/api/support/bundles`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const remove = (id: string, headers: Record<string, string> = sameSite) =>
  new Request(`${SITE}/api/support/bundles/${id}`, { method: 'DELETE', headers });

/** The bundle the evidence page makes of the recorded expired-token capture, checked against its key. */
async function recordedBundle(): Promise<EvidenceBundle> {
  const read = readHar(readFileSync(path.join(FIXTURES, 'expired-token.har'), 'utf8'));
  if (!read || 'error' in read) throw new Error('the fixture is not a HAR');
  const keys = await loadKeySet(readFileSync(path.join(FIXTURES, 'jwks.json'), 'utf8'));
  const findings = await analyseEvidence({ kind: 'har', har: read.har }, { keys: keys.keys });
  return supportBundle(findings, { kind: 'har', name: 'expired-token.har', entries: read.har.log.entries.length });
}

describeOnBackends('support bundles API', (backend) => {
  const suite = storeSuite(backend);
  let bundle: EvidenceBundle;
  let owner: Viewer;
  let otherOwner: Viewer;
  let accountId: string;
  const staff: Viewer = { userId: 'staff-b', email: 'support@example.test', role: 'staff', accountId: null };

  beforeAll(async () => {
    bundle = await recordedBundle();
  });

  it('stores what an owner sends, checked and redacted again, and answers its listing', async () => {
    const account = await suite.store.createAccount({ name: 'Bundles Ltd', apiKey: 'rtc_bundles_account_key_1234' });
    const other = await suite.store.createAccount({ name: 'Others Ltd' });
    accountId = account.id;
    await suite.opened.db.insert(users).values([
      { id: 'owner-b', name: 'Ada', email: 'ada@bundles.test', customerAccountId: account.id },
      { id: 'other-b', name: 'Bo', email: 'bo@others.test', customerAccountId: other.id },
      { id: 'staff-b', name: 'Sam', email: 'support@example.test', role: 'staff' },
    ]);
    owner = { userId: 'owner-b', email: 'ada@bundles.test', role: 'owner', accountId: account.id };
    otherOwner = { userId: 'other-b', email: 'bo@others.test', role: 'owner', accountId: other.id };

    // A browser that skipped the redaction: a whole token in a finding's place, an API key in the message.
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1rZXB0';
    const careless = structuredClone(bundle);
    careless.findings[0] = {
      ...(careless.findings[0] as TokenFinding),
      where: `request header Authorization: Bearer ${token}`,
    };
    const response = await sendSupportBundle(
      send({ bundle: careless, message: `Fails for rtc_bundles_account_key_1234 at ${token}` }),
      owner,
      suite.store,
    );
    expect(response.status).toBe(201);
    const listing = await response.json();
    expect(listing.sender).toEqual({ email: 'ada@bundles.test' });
    expect(listing.source).toEqual({ kind: 'har', name: 'expired-token.har', entries: bundle.source.entries });
    expect(listing.summary).toEqual({
      tokens: 1,
      problems: { TOKEN_EXPIRED: 1 },
      insecureOrigins: 0,
      races: 0,
      skewedClocks: 0,
    });
    expect(Date.parse(listing.expiresAt) - Date.parse(listing.createdAt)).toBe(SUPPORT_BUNDLE_RETENTION_DAYS * DAY);
    const stored = await suite.store.bundles.find(listing.id);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1rZXB0');
    expect(text).not.toContain('rtc_bundles_account_key_1234');
    expect(stored!.message).toContain('[signature removed]');
  });
  // The viewer is read when the request is answered: these use the owner the first test made.
  const sent = async (viewer: Viewer = owner) => {
    const response = await sendSupportBundle(send({ bundle }), viewer, suite.store);
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };

  it('refuses anonymous senders, staff and other sites, and says which field is wrong', async () => {
    const status = async (response: Response) => [response.status, (await response.json()).error.code];
    expect(await status(await sendSupportBundle(send({ bundle }), null, suite.store))).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
    expect(await status(await sendSupportBundle(send({ bundle }), staff, suite.store))).toEqual([403, 'FORBIDDEN']);
    const crossSite = { ...sameSite, origin: 'https://elsewhere.example' };
    expect(await status(await sendSupportBundle(send({ bundle }, crossSite), owner, suite.store))).toEqual([
      403,
      'CSRF_REJECTED',
    ]);
    const wrongFormat = await sendSupportBundle(send({ bundle: { ...bundle, format: 'x' } }), owner, suite.store);
    expect(wrongFormat.status).toBe(400);
    expect((await wrongFormat.json()).error.message).toContain('"bundle.format": must be "rtc-doctor-evidence-bundle"');
    const badCode = structuredClone(bundle) as unknown as { findings: { result: { errors: { code: string }[] } }[] };
    badCode.findings[0]!.result.errors[0]!.code = 'NOT_A_CODE';
    const refused = await sendSupportBundle(send({ bundle: badCode }), owner, suite.store);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain('"bundle.findings.0.result.errors.0.code"');
    const huge = await sendSupportBundle(
      send(JSON.stringify({ bundle, message: 'x'.repeat(SUPPORT_BUNDLE_BODY_LIMIT) })),
      owner,
      suite.store,
    );
    expect(huge.status).toBe(413);
  });

  it('takes links from the catalog, never from the bundle', async () => {
    const forged = structuredClone(bundle) as unknown as {
      findings: { result: { errors: { docs: string; title: string }[] } }[];
    };
    forged.findings[0]!.result.errors[0]!.docs = 'javascript:alert(1)';
    forged.findings[0]!.result.errors[0]!.title = 'Click here';
    const response = await sendSupportBundle(send({ bundle: forged }), owner, suite.store);
    const stored = await suite.store.bundles.find((await response.json()).id);
    const error = (stored!.bundle.findings[0] as { result: { errors: { docs: string; title: string }[] } }).result
      .errors[0]!;
    expect(error).toMatchObject({ docs: '/docs/errors/token-expired', title: 'Token has expired' });
  });

  it('lets staff and the sender read a bundle, and nobody else', async () => {
    const { id } = await sent();
    const reads = {
      anonymous: await getSupportBundle(id, null, suite.store),
      other: await getSupportBundle(id, otherOwner, suite.store),
      sender: await getSupportBundle(id, owner, suite.store),
      staff: await getSupportBundle(id, staff, suite.store),
    };
    expect(reads.anonymous.status).toBe(401);
    expect([reads.other.status, (await reads.other.json()).error.code]).toEqual([404, 'NOT_FOUND']);
    for (const who of ['sender', 'staff'] as const) {
      const read = reads[who];
      expect(read.status, who).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-store');
      const body = await read.json();
      expect(body.account).toEqual({ id: accountId, name: 'Bundles Ltd', apiKey: 'rtc_bundles_account_key_1234' });
      expect(body.bundle.findings).toHaveLength(bundle.findings.length);
    }
    // An owner's list holds what they sent, and another owner's list does not.
    const own = await (await listOwnSupportBundles(owner, suite.store)).json();
    expect(own.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await (await listOwnSupportBundles(otherOwner, suite.store)).json()).items).toEqual([]);
    // Support sees it beside the account.
    const view = await accountView(suite.store, accountId);
    expect(view!.bundles.map((item) => item.id)).toContain(id);
  });

  it('lets only the sender withdraw a bundle, from this site', async () => {
    const { id } = await sent();
    expect((await deleteSupportBundle(remove(id), id, staff, suite.store)).status).toBe(403);
    expect((await deleteSupportBundle(remove(id), id, otherOwner, suite.store)).status).toBe(404);
    const crossSite = { ...sameSite, origin: 'https://elsewhere.example' };
    expect((await deleteSupportBundle(remove(id, crossSite), id, owner, suite.store)).status).toBe(403);
    expect(await suite.store.bundles.find(id)).toBeDefined();
    expect((await deleteSupportBundle(remove(id), id, owner, suite.store)).status).toBe(204);
    expect(await suite.store.bundles.find(id)).toBeUndefined();
    expect((await getSupportBundle(id, staff, suite.store)).status).toBe(404);
  });

  it('hides a bundle once its 30 days are up and deletes it at the next purge or send', async () => {
    const sentAt = new Date('2026-01-01T00:00:00Z');
    const old = await suite.store.bundles.insert(
      {
        accountId,
        senderId: 'owner-b',
        bundle,
        summary: { tokens: 0, problems: {}, insecureOrigins: 0, races: 0, skewedClocks: 0 },
      },
      sentAt,
    );
    const lastMoment = new Date(sentAt.getTime() + SUPPORT_BUNDLE_RETENTION_DAYS * DAY - 1);
    const expired = new Date(sentAt.getTime() + SUPPORT_BUNDLE_RETENTION_DAYS * DAY);
    expect(await suite.store.bundles.find(old.id, lastMoment)).toBeDefined();
    expect(await suite.store.bundles.find(old.id, expired)).toBeUndefined();
    expect((await suite.store.bundles.listForAccount(accountId, expired)).map((item) => item.id)).not.toContain(old.id);
    // Still stored until a purge: then gone for good.
    expect(await suite.store.bundles.find(old.id, lastMoment)).toBeDefined();
    expect(await suite.store.bundles.purgeExpired(expired)).toBeGreaterThanOrEqual(1);
    expect(await suite.store.bundles.find(old.id, lastMoment)).toBeUndefined();
  });
});
