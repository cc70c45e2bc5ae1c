import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateApiKey } from '@/lib/db/store';
import { redactForStorage, redactSecrets } from './index';
import { JWT, leakedPattern, PEM, PKCS1_PEM, PRIVATE_JWK, textWithSecrets, token } from './secret-samples';

describe('redactSecrets', () => {
  it('summarises a JWT by its header and payload and removes its signature', () => {
    const redacted = redactSecrets(`my token is ${JWT} and it fails`);
    expect(redacted).toBe(
      'my token is [JWT header {"alg":"RS256","kid":"k1"} payload {"sub":"user-1","exp":1800000000} [signature removed]] and it fails',
    );
  });

  it('summarises an unsigned eyJ….eyJ… pair and a token glued to the text before it', () => {
    const [header, payload] = JWT.split('.');
    expect(redactSecrets(`${header}.${payload}`)).toBe(
      '[JWT header {"alg":"RS256","kid":"k1"} payload {"sub":"user-1","exp":1800000000}]',
    );
    expect(redactSecrets(`token=abc${JWT}`)).toMatch(/^token=abc\[JWT header \{"alg":"RS256"/);
  });

  it('cuts a long header or payload short and removes anything else token-shaped', () => {
    const redacted = redactSecrets(token({ sub: 'x'.repeat(500), exp: 1 }));
    expect(redacted).toMatch(/^\[JWT header \{"alg":"RS256","kid":"k1"\} payload \{"sub":"x+…/);
    expect(redacted.length).toBeLessThan(300);
    expect(redactSecrets('see abcdefghijkl.mnopqrstuvwx.yzabcdefghij now')).toBe('see [token removed] now');
    expect(redactSecrets('docs.example.com and a.b.c stay')).toBe('docs.example.com and a.b.c stay');
  });

  it('removes PEM private key blocks, also one cut short, and keeps public keys', () => {
    expect(redactSecrets(`before\n${PEM}after`)).toBe('before\n[private key removed]\nafter');
    expect(redactSecrets(`rsa: ${PKCS1_PEM}`)).toBe('rsa: [private key removed]\n');
    expect(redactSecrets(`cut: ${PEM.slice(0, 200)}`)).toBe('cut: [private key removed]');
    expect(redactSecrets('-----END PRIVATE KEY-----')).toBe('-----END [private key removed]');
    const publicPem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
    expect(redactSecrets(publicPem)).toBe(publicPem);
  });

  it('replaces the private members of a JWK and keeps its public ones', () => {
    const redacted = JSON.parse(redactSecrets(JSON.stringify(PRIVATE_JWK)));
    expect(redacted).toEqual({
      ...PRIVATE_JWK,
      d: '[private key removed]',
      p: '[private key removed]',
      q: '[private key removed]',
      dp: '[private key removed]',
      dq: '[private key removed]',
      qi: '[private key removed]',
    });
    expect(redactSecrets(`{ 'kty': 'oct', 'k': 'c2VjcmV0c2VjcmV0' } and {"kty":"oct","k":"broken`)).toBe(
      `{ 'kty': 'oct', 'k': '[private key removed]' } and {"kty":"oct","k":"[private key removed]`,
    );
  });

  it('keeps the first 6 characters of an API key', () => {
    const apiKey = generateApiKey();
    expect(redactSecrets(`key ${apiKey}.`)).toBe(`key ${apiKey.slice(0, 6)}….`);
    expect(redactSecrets('rtc_short stays')).toBe('rtc_short stays');
  });

  it('leaves ordinary text alone', () => {
    const text = 'The token expired at 10:00 (exp = 1800000000); kid "k1" is in the JWK set.';
    expect(redactSecrets(text)).toBe(text);
  });

  it('never leaves a token or private-key pattern, whatever the input', () => {
    fc.assert(
      fc.property(textWithSecrets, (text) => {
        const redacted = redactSecrets(text);
        expect(leakedPattern(redacted), redacted).toBeUndefined();
        expect(leakedPattern(redactForStorage(text, 2000))).toBeUndefined();
        expect(redactSecrets(redacted)).toBe(redacted);
      }),
      { numRuns: 400 },
    );
  });

  it('cuts redacted text to the column length', () => {
    expect([...redactForStorage('é'.repeat(3000), 2000)]).toHaveLength(2000);
    expect(redactForStorage('short', 2000)).toBe('short');
  });
});
