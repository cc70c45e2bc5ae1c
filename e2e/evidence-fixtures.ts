import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

/** The recorded captures (scripts/make-evidence-fixtures.ts) and the public key their tokens were signed with. */
export const EVIDENCE_FIXTURES = path.resolve('e2e/fixtures/evidence');
export const evidenceFixture = (name: string) => path.join(EVIDENCE_FIXTURES, name);
export const evidenceJwks = () => readFileSync(evidenceFixture('jwks.json'), 'utf8');

interface HarFile {
  log: {
    entries: {
      request: {
        headers: { name: string; value: string }[];
        cookies: { value: string }[];
        postData?: { text?: string };
      };
      response: { content: { text?: string } };
    }[];
  };
}

/**
 * Asserts that `text` (a bundle, or a request carrying one) holds no cookie value, Authorization or Cookie header,
 * request or response body of the capture, nor the signature of any token in them.
 */
export function expectNoCaptureSecrets(text: string, capture: string): void {
  const har = JSON.parse(readFileSync(evidenceFixture(capture), 'utf8')) as HarFile;
  const secrets = har.log.entries.flatMap((entry) => [
    ...entry.request.cookies.map((cookie) => cookie.value),
    ...entry.request.headers.filter((header) => /^(authorization|cookie)$/i.test(header.name)).map((h) => h.value),
    ...(entry.request.postData?.text ? [entry.request.postData.text] : []),
    ...(entry.response.content.text ? [entry.response.content.text] : []),
  ]);
  expect(secrets.length).toBeGreaterThan(3);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    // A token's signature, wherever the token sat.
    for (const token of secret.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? [])
      expect(text).not.toContain(token.split('.')[2]);
  }
}
