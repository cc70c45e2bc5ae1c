import { z } from 'zod';
import { jsonFailure } from '@/lib/encoding/json-error';
import { excessiveNesting } from '@/lib/encoding/json-depth';
import { API_ERROR_STATUS, type ApiErrorCode } from '@/lib/errors/api';

/**
 * The error answer of every API route: `{ error: { code, message } }` with the code's own status (lib/errors/api.ts).
 * `extra` adds members after `error`, such as the key report of a refused upload.
 */
/** An answer about one caller's data or request: never kept by a browser or a shared cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function apiError(
  code: ApiErrorCode,
  message: string,
  { headers, extra }: { headers?: HeadersInit; extra?: Record<string, unknown> } = {},
): Response {
  return Response.json({ error: { code, message }, ...extra }, { status: API_ERROR_STATUS[code], headers });
}

export function badRequest(message: string): Response {
  return apiError('BAD_REQUEST', message);
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

export type LimitedRead<T> = T | { tooLarge: true };

/** Reads at most `limit` bytes of a request body, refusing larger ones before reading (Content-Length) or while reading. */
export async function readLimitedBytes(
  request: Request,
  limit: number,
): Promise<LimitedRead<{ bytes: Uint8Array<ArrayBuffer> }>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { tooLarge: true };
  if (!request.body) return { bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** Reads at most `limit` bytes of a request body as UTF-8 text; see {@link readLimitedBytes}. */
export async function readLimitedText(request: Request, limit: number): Promise<LimitedRead<{ text: string }>> {
  const read = await readLimitedBytes(request, limit);
  return 'tooLarge' in read ? read : { text: new TextDecoder().decode(read.bytes) };
}

/** The one answer to a body over its limit. */
export function payloadTooLarge(limit: number): Response {
  return apiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
}

/** "\"token\": must be a string; …": every issue, each with the field it is about. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the body';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** A JSON request body, size-limited and validated: 413 when too large, 400 naming what is wrong otherwise. */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit: number,
): Promise<BodyResult<z.output<T>>> {
  const read = await readLimitedText(request, limit);
  if ('tooLarge' in read) {
    return { ok: false, response: payloadTooLarge(limit) };
  }
  const nesting = excessiveNesting(read.text);
  if (nesting) return { ok: false, response: badRequest(`The request body is not read: ${nesting}.`) };
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (cause) {
    // JSON.parse quotes the input around the error; the answer gives the position only.
    return {
      ok: false,
      response: badRequest(
        read.text.trim() === ''
          ? 'The request body is empty; send a JSON object.'
          : `The request body is not valid JSON (${jsonFailure(cause)}).`,
      ),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: badRequest(describeIssues(parsed.error)) };
  return { ok: true, value: parsed.data };
}
