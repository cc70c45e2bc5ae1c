import { describe, expect, it } from 'vitest';
import { URL_TABLE } from '@/lib/secure-context/url-table.fixture';
import { handleSecureContextRequest, SECURE_CONTEXT_URL_LIMIT } from './secure-context';

function get(query: string) {
  return handleSecureContextRequest(new Request(`http://localhost/api/secure-context${query}`));
}

describe('GET /api/secure-context', () => {
  it('answers 200 with the contract shape and a cacheable verdict', async () => {
    const response = get(`?url=${encodeURIComponent('http://192.168.1.20:3000/')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age=');
    const result = await response.json();
    expect(result).toMatchObject({
      url: 'http://192.168.1.20:3000/',
      origin: 'http://192.168.1.20:3000',
      secure: false,
      reason: expect.stringContaining('192.168.1.20'),
    });
    expect(result.fix.summary).toContain('http://localhost:3000');
    expect(result.docs.guide).toBe('/docs/secure-context');
  });

  it.each(URL_TABLE.map((row) => [row.url, row] as const))('agrees with the library for %s', async (url, row) => {
    const result = await get(`?url=${encodeURIComponent(url)}`).json();
    expect({ url: result.url, origin: result.origin, secure: result.secure }).toEqual({
      url,
      origin: row.origin,
      secure: row.secure,
    });
  });

  it.each([
    ['', /"url" query parameter is missing/],
    ['?url=', /Give a URL/],
    ['?url=example.com', /did you mean http:\/\/example\.com/],
    ['?url=http%3A%2F%2F999.1.1.1%2F', /not a URL/],
    ['?url=https://a.example&url=https://b.example', /once/],
    [`?url=https://a.example/${'x'.repeat(SECURE_CONTEXT_URL_LIMIT)}`, /longer than/],
  ])('answers 400 for %j', async (query, message) => {
    const response = get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(message);
  });
});
