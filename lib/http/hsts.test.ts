import { describe, expect, it } from 'vitest';

// The site's response headers are set in next.config.mjs (it can make them conditional; proxy.ts does not see API routes).
const CONFIG = new URL('../../next.config.mjs', import.meta.url).href;

type HeaderRule = {
  source: string;
  has?: { type: string; key: string; value?: string }[];
  headers: { key: string; value: string }[];
};

/** The headers Next.js adds to a response for this path and these request headers, matched as Next.js matches `has` (a whole-value regex). */
async function responseHeaders(
  path: string,
  requestHeaders: Record<string, string | undefined>,
): Promise<Record<string, string>> {
  const { default: nextConfig } = (await import(CONFIG)) as { default: { headers: () => Promise<HeaderRule[]> } };
  const rules = await nextConfig.headers();
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const prefix = rule.source.replace(/\/:path\*$/, '');
    if (!(rule.source === '/:path*' || path.startsWith(`${prefix}/`))) continue;
    const applies = (rule.has ?? []).every((item) => {
      const value = requestHeaders[item.key.toLowerCase()];
      return (
        item.type === 'header' &&
        value !== undefined &&
        (item.value === undefined || new RegExp(`^${item.value}$`).test(value))
      );
    });
    if (applies) for (const header of rule.headers) result[header.key] = header.value;
  }
  return result;
}

describe('Strict-Transport-Security', () => {
  it.each(['/', '/account', '/api/tokens/diagnose', '/api/auth/sign-in/email'])(
    'is sent on %s when the proxy in front says the request came over https',
    async (path) => {
      for (const proto of ['https', 'https,http', 'https, http']) {
        expect((await responseHeaders(path, { 'x-forwarded-proto': proto }))['Strict-Transport-Security'], proto).toBe(
          'max-age=63072000; includeSubDomains',
        );
      }
    },
  );

  it('is never sent over plain http, so http://localhost and `npm run dev` stay usable', async () => {
    for (const headers of [
      {},
      { 'x-forwarded-proto': 'http' },
      { 'x-forwarded-proto': 'http,https' },
      { 'x-forwarded-proto': 'httpsx' },
    ]) {
      expect(
        (await responseHeaders('/api/tokens/diagnose', headers))['Strict-Transport-Security'],
        JSON.stringify(headers),
      ).toBeUndefined();
      expect((await responseHeaders('/', headers))['Strict-Transport-Security']).toBeUndefined();
    }
  });
});
