import { describe, expect, it } from 'vitest';
import { listDocPages } from '@/lib/docs/pages';
import { SERVICE_MESSAGES } from '@/lib/errors/service-messages.fixture';
import { buildDocsSearchIndex } from './build';
import { loadSearchIndex, searchDocs } from './query';

const SEED_MESSAGES = SERVICE_MESSAGES.map(({ message, href }) => [message, href] as const);

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
      const [first] = searchDocs(loaded, query).hits;
      expect(first?.href).toBe(href);
      expect(first?.exactMessage).toBe(true);
    });
  });

  it('gives the same answers after the index travels as JSON', () => {
    for (const [message] of SEED_MESSAGES) {
      expect(searchDocs(reloaded, message).hits.map((hit) => hit.href)).toEqual(
        searchDocs(loaded, message).hits.map((hit) => hit.href),
      );
    }
  });

  it('finds pages by topic words, tolerating a typo', () => {
    expect(searchDocs(loaded, 'encryption provider key hint').hits[0]?.href).toBe('/docs/session-race');
    expect(searchDocs(loaded, 'mkcert').hits[0]?.href).toMatch(/secure-context/);
    expect(searchDocs(loaded, 'expird token').hits.map((hit) => hit.href)).toContain('/docs/errors/token-expired');
  });

  it('finds an error by its code', () => {
    expect(searchDocs(loaded, 'TOKEN_SIGNATURE_INVALID').hits[0]?.href).toBe('/docs/errors/token-signature-invalid');
  });

  it('returns nothing for an empty or punctuation-only query, and honours the limit', () => {
    expect(searchDocs(loaded, '').hits).toEqual([]);
    expect(searchDocs(loaded, ' "!?" ').hits).toEqual([]);
    expect(searchDocs(loaded, 'token', 3).hits).toHaveLength(3);
  });

  it('lists each page once', () => {
    const hrefs = searchDocs(loaded, 'Error: JWT has expired', 20).hits.map((hit) => hit.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it("shows a pasted message's page with only its close relations, and counts the loose matches it left out", () => {
    const expired = searchDocs(loaded, 'JWT has expired', 20);
    expect(expired.hits[0]?.href).toBe('/docs/errors/token-expired');
    expect(expired.hits.map((hit) => hit.href)).not.toContain('/docs/errors/key-too-weak');
    expect(expired.hits.length).toBeLessThanOrEqual(4);
    expect(expired.looseMatches).toBeGreaterThan(10);
    expect(expired.hits.length + expired.looseMatches).toBe(searchDocs(loaded, 'has expired JWT', 50).hits.length);
  });

  it('keeps every full-text result for a query that holds no known message', () => {
    const { hits, looseMatches } = searchDocs(loaded, 'token', 50);
    expect(hits.length).toBeGreaterThan(10);
    expect(looseMatches).toBe(0);
  });
});
