import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { ERROR_CODES } from '@/lib/errors/summary';
import { exampleForCode } from './example-for-code';
import { diagnoseToken, loadKeySet, RECOMMENDED_LIFETIME_SECONDS } from './index';
import { readPrivateKey, type PrivateSigningKey } from './private-key';
import { parseClaimAssignment, parseDuration, signToken } from './sign';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const pkcs1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const privateJwk = { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'jwk-kid' };
const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const now = 1_800_000_000;

async function key(text: string): Promise<PrivateSigningKey> {
  const read = await readPrivateKey(text);
  if ('error' in read) throw new Error(read.error);
  return read.key;
}

async function accepted(token: string, kid?: string) {
  const { keys } = await loadKeySet(
    kid ? JSON.stringify({ keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid }] }) : publicPem,
  );
  return diagnoseToken(token, { keys, now });
}

describe('reading private keys', () => {
  it('reads PKCS#8 and PKCS#1 PEM, a private JWK and a JWK set of one, to the same public half', async () => {
    const thumb = (await key(pkcs8)).publicJwk.n;
    for (const text of [pkcs1, JSON.stringify(privateJwk), JSON.stringify({ keys: [privateJwk] })]) {
      const read = await key(text);
      expect(read).toMatchObject({ kty: 'RSA', bits: 2048 });
      expect(read.publicJwk.n).toBe(thumb);
      expect(read.publicJwk).not.toHaveProperty('d');
    }
    expect((await key(JSON.stringify(privateJwk))).kid).toBe('jwk-kid');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(await key(ec.toString())).toMatchObject({ kty: 'EC', crv: 'P-384' });
  });

  it('names what is wrong with anything that is not a usable private key, and never repeats the key', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    const sec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' });
    const cases: [string, RegExp][] = [
      [publicPem, /public key; signing needs the private key/],
      [JSON.stringify(rsa.publicKey.export({ format: 'jwk' })), /public key \(it has no "d"\)/],
      [weak.toString(), /1024 bits; the service needs 2048/],
      [sec1.toString(), /SEC 1 format; convert it to PKCS#8/],
      [pkcs8.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY'), /encrypted; decrypt it first/],
      [JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }), /shared secret/],
      [JSON.stringify({ keys: [privateJwk, privateJwk] }), /holds 2 private keys/],
      ['{not json', /does not parse/],
      ['hello', /neither a PEM block/],
    ];
    for (const [text, reason] of cases) {
      const read = await readPrivateKey(text);
      expect('error' in read && read.error, text.slice(0, 40)).toMatch(reason);
      if ('error' in read && text.length > 80) expect(read.error).not.toContain(text.slice(40, 80));
    }
  });
});

describe('signing', () => {
  it('makes a token the service accepts: RS256, typ JWT, the kid, iat now and exp after the recommended lifetime', async () => {
    const signed = await signToken({ key: await key(pkcs8), accepted: SERVICE_ALGORITHMS, sub: 'user-1', now });
    if ('error' in signed) throw new Error(signed.error);
    expect(decodeProtectedHeader(signed.token)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decodeJwt(signed.token)).toEqual({ sub: 'user-1', iat: now, exp: now + RECOMMENDED_LIFETIME_SECONDS });
    const diagnosis = await accepted(signed.token);
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.warnings).toEqual([]);
  });

  it('takes the JWK’s kid, or the one given, a ttl, PS256, and claims that win over the defaults', async () => {
    const signed = await signToken({
      key: await key(JSON.stringify(privateJwk)),
      accepted: SERVICE_ALGORITHMS,
      alg: 'PS256',
      sub: 'user-1',
      ttlSeconds: 90,
      claims: { name: 'Ada', exp: now - 3600 },
      now,
    });
    if ('error' in signed) throw new Error(signed.error);
    expect(decodeProtectedHeader(signed.token)).toMatchObject({ alg: 'PS256', kid: 'jwk-kid' });
    expect(decodeJwt(signed.token)).toEqual({ sub: 'user-1', iat: now, exp: now - 3600, name: 'Ada' });
    expect((await accepted(signed.token, 'jwk-kid')).errors.map((error) => error.code)).toEqual(['TOKEN_EXPIRED']);
    const renamed = await signToken({
      key: await key(JSON.stringify(privateJwk)),
      accepted: SERVICE_ALGORITHMS,
      kid: 'k2',
    });
    expect(decodeProtectedHeader((renamed as { token: string }).token).kid).toBe('k2');
  });

  it('refuses algorithms outside the accepted set, and a key that does not fit the algorithm', async () => {
    const rsaKey = await key(pkcs8);
    for (const alg of ['HS256', 'ES256', 'none', 'rs256'])
      expect(await signToken({ key: rsaKey, accepted: SERVICE_ALGORITHMS, alg })).toEqual({
        error: `${alg} is not accepted: the service accepts only RS256, RS384, RS512, PS256, PS384 and PS512`,
      });
    const ec = await key(
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    );
    expect(await signToken({ key: ec, accepted: SERVICE_ALGORITHMS })).toEqual({
      error:
        'an EC P-256 key signs with ES256, which is not accepted: the service accepts only RS256, RS384, RS512, PS256, PS384 and PS512',
    });
    expect(await signToken({ key: ec, accepted: [...SERVICE_ALGORITHMS, 'ES256'], alg: 'RS256' })).toEqual({
      error: 'RS256 needs an RSA key of 2048 bits or more; this is an EC P-256 key',
    });
    expect('token' in (await signToken({ key: ec, accepted: [...SERVICE_ALGORITHMS, 'ES256'] }))).toBe(true);
  });

  it('reads durations and claim assignments', () => {
    expect(['90s', '30m', '8h', '2d', '45', ' 1H '].map(parseDuration)).toEqual([90, 1800, 28800, 172800, 45, 3600]);
    for (const bad of ['', '0s', '-1h', '1w', '1.5h', 'h']) expect(parseDuration(bad), bad).toBeUndefined();
    expect(parseClaimAssignment('admin=true')).toEqual({ name: 'admin', value: true });
    expect(parseClaimAssignment('n=42')).toEqual({ name: 'n', value: 42 });
    expect(parseClaimAssignment('roles=["a"]')).toEqual({ name: 'roles', value: ['a'] });
    expect(parseClaimAssignment('name=Ada Lovelace')).toEqual({ name: 'name', value: 'Ada Lovelace' });
    expect(parseClaimAssignment('eq=a=b')).toEqual({ name: 'eq', value: 'a=b' });
    expect(parseClaimAssignment('=x')).toEqual({ error: '"=x" is not NAME=VALUE' });
  });
});

describe('example tokens by error code', () => {
  it('has an example for every code a token can show, and says why for the others', async () => {
    for (const code of ERROR_CODES) {
      const found = await exampleForCode(code.toLowerCase(), now);
      if (code.startsWith('TOKEN_') || code === 'JWKS_UNAVAILABLE') {
        if ('error' in found) throw new Error(`${code}: ${found.error}`);
        const { keys } = await loadKeySet(found.jwks);
        const diagnosis = await diagnoseToken(found.example.token, { keys, now });
        expect(
          diagnosis.errors.map((error) => error.code),
          code,
        ).toContain(code);
      } else {
        expect(found, code).toMatchObject({ kind: 'not-a-token-problem' });
      }
    }
    expect(await exampleForCode('NOPE')).toMatchObject({ kind: 'unknown-code' });
  });
});
