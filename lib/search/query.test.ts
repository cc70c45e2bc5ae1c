import { describe, expect, it } from 'vitest';
import { listDocPages } from '@/lib/docs/pages';
import { buildDocsSearchIndex } from './build';
import { loadSearchIndex, searchDocs } from './query';

// Every message the troubleshooting page lists, and the page that explains it.
const SEED_MESSAGES: [string, string][] = [
  ['RTC services require a secure context', '/docs/errors/secure-context-required'],
  ['JWT was issued in the future', '/docs/errors/token-issued-in-future'],
  ['JWT has expired', '/docs/errors/token-expired'],
  ['JWT is not yet valid', '/docs/errors/token-not-yet-valid'],
  ['Unsupported JWT signature algorithm', '/docs/errors/token-unsupported-alg'],
  ['Unable to retrieve JWK set', '/docs/errors/jwks-unavailable'],
  ['Not enough parts', '/docs/errors/token-not-enough-parts'],
  ['A part was not correctly base64 encoded', '/docs/errors/token-part-not-base64'],
  ['A part was not valid JSON', '/docs/errors/token-part-not-json'],
  ['The header part does not specify an algorithm', '/docs/errors/token-header-no-alg'],
  ['The payload part does not contain all required claims', '/docs/errors/token-missing-claims'],
];

// How people paste them: quoted, prefixed by a logger, shouted, with punctuation.
const DECORATIONS: ((message: string) => string)[] = [
  (message) => message,
  (message) => `"${message}"`,
  (message) => `“${message}.”`,
  (message) => `Error: ${message}`,
  (message) => `Uncaught (in promise) Error: ${message}!`,
  (message) => `[tinymce] rtc: ${message.toUpperCase()}...`,
  (message) => `  '${message.toLowerCase()}'\n`,
];

describe('docs search', () => {
  const { loaded, serialized } = buildDocsSearchIndex(listDocPages());
  const reloaded = loadSearchIndex(JSON.parse(JSON.stringify(serialized)));

  describe.each(SEED_MESSAGES)('pasting "%s"', (message, href) => {
    it.each(DECORATIONS.map((decorate) => [decorate(message)]))('as %j puts its page first', (query) => {
      const [first] = searchDocs(loaded, query);
      expect(first?.href).toBe(href);
      expect(first?.exactMessage).toBe(true);
    });
  });

  it('gives the same answers after the index travels as JSON', () => {
    for (const [message] of SEED_MESSAGES) {
      expect(searchDocs(reloaded, message).map((hit) => hit.href)).toEqual(searchDocs(loaded, message).map((hit) => hit.href));
    }
  });

  it('finds pages by topic words, tolerating a typo', () => {
    expect(searchDocs(loaded, 'encryption provider key hint')[0]?.href).toBe('/docs/session-race');
    expect(searchDocs(loaded, 'mkcert')[0]?.href).toMatch(/secure-context/);
    expect(searchDocs(loaded, 'expird token').map((hit) => hit.href)).toContain('/docs/errors/token-expired');
  });

  it('finds an error by its code', () => {
    expect(searchDocs(loaded, 'TOKEN_SIGNATURE_INVALID')[0]?.href).toBe('/docs/errors/token-signature-invalid');
  });

  it('returns nothing for an empty or punctuation-only query, and honours the limit', () => {
    expect(searchDocs(loaded, '')).toEqual([]);
    expect(searchDocs(loaded, ' "!?" ')).toEqual([]);
    expect(searchDocs(loaded, 'token', 3)).toHaveLength(3);
  });

  it('lists each page once', () => {
    const hrefs = searchDocs(loaded, 'Error: JWT has expired', 20).map((hit) => hit.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
