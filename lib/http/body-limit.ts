import { payloadTooLarge, readLimitedBytes } from './json';

/**
 * The largest request body /api/auth/* reads (sign-up, sign-in and the rest are a few hundred bytes): a larger
 * one is refused with 413 before better-auth sees it (app/api/auth/[...all]/route.ts). Sign-in's lockout reads
 * the same bytes under the same limit (SIGN_IN_BODY_LIMIT in rate-limit.ts).
 */
export const AUTH_BODY_LIMIT = 8 * 1024;

/**
 * Hands `handle` a copy of `request` whose body has been read in full and is at most `limit` bytes; a larger
 * body is refused with 413 by its declared Content-Length before anything is read, or as soon as the stream
 * passes the limit, and `handle` is not called. For handlers (a library's) that would read any size.
 */
export async function withBodyLimit(
  request: Request,
  limit: number,
  handle: (request: Request) => Response | Promise<Response>,
): Promise<Response> {
  if (request.method === 'GET' || request.method === 'HEAD') return handle(request);
  const read = await readLimitedBytes(request, limit);
  if ('tooLarge' in read) return payloadTooLarge(limit);
  const headers = new Headers(request.headers);
  // The body is no longer streamed: its length is known, and it is sent whole.
  headers.delete('transfer-encoding');
  headers.set('content-length', String(read.bytes.byteLength));
  return handle(
    new Request(request.url, {
      method: request.method,
      headers,
      body: read.bytes.byteLength ? read.bytes : null,
      signal: request.signal,
    }),
  );
}
