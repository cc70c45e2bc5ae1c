import { describe, expect, it } from 'vitest';
import { withBodyLimit } from './body-limit';

const LIMIT = 8 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes made only as it is read, counting how much was read. */
function lazyBody(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const size = Math.min(CHUNK, total - counter.pulled);
      counter.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, counter };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request('http://portal.test/api/auth/sign-up/email', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit);
}

describe('withBodyLimit', () => {
  it('refuses a body whose declared length is over the limit with 413, without reading it or calling the handler', async () => {
    const { stream, counter } = lazyBody(150 * 1024 * 1024);
    let called = false;
    const response = await withBodyLimit(post(stream, { 'content-length': String(150 * 1024 * 1024) }), LIMIT, () => {
      called = true;
      return new Response('handled');
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than 8 KiB.',
    });
    expect(called).toBe(false);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it('stops reading a streamed body of no declared length as soon as it passes the limit', async () => {
    const { stream, counter } = lazyBody(150 * 1024 * 1024);
    let called = false;
    const response = await withBodyLimit(post(stream), LIMIT, () => {
      called = true;
      return new Response('handled');
    });
    expect(response.status).toBe(413);
    expect(called).toBe(false);
    // One chunk past the limit is all that was read of 150 MB.
    expect(counter.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it('hands the handler a new request with the same method, address, headers and the exact body bytes', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x00, 0xc3, 0x7d]);
    let seen: { method: string; url: string; type: string | null; length: string | null; body: Uint8Array } | undefined;
    const response = await withBodyLimit(post(bytes), LIMIT, async (request) => {
      seen = {
        method: request.method,
        url: request.url,
        type: request.headers.get('content-type'),
        length: request.headers.get('content-length'),
        body: new Uint8Array(await request.arrayBuffer()),
      };
      return new Response('handled');
    });
    expect(await response.text()).toBe('handled');
    expect(seen).toEqual({
      method: 'POST',
      url: 'http://portal.test/api/auth/sign-up/email',
      type: 'application/json',
      length: '5',
      body: bytes,
    });
  });

  it('lets a body of exactly the limit through, and a request without a body', async () => {
    const exact = await withBodyLimit(
      post('a'.repeat(LIMIT)),
      LIMIT,
      async (request) => new Response(String((await request.text()).length)),
    );
    expect(await exact.text()).toBe(String(LIMIT));
    const empty = await withBodyLimit(post(null), LIMIT, async (request) => new Response(`[${await request.text()}]`));
    expect(await empty.text()).toBe('[]');
  });
});
