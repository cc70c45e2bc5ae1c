// Evidence bundles sent to support (README, "Support bundles"): a signed-in owner sends the redacted findings of
// the evidence reader; staff and the sender read them; they are deleted after SUPPORT_BUNDLE_RETENTION_DAYS.
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/permissions';
import type { SupportBundleListing, StoredSupportBundle } from '@/lib/db/bundle-store';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import type { Store } from '@/lib/db/store';
import { summariseBundle, SUPPORT_BUNDLE_BODY_LIMIT } from '@/lib/evidence/bundle';
import { evidenceBundleSchema } from '@/lib/evidence/bundle-schema';
import { isSameOriginRequest } from '@/lib/http/csrf';
import { apiError, NO_STORE, readJsonBody } from '@/lib/http/json';
import { redactForStorage } from '@/lib/redact';

const sendSchema = z.object({
  bundle: evidenceBundleSchema,
  message: z
    .string({ error: 'must be text' })
    .max(FIELD_LIMITS.bundleMessage, `at most ${FIELD_LIMITS.bundleMessage} characters`)
    .optional(),
});

/** A bundle's listing as the API answers it (dates as ISO 8601). */
export function bundleListingBody(bundle: SupportBundleListing) {
  return {
    id: bundle.id,
    createdAt: bundle.createdAt.toISOString(),
    expiresAt: bundle.expiresAt.toISOString(),
    sender: { email: bundle.senderEmail },
    message: bundle.message,
    source: bundle.source,
    summary: bundle.summary,
    sizeBytes: bundle.sizeBytes,
  };
}

export type BundleListingBody = ReturnType<typeof bundleListingBody>;

function signInRefusal(): Response {
  return apiError('UNAUTHENTICATED', 'Sign in to send evidence to support or to read what you sent.');
}

/**
 * POST /api/support/bundles `{ bundle, message? }` → 201 with the stored bundle's listing. Owners only (staff
 * receive bundles, they do not send them), from this site only; the bundle is checked and redacted again here.
 */
export async function sendSupportBundle(request: Request, viewer: Viewer, store: Store): Promise<Response> {
  if (!isSameOriginRequest(request))
    return apiError('CSRF_REJECTED', 'Evidence can only be sent from the RTC Doctor site itself.');
  if (!viewer) return signInRefusal();
  if (viewer.role !== 'owner')
    return apiError('FORBIDDEN', 'Support staff read bundles in the console; only account owners send them.');
  const body = await readJsonBody(request, sendSchema, SUPPORT_BUNDLE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const { bundle, message } = body.value;
  const trimmed = message?.trim();
  const stored = await store.bundles.insert({
    accountId: viewer.accountId,
    senderId: viewer.userId,
    message: trimmed ? redactForStorage(trimmed, FIELD_LIMITS.bundleMessage) : undefined,
    bundle,
    summary: summariseBundle(bundle),
  });
  return Response.json(bundleListingBody(stored), { status: 201, headers: NO_STORE });
}

/** GET /api/support/bundles: what the signed-in owner sent and support still keeps, newest first. */
export async function listOwnSupportBundles(viewer: Viewer, store: Store): Promise<Response> {
  if (!viewer) return signInRefusal();
  const items = await store.bundles.listForSender(viewer.userId);
  return Response.json({ items: items.map(bundleListingBody) }, { headers: NO_STORE });
}

/** Staff read every bundle; an owner only those they sent. Anyone else is told there is none (its id is no clue). */
async function readable(id: string, viewer: Exclude<Viewer, null>, store: Store) {
  const bundle = id.length <= 100 ? await store.bundles.find(id) : undefined;
  if (!bundle || (viewer.role !== 'staff' && bundle.senderId !== viewer.userId)) return undefined;
  return bundle;
}

/** The full answer for one bundle: its listing, the account it came from and the redacted bundle itself. */
export async function bundleBody(bundle: StoredSupportBundle, store: Store) {
  const account = await store.findAccount(bundle.accountId);
  return {
    ...bundleListingBody(bundle),
    account: account ? { id: account.id, name: account.name, apiKey: account.apiKey } : null,
    bundle: bundle.bundle,
  };
}

const noSuchBundle = () => apiError('NOT_FOUND', 'There is no bundle with this id, or it has been deleted.');

/** GET /api/support/bundles/{id}: for staff and the sender; 404 for anyone else, and once the bundle has expired. */
export async function getSupportBundle(id: string, viewer: Viewer, store: Store): Promise<Response> {
  if (!viewer) return signInRefusal();
  const bundle = await readable(id, viewer, store);
  if (!bundle) return noSuchBundle();
  return Response.json(await bundleBody(bundle, store), {
    headers: { ...NO_STORE, 'Content-Disposition': `inline; filename="rtc-doctor-evidence-${bundle.id}.json"` },
  });
}

/** DELETE /api/support/bundles/{id}: the sender withdraws a bundle (staff read, and change nothing); 204. */
export async function deleteSupportBundle(request: Request, id: string, viewer: Viewer, store: Store) {
  if (!isSameOriginRequest(request))
    return apiError('CSRF_REJECTED', 'This change must be sent from the RTC Doctor site itself.');
  if (!viewer) return signInRefusal();
  const bundle = await readable(id, viewer, store);
  if (!bundle) return noSuchBundle();
  if (bundle.senderId !== viewer.userId)
    return apiError('FORBIDDEN', 'Only the owner who sent a bundle can withdraw it; support staff read it.');
  await store.bundles.deleteBySender(bundle.id, viewer.userId);
  return new Response(null, { status: 204, headers: NO_STORE });
}
