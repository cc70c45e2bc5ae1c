import { describe, expect, it } from 'vitest';
import { isCrossSiteBrowserRequest, isSameOriginRequest } from './csrf';

function request(headers: Record<string, string>): Request {
  return new Request('http://portal.test/api/x', { method: 'POST', headers: { host: 'portal.test', ...headers } });
}

// [headers, same origin (cookie-authenticated changes allowed), cross-site browser request (refused by cookie-less endpoints)]
const CASES: [string, Record<string, string>, boolean, boolean][] = [
  ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }, true, false],
  ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }, false, true],
  ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, false, true],
  ['Sec-Fetch-Site none (typed by the user)', { 'sec-fetch-site': 'none' }, false, false],
  ['Sec-Fetch-Site wins over Origin', { 'sec-fetch-site': 'cross-site', origin: 'http://portal.test' }, false, true],
  ['Origin of this host', { origin: 'http://portal.test' }, true, false],
  ['Origin of another host', { origin: 'https://evil.test' }, false, true],
  ['Origin null', { origin: 'null' }, false, true],
  ['Origin that is not a URL', { origin: 'not a url' }, false, true],
  ['neither header (a server or script)', {}, false, false],
];

describe('where a request comes from', () => {
  for (const [name, headers, sameOrigin, crossSite] of CASES) {
    it(`${name}: same origin ${sameOrigin}, cross-site ${crossSite}`, () => {
      expect(isSameOriginRequest(request(headers))).toBe(sameOrigin);
      expect(isCrossSiteBrowserRequest(request(headers))).toBe(crossSite);
    });
  }
});
