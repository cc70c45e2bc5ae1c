import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '@/lib/algorithms';
import { findPrivateKeyMaterial, isPrivatePemLabel, privateMembersOf } from '@/lib/jwk/private';
import { readKeys } from '@/lib/jwk/read';
import { makeKeys } from '@/lib/jwt/test-tokens';

const rsa = makeKeys('RS256');
const p256 = makeKeys('ES256');
const ed25519 = generateKeyPairSync('ed25519');
const pkcs1Private = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const sec1Private = p256.privateKey.export({ format: 'pem', type: 'sec1' }).toString();
const encryptedPrivate = rsa.privateKey
  .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pass' })
  .toString();
const okpPrivateJwk = ed25519.privateKey.export({ format: 'jwk' });

describe('privateMembersOf', () => {
  it('names the private members of an asymmetric key and none of its public ones', () => {
    expect(privateMembersOf(rsa.privateJwk as Record<string, unknown>)).toEqual(['d', 'p', 'q', 'dp', 'dq', 'qi']);
    expect(privateMembersOf(p256.privateJwk as Record<string, unknown>)).toEqual(['d']);
    expect(privateMembersOf(rsa.jwk as Record<string, unknown>)).toEqual([]);
  });

  it('takes "k" for the secret of an oct key only', () => {
    expect(privateMembersOf({ kty: 'oct', k: 'c2VjcmV0' })).toEqual(['k']);
    expect(privateMembersOf({ kty: 'RSA', n: 'AQAB', e: 'AQAB', k: 'x' })).toEqual([]);
  });
});

describe('isPrivatePemLabel', () => {
  it.each(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'OPENSSH PRIVATE KEY'])(
    '%s is private',
    (label) => {
      expect(isPrivatePemLabel(label)).toBe(true);
    },
  );
  it.each(['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE'])('%s is not', (label) => {
    expect(isPrivatePemLabel(label)).toBe(false);
  });
});

describe('findPrivateKeyMaterial', () => {
  it.each([
    ['PKCS#8', rsa.privatePem, 'PRIVATE KEY'],
    ['PKCS#1', pkcs1Private, 'RSA PRIVATE KEY'],
    ['SEC1', sec1Private, 'EC PRIVATE KEY'],
    ['encrypted PKCS#8', encryptedPrivate, 'ENCRYPTED PRIVATE KEY'],
    ['a private block after a public one', `${rsa.publicPem}\n${rsa.privatePem}`, 'PRIVATE KEY'],
    ['a block cut short after its first line', rsa.privatePem.split('\n').slice(0, 3).join('\n'), 'PRIVATE KEY'],
    ['a PEM inside a JSON string', JSON.stringify({ key: rsa.privatePem }), 'PRIVATE KEY'],
  ])('a private PEM (%s) by its label', (_name, text, label) => {
    expect(findPrivateKeyMaterial(text)).toEqual({ form: 'pem', label });
  });

  it('a private JWK on its own, with its kid and private members', () => {
    expect(findPrivateKeyMaterial(JSON.stringify(rsa.privateJwk))).toEqual({
      form: 'jwk',
      index: 0,
      kid: rsa.kid,
      kty: 'RSA',
      members: ['d', 'p', 'q', 'dp', 'dq', 'qi'],
    });
    expect(findPrivateKeyMaterial(JSON.stringify(okpPrivateJwk))).toEqual({
      form: 'jwk',
      index: 0,
      kid: null,
      kty: 'OKP',
      members: ['d'],
    });
  });

  it('a private key in a JWK set, named by its place in the set', () => {
    const set = { keys: [rsa.jwk, p256.privateJwk] };
    expect(findPrivateKeyMaterial(JSON.stringify(set, null, 2))).toEqual({
      form: 'jwk',
      index: 1,
      kid: p256.kid,
      kty: 'EC',
      members: ['d'],
    });
  });

  it('an oct key with its secret, and a private key wrapped in another object or an array', () => {
    expect(findPrivateKeyMaterial('{"kty":"oct","k":"c2VjcmV0"}')).toMatchObject({
      form: 'jwk',
      kty: 'oct',
      members: ['k'],
    });
    expect(findPrivateKeyMaterial(JSON.stringify({ signing: { key: rsa.privateJwk } }))).toMatchObject({
      form: 'jwk',
      kid: rsa.kid,
    });
    expect(findPrivateKeyMaterial(JSON.stringify([rsa.jwk, rsa.privateJwk]))).toMatchObject({
      form: 'jwk',
      kid: rsa.kid,
    });
  });

  it('JSON cut short still gives its private members away', () => {
    const text = JSON.stringify(rsa.privateJwk);
    expect(findPrivateKeyMaterial(text.slice(0, text.indexOf('"p"') + 10))).toMatchObject({
      form: 'jwk',
      kty: 'RSA',
      members: expect.arrayContaining(['d']),
    });
    expect(findPrivateKeyMaterial('{"kty": "oct", "k": "c2Vj')).toMatchObject({
      form: 'jwk',
      kty: 'oct',
      members: ['k'],
    });
  });

  it.each([
    ['a public JWK', JSON.stringify(rsa.jwk)],
    ['a public JWK set', JSON.stringify({ keys: [rsa.jwk, p256.jwk] })],
    ['an SPKI PEM', rsa.publicPem],
    ['a PKCS#1 public PEM', rsa.pkcs1Pem!],
    ['an oct key without its secret', '{"kty":"oct"}'],
    ['a member named "d" outside any key', '{"d":"not a key","note":"x"}'],
    ['plain text', 'd p q'],
    ['nothing', ''],
  ])('nothing private in %s', (_name, text) => {
    expect(findPrivateKeyMaterial(text)).toBeUndefined();
  });

  // The browser's check and the server's reader state one fact: what one calls private, so does the other.
  it.each([
    ['PKCS#8 RSA', rsa.privatePem],
    ['PKCS#1 RSA', pkcs1Private],
    ['SEC1 EC', sec1Private],
    ['encrypted PKCS#8', encryptedPrivate],
    ['private RSA JWK', JSON.stringify(rsa.privateJwk)],
    ['private EC JWK in a set', JSON.stringify({ keys: [rsa.jwk, p256.privateJwk] })],
    ['private OKP JWK', JSON.stringify(okpPrivateJwk)],
    ['oct with its secret', '{"kty":"oct","k":"c2VjcmV0"}'],
    ['public RSA JWK', JSON.stringify(rsa.jwk)],
    ['public set', JSON.stringify({ keys: [rsa.jwk, p256.jwk] })],
    ['SPKI PEM', rsa.publicPem],
  ])('agrees with the key reader on %s', async (_name, text) => {
    const reading = await readKeys(text, { algorithms: ALGORITHM_NAMES });
    const readerSaysPrivate = reading.keys.some((key) =>
      key.problems.some((problem) => problem.code === 'KEY_IS_PRIVATE'),
    );
    expect(findPrivateKeyMaterial(text) !== undefined).toBe(readerSaysPrivate);
  });
});
