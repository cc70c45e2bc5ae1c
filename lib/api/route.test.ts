import { afterEach, describe, expect, it, vi } from 'vitest';
import { route } from './route';

afterEach(() => vi.restoreAllMocks());

describe('route', () => {
  it("hands the handler the route's own parameters and the request", async () => {
    const handler = route<{ apiKey: string }>('GET /api/example/[apiKey]', {}, ({ request, params }) =>
      Response.json({ params, method: request.method }),
    );
    const response = await handler(new Request('http://localhost/api/example/abc'), {
      params: Promise.resolve({ apiKey: 'abc' }),
    });
    expect(await response.json()).toEqual({ params: { apiKey: 'abc' }, method: 'GET' });
  });

  it('answers a failure with the JSON 500 and logs the route by name, not the error message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = route('POST /api/example', {}, () => {
      throw new Error('a message holding secret-7f3a');
    });
    const response = await handler(new Request('http://localhost/api/example', { method: 'POST' }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expect(log).toHaveBeenCalledWith('POST /api/example failed: Error');
  });
});
