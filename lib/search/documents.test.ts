import { describe, expect, it } from 'vitest';
import { algorithmTableText, lifetimeTableText } from '@/lib/docs/facts';
import { listDocPages } from '@/lib/docs/pages';
import { buildSearchDocuments } from './documents';

/** An MDX component or HTML/JSX tag as written in source: `<AlgorithmTable />`, `<a href="…">`, `</p>`. */
const TAG = /<\/?[A-Za-z][\w.:-]*(\s+[\w:-]+=("[^"]*"|'[^']*'|\{[^}]*\}))*\s*\/?>/;

describe('search documents', () => {
  const documents = buildSearchDocuments(listDocPages());

  it('index what readers see, never a component tag or other JSX', () => {
    expect(documents.length).toBeGreaterThan(20);
    for (const document of documents) {
      for (const [field, value] of Object.entries(document)) {
        expect(value, `${document.href} ${field}`).not.toMatch(/<[A-Z]/);
        expect(value, `${document.href} ${field}`).not.toMatch(TAG);
      }
    }
  });

  it('hold the words the generated tables show', () => {
    const jwt = documents.find((document) => document.href === '/docs/jwt-identity-tokens')!;
    expect(jwt.text).toContain(algorithmTableText());
    expect(jwt.text).toContain(lifetimeTableText());
  });
});
