import { isCrossSiteBrowserRequest } from '@/lib/http/csrf';
import { badRequest, errorResponse, readJsonBody } from '@/lib/http/json';
import { eventStreamResponse } from '@/lib/http/sse';
import { CREATE_BODY_LIMIT, createSessionSchema, parseDocumentId, type SessionService } from '@/lib/sessions';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * POST /api/sessions/{documentId} (contract section 4): 201 for the one creator who wins, 409 with the
 * winner's key hint for every other. Invalid input gets a 400 and creates nothing.
 */
export async function createSessionRequest(request: Request, rawDocumentId: string, service: () => Promise<SessionService>): Promise<Response> {
  if (isCrossSiteBrowserRequest(request)) {
    return errorResponse(403, 'CSRF_REJECTED', 'Sessions cannot be created from another site in the browser; call the API from your server or this site.');
  }
  const document = parseDocumentId(rawDocumentId);
  if (!document.ok) return badRequest(document.message);
  const body = await readJsonBody(request, createSessionSchema, CREATE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const result = await (await service()).create(document.documentId, body.value);
  return Response.json(result, { status: result.outcome === 'created' ? 201 : 409, headers: NO_STORE });
}

/** GET /api/sessions/{documentId}/events: one `session-available` event, as soon as the document has a session. */
export async function sessionEventsRequest(request: Request, rawDocumentId: string, service: () => Promise<SessionService>, heartbeatMs: number): Promise<Response> {
  const document = parseDocumentId(rawDocumentId);
  if (!document.ok) return badRequest(document.message);
  const sessions = await service();
  return eventStreamResponse({
    signal: request.signal,
    heartbeatMs,
    start: (send) => sessions.watch(document.documentId, (keyHint) => send('session-available', { keyHint })),
  });
}
