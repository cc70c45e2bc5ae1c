import { describe, expect, it } from 'vitest';
import { pathProblem } from '../../server.mjs';

describe('server.mjs: paths it refuses before routing', () => {
  it.each(['/api/sessions/%E0%A4%A', '/api/accounts/%ZZ/keys', '/docs/%', '/api/sessions/%C0%AF/events'])(
    '%s has a malformed percent-escape → 400',
    (url) => {
      expect(pathProblem(url)).toMatch(/malformed percent-escape/);
    },
  );

  it.each(['/api/sessions/abc%00def', '/docs/%0a', '/x/%7F'])('%s holds an escaped control character → 400', (url) => {
    expect(pathProblem(url)).toMatch(/control character/);
  });

  it.each([
    '/',
    '/docs/jwt-identity-tokens',
    '/api/sessions/doc%20one?x=%ZZ',
    '/search?q=%E0%A4%A',
    '/api/sessions/%C3%A9t%C3%A9/events',
  ])('%s routes as usual (a query string is not judged here)', (url) => {
    expect(pathProblem(url)).toBeUndefined();
  });
});
