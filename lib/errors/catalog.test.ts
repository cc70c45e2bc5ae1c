import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocPages } from '@/lib/docs/pages';
import {
  API_ERROR_STATUS,
  ERROR_CATALOG,
  ERROR_CODES,
  ERROR_SUMMARIES,
  WARNING_CATALOG,
  WARNING_CODES,
  WARNING_SUMMARIES,
  allErrors,
  errorBySlug,
  errorDocsPath,
  errorSlug,
} from '@/lib/errors';
import { SERVICE_MESSAGES } from './service-messages.fixture';

// The codes ../shared/contract.md defines; the catalog must hold every one of them.
const CONTRACT_CODES = [
  'TOKEN_NOT_ENOUGH_PARTS',
  'TOKEN_TOO_MANY_PARTS',
  'TOKEN_PART_NOT_BASE64',
  'TOKEN_PART_NOT_JSON',
  'TOKEN_HEADER_NO_ALG',
  'TOKEN_UNSUPPORTED_ALG',
  'TOKEN_MISSING_CLAIMS',
  'TOKEN_INVALID_CLAIM',
  'TOKEN_EXPIRED',
  'TOKEN_ISSUED_IN_FUTURE',
  'TOKEN_NOT_YET_VALID',
  'JWKS_UNAVAILABLE',
  'TOKEN_SIGNATURE_INVALID',
  'KEY_MALFORMED',
  'KEY_IS_PRIVATE',
  'KEY_SYMMETRIC',
  'KEY_TOO_WEAK',
  'KEY_UNSUPPORTED_TYPE',
  'KEY_DUPLICATE_KID',
  'KEY_ALG_MISMATCH',
];

describe('error catalog', () => {
  it('holds every code of the contract', () => {
    for (const code of CONTRACT_CODES) expect(ERROR_CODES).toContain(code);
  });

  it.each(ERROR_CODES)('%s has every field filled in', (code) => {
    const entry = ERROR_CATALOG[code];
    expect(entry.code).toBe(code);
    for (const field of ['title', 'message', 'cause'] as const) expect(entry[field].trim().length).toBeGreaterThan(0);
    expect(entry.fix.length).toBeGreaterThanOrEqual(2);
    for (const step of entry.fix) expect(step.trim().length).toBeGreaterThan(0);
    expect(Array.isArray(entry.aliases)).toBe(true);
    for (const related of entry.related) {
      expect(ERROR_CODES).toContain(related);
      expect(related).not.toBe(code);
    }
  });

  it.each(ERROR_CODES)('%s has a docs page with its own prose', (code) => {
    const file = path.join(process.cwd(), 'content', 'errors', `${errorSlug(code)}.mdx`);
    expect(fs.existsSync(file)).toBe(true);
    // Loading the page checks that its front matter names this code (lib/docs/pages.ts).
    const page = listDocPages().find((candidate) => candidate.code === code);
    expect(page?.file).toBe(file);
    expect(page?.source.body).toMatch(/^## /m);
  });

  it('uses the service wording where the service has one', () => {
    for (const { code, message, href } of SERVICE_MESSAGES) {
      expect(ERROR_CATALOG[code].message).toBe(message);
      expect(errorDocsPath(code)).toBe(href);
    }
  });

  it.each(ERROR_CODES)('%s says who shows its message', (code) => {
    expect(['service', 'rtc-doctor']).toContain(ERROR_CATALOG[code].shownBy);
  });

  it("marks as the service's words exactly the messages the service's troubleshooting page lists", () => {
    const service = ERROR_CODES.filter((code) => ERROR_CATALOG[code].shownBy === 'service');
    expect([...service].sort()).toEqual(SERVICE_MESSAGES.map(({ code }) => code).sort());
  });

  it('never gives two codes the same message, title or alias', () => {
    const phrases = allErrors().flatMap((entry) =>
      [entry.message, entry.title, ...entry.aliases].map((text) => text.toLowerCase()),
    );
    expect(new Set(phrases).size).toBe(phrases.length);
  });

  it('maps codes to kebab-case docs paths and back', () => {
    expect(errorDocsPath('TOKEN_EXPIRED')).toBe('/docs/errors/token-expired');
    expect(errorDocsPath('JWKS_UNAVAILABLE')).toBe('/docs/errors/jwks-unavailable');
    for (const code of ERROR_CODES) expect(errorBySlug(errorSlug(code))?.code).toBe(code);
    expect(errorBySlug('TOKEN-EXPIRED')).toBeUndefined();
    expect(errorBySlug('token_expired')).toBeUndefined();
    expect(errorBySlug('nope')).toBeUndefined();
  });

  it.each(ERROR_CODES)('%s keeps its prose out of the summary browser code reads', (code) => {
    expect(Object.keys(ERROR_SUMMARIES[code]).sort()).toEqual([
      'category',
      'code',
      'docs',
      'message',
      'shownBy',
      'title',
    ]);
    expect(ERROR_SUMMARIES[code].docs).toBe(errorDocsPath(code));
    expect(ERROR_CATALOG[code]).toMatchObject(ERROR_SUMMARIES[code]);
  });
});

describe('warning catalog', () => {
  it.each(WARNING_CODES)('%s has every field filled in', (code) => {
    const entry = WARNING_CATALOG[code];
    expect(entry.code).toBe(code);
    for (const field of ['title', 'message', 'explanation'] as const)
      expect(entry[field].trim().length).toBeGreaterThan(0);
    expect(entry.docs).toMatch(/^\/docs\/[a-z0-9-]+(\/[a-z0-9-]+)?(#[a-z0-9-]+)?$/);
    expect(Object.keys(WARNING_SUMMARIES[code]).sort()).toEqual(['code', 'docs', 'message', 'title']);
    expect(entry).toMatchObject(WARNING_SUMMARIES[code]);
  });

  it('links a warning about an error page through the same path as the error', () => {
    const errorPages = WARNING_CODES.map((code) => WARNING_CATALOG[code].docs).filter((docs) =>
      docs.startsWith('/docs/errors/'),
    );
    expect(errorPages.length).toBeGreaterThan(0);
    for (const docs of errorPages) expect(ERROR_CODES.map(errorDocsPath)).toContain(docs);
  });

  it('shares no code with the errors or the API errors', () => {
    const codes = [...ERROR_CODES, ...WARNING_CODES, ...Object.keys(API_ERROR_STATUS)];
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('API error codes', () => {
  it('each answers with an error status', () => {
    for (const status of Object.values(API_ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});
