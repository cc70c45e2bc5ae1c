import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';

function cli(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bin/rtc-doctor.ts', ...args],
    { input, encoding: 'utf8', env: { ...process.env, RTC_DOCTOR_ALGORITHMS: '' } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-token-'));
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const keyFile = path.join(dir, 'private.pem');
const jwksFile = path.join(dir, 'jwks.json');
const publicFile = path.join(dir, 'public.pem');
writeFileSync(keyFile, privatePem);
writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
writeFileSync(publicFile, pair.publicKey.export({ format: 'pem', type: 'spki' }));
const ecFile = path.join(dir, 'ec.pem');
writeFileSync(
  ecFile,
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
);

describe('rtc-doctor token sign', () => {
  it('prints one token that diagnose accepts against the key’s JWK set, with the flags’ claims', () => {
    const signed = cli([
      'token',
      'sign',
      '--key',
      keyFile,
      '--kid',
      'k1',
      '--sub',
      'u-7',
      '--ttl',
      '8h',
      '--claim',
      'name=Ada',
      '--claim',
      'admin=true',
    ]);
    expect(signed.code).toBe(0);
    expect(signed.stderr).toBe('');
    const token = signed.stdout.trim();
    expect(signed.stdout).toBe(`${token}\n`);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ sub: 'u-7', name: 'Ada', admin: true });
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
    const checked = cli(['diagnose', '--jwks', jwksFile, '--json', token]);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, errors: [] });
    expect(checked.code).toBe(0);
  });

  it('gives a default sub and the recommended lifetime, and never prints the key', () => {
    const signed = cli(['token', 'sign', '--key', keyFile]);
    expect(signed.code).toBe(0);
    const payload = decodeJwt(signed.stdout.trim());
    expect(payload.sub).toBe('rtc-doctor-test-user');
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
    const body = privatePem.split('\n')[3]!;
    expect(signed.stdout + signed.stderr).not.toContain(body);
  });

  it('refuses, with exit 2 and the reason, algorithms outside the accepted set and keys that cannot sign', () => {
    const cases: [string[], RegExp][] = [
      [['--alg', 'HS256'], /--alg: HS256 is not accepted: the service accepts only RS256/],
      [['--alg', 'ES256'], /--alg: ES256 is not accepted/],
      [['--ttl', 'soon'], /--ttl must be a duration such as 90s, 30m, 8h or 2d/],
      [['--claim', 'oops'], /--claim: "oops" is not NAME=VALUE/],
    ];
    for (const [flags, reason] of cases) {
      const refused = cli(['token', 'sign', '--key', keyFile, ...flags]);
      expect([refused.code, refused.stdout], flags.join(' ')).toEqual([2, '']);
      expect(refused.stderr).toMatch(reason);
    }
    const publicKey = cli(['token', 'sign', '--key', publicFile]);
    expect([publicKey.code, publicKey.stderr]).toEqual([
      2,
      expect.stringMatching(/public key; signing needs the private key/),
    ]);
    const ec = cli(['token', 'sign', '--key', ecFile]);
    expect([ec.code, ec.stderr]).toEqual([
      2,
      expect.stringMatching(/EC P-256 key signs with ES256, which is not accepted/),
    ]);
    expect(cli(['token', 'sign', '--key', ecFile, '--algorithms', 'RS256,ES256']).code).toBe(0);
    expect(cli(['token', 'sign']).code).toBe(2);
  });
});

describe('rtc-doctor token example', () => {
  it('prints a token showing the code, and with --json the JWK set it was made for', () => {
    const example = cli(['token', 'example', 'TOKEN_EXPIRED', '--json']);
    expect(example.code).toBe(0);
    const { token, jwks, code } = JSON.parse(example.stdout);
    expect(code).toBe('TOKEN_EXPIRED');
    const file = path.join(dir, 'example-jwks.json');
    writeFileSync(file, JSON.stringify(jwks));
    const checked = JSON.parse(cli(['diagnose', '--jwks', file, '--json', token]).stdout);
    expect(checked.errors.map((error: { code: string }) => error.code)).toEqual(['TOKEN_EXPIRED']);
    const plain = cli(['token', 'example', 'token_part_not_json']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim().split('.')).toHaveLength(3);
  });

  it('explains a code no token shows, and an unknown one, with exit 2', () => {
    const key = cli(['token', 'example', 'KEY_MALFORMED']);
    expect([key.code, key.stdout]).toEqual([2, '']);
    expect(key.stderr).toMatch(/not something a token shows: it is about a public key \(try `key check`\)/);
    expect(cli(['token', 'example', 'NOT_A_CODE']).stderr).toMatch(/"NOT_A_CODE" is not an error code/);
  });
});
