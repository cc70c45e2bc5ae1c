import { isCrossSiteBrowserRequest } from '@/lib/http/csrf';
import { apiError, badRequest, NO_STORE, readJsonBody } from '@/lib/http/json';
import { clientKey, NO_TRUSTED_PROXIES, type TrustedProxies } from '@/lib/http/rate-limit';
import { eventStreamResponse } from '@/lib/http/sse';
import { metrics } from '@/lib/ops/metrics';
import {
  CREATE_BODY_LIMIT,
  createCollaborationSessionSchema,
  parseDocumentId,
  COLLABORATION_STREAM_RETRY_MS,
  COLLABORATION_STREAMS_BUSY_RETRY_SECONDS,
  type CollaborationService,
} from '@/lib/collaboration';

/** How the handlers tell clients apart: RTC_DOCTOR_TRUSTED_PROXIES (clientKey in lib/http/rate-limit.ts). */
export interface CollaborationRequestOptions {
  trust?: TrustedProxies;
}

/**
 * POST /api/sessions/{documentId} (contract section 4): 201 for the one creator who wins, 409 with the
 * winner's key hint for every other. Invalid input gets a 400 and creates nothing. A create that would store a
 * session gets 429 when its client has created its hourly number already, and 507 when there is no room for it.
 */
export async function createCollaborationSessionRequest(
  request: Request,
  rawDocumentId: string,
  service: () => Promise<CollaborationService>,
  options: CollaborationRequestOptions = {},
): Promise<Response> {
  if (isCrossSiteBrowserRequest(request)) {
    return apiError(
      'CSRF_REJECTED',
      'Sessions cannot be created from another site in the browser; call the API from your server or this site.',
    );
  }
  const document = parseDocumentId(rawDocumentId);
  if (!document.ok) return badRequest(document.message);
  const body = await readJsonBody(request, createCollaborationSessionSchema, CREATE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const result = await (
    await service()
  ).create(document.documentId, body.value, clientKey(request, options.trust ?? NO_TRUSTED_PROXIES));
  switch (result.outcome) {
    case 'over-quota':
      return apiError(
        'SESSION_CREATE_LIMIT',
        `This address has created ${result.limit} sessions this hour, the most it may (RTC_DOCTOR_SESSION_CREATES_PER_HOUR); try again in ${result.retryAfterSeconds} seconds.`,
        { headers: { 'Retry-After': String(result.retryAfterSeconds), ...NO_STORE } },
      );
    case 'storage-full':
      return apiError(
        'SESSION_STORAGE_FULL',
        `There is no room for another session: the sessions stored take all of the ${result.storageBytes} bytes this server keeps for them (RTC_DOCTOR_SESSION_STORAGE_BYTES), and too few of them have been idle long enough to be removed. Nothing was stored; try again once sessions have expired.`,
        { headers: NO_STORE },
      );
    default:
      metrics.sessionCreates.inc({ outcome: result.outcome === 'created' ? 'won' : 'lost' });
      return Response.json(result, { status: result.outcome === 'created' ? 201 : 409, headers: NO_STORE });
  }
}

/**
 * GET /api/sessions/{documentId}/events: one `session-available` event, as soon as the document has a session.
 * A stream takes one of its client's and one of this process's stream slots (503 with Retry-After when either cap is
 * reached) and gives it back when it ends, however it ends; after its lifetime it sends `retry:` and ends.
 */
export async function collaborationSessionEventsRequest(
  request: Request,
  rawDocumentId: string,
  service: () => Promise<CollaborationService>,
  options: CollaborationRequestOptions = {},
): Promise<Response> {
  const document = parseDocumentId(rawDocumentId);
  if (!document.ok) return badRequest(document.message);
  const collaboration = await service();
  const slot = collaboration.streams.open(clientKey(request, options.trust ?? NO_TRUSTED_PROXIES));
  if (!slot.ok) {
    const message =
      slot.cap === 'client'
        ? `This address has ${slot.limit} session event streams open, the most it may (RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT); close one or try again in ${COLLABORATION_STREAMS_BUSY_RETRY_SECONDS} seconds.`
        : `This server has ${slot.limit} session event streams open, the most it keeps (RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS); try again in ${COLLABORATION_STREAMS_BUSY_RETRY_SECONDS} seconds.`;
    return apiError('TOO_MANY_STREAMS', message, {
      headers: { 'Retry-After': String(COLLABORATION_STREAMS_BUSY_RETRY_SECONDS), ...NO_STORE },
    });
  }
  try {
    return eventStreamResponse({
      signal: request.signal,
      heartbeatMs: collaboration.streamTiming.heartbeatMs,
      lifetime: { ms: collaboration.streamTiming.lifetimeMs, retryMs: COLLABORATION_STREAM_RETRY_MS },
      start: (send) => collaboration.watch(document.documentId, (keyHint) => send('session-available', { keyHint })),
      onEnd: slot.release,
    });
  } catch (error) {
    slot.release();
    throw error;
  }
}
