import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const NOW = 1_800_000_000;
const dir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-cli-'));
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwksFile = path.join(dir, 'jwks.json');
const pemFile = path.join(dir, 'public.pem');
writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
writeFileSync(pemFile, publicKey.export({ format: 'pem', type: 'spki' }));

function b64(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function rs256Token(payload: object, header: object = { alg: 'RS256', kid: 'k1' }): string {
  const signingInput = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

const valid = rs256Token({ sub: 'u', exp: NOW + 8 * 3600, iat: NOW });
const expired = rs256Token({ sub: 'u', exp: NOW - 600, iat: NOW - 1200 });

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bin/rtc-doctor.ts', ...args],
    {
      input,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rtc-doctor diagnose', () => {
  it('exits 0 for a valid token and prints the contract shape with --json', () => {
    const run = cli(['diagnose', valid, '--jwks', jwksFile, '--now', String(NOW), '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [], key: { kid: 'k1' }, header: { alg: 'RS256' } });
  });

  it('exits 1 for an invalid token and accepts an ISO 8601 --now and a PEM key', () => {
    // A PEM key has no kid, so the token carries none either (with a kid, only a key with that kid may be used).
    const expiredWithoutKid = rs256Token({ sub: 'u', exp: NOW - 600, iat: NOW - 1200 }, { alg: 'RS256' });
    const run = cli([
      'diagnose',
      expiredWithoutKid,
      '--jwks',
      pemFile,
      '--now',
      new Date(NOW * 1000).toISOString(),
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).errors.map((error: { code: string }) => error.code)).toEqual(['TOKEN_EXPIRED']);
  });

  it('honours --tolerance', () => {
    expect(cli(['diagnose', expired, '--jwks', jwksFile, '--now', String(NOW), '--tolerance', '700']).code).toBe(0);
  });

  it('reads stdin one token per line and prints NDJSON in input order', () => {
    const run = cli(
      ['diagnose', '--jwks', jwksFile, '--now', String(NOW), '--json'],
      `${valid}\nnot-a-token\n${expired}\n${valid}\n`,
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.ok)).toEqual([true, false, false, true]);
    expect(lines[1].errors[0].code).toBe('TOKEN_NOT_ENOUGH_PARTS');
    expect(lines[2].errors[0].code).toBe('TOKEN_EXPIRED');
  });

  it('treats "-" as stdin and exits 0 when every token is valid', () => {
    expect(cli(['diagnose', '-', '--jwks', jwksFile, '--now', String(NOW)], `${valid}\n${valid}\n`).code).toBe(0);
  });

  it('prints a readable report without colour when not on a terminal', () => {
    const run = cli(['diagnose', expired, '--jwks', jwksFile, '--now', String(NOW)]);
    expect(run.stdout).toContain('TOKEN_EXPIRED');
    expect(run.stdout).toContain('JWT has expired');
    expect(run.stdout).toContain('/docs/errors/token-expired');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([
    [['diagnose', 'a.b.c', '--bogus'], /unknown option/],
    [['diagnose', 'a.b.c', '--now', 'yesterday'], /--now must be/],
    [['diagnose', 'a.b.c', '--tolerance', '-5'], /--tolerance must be/],
    [['diagnose', 'a.b.c', '--jwks', '/no/such/file.json'], /Cannot read the --jwks file/],
    [['diagnose', 'a.b.c', '--jwks', path.join(dir)], /Cannot read the --jwks file/],
    [['no-such-command'], /unknown command/],
  ])('exits 2 with a message on stderr for %j', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when the --jwks file is not a key set', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": "world"}');
    const run = cli(['diagnose', valid, '--jwks', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a JWK set/);
  });

  it('without --jwks: the JSON keeps JWKS_UNAVAILABLE and exit 1; the report says "not checked", as the page does, not "1 problem"', () => {
    const json = cli(['diagnose', valid, '--now', String(NOW), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: [{ code: 'JWKS_UNAVAILABLE' }] });
    const run = cli(['diagnose', valid, '--now', String(NOW)]);
    expect(run.code).toBe(1);
    const summary = run.stdout.split('\n')[0];
    expect(summary).toBe(
      '? not checked token: The token is well formed and in date. Its signature is not checked yet. It is not a pass until its signature is checked against the account’s public keys. Give them with --jwks FILE.',
    );
    expect(run.stdout).toMatch(
      /^ {2}note {4}JWKS_UNAVAILABLE {2}No public keys were given, so the signature was not checked\./m,
    );
    expect(run.stdout).not.toMatch(/problem/);
  });

  it('without --jwks, a token with its own faults counts only those, and says its signature is not checked', () => {
    const run = cli(['diagnose', expired, '--now', String(NOW)]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      '✗ invalid token: 1 problem. Its signature is not checked yet: no --jwks was given.',
    );
    expect(run.stdout).toMatch(/^ {2}error {3}TOKEN_EXPIRED/m);
    // A token that never reached the key step says nothing about its signature.
    expect(cli(['diagnose', 'not-a-token', '--now', String(NOW)]).stdout.split('\n')[0]).toBe(
      '✗ invalid token: 1 problem.',
    );
  });

  it("leads an unknown kid with the finding, the service's words after it", () => {
    const run = cli([
      'diagnose',
      rs256Token({ sub: 'u', exp: NOW + 3600, iat: NOW }, { alg: 'RS256', kid: 'abc' }),
      '--jwks',
      jwksFile,
      '--now',
      String(NOW),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'JWKS_UNAVAILABLE  No key in the key set has kid "abc". Unable to retrieve JWK set. The set has 1 key; none has kid "abc"',
    );
  });

  it.each([
    ['a JSON body', JSON.stringify({ token: valid })],
    ['an Authorization header line', `Authorization: Bearer ${valid}`],
    ['a Cookie header line', `Cookie: a=b; token=${valid}`],
    ['a URL with ?token=', `https://app.example/editor?token=${valid}`],
    ['a wrapped token', valid.match(/.{1,64}/g)!.join('\n')],
  ])('takes the token out of %s, as the page and the API do', (_name, input) => {
    const run = cli(['diagnose', input, '--jwks', jwksFile, '--now', String(NOW), '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: true, key: { kid: 'k1' } });
    expect(result.warnings.map((warning: { code: string }) => warning.code)).toEqual(['TOKEN_INPUT_CLEANED']);
  });

  it('documents every option and the exit codes in --help', () => {
    const run = cli(['diagnose', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--jwks', '--now', '--tolerance', '--algorithms', '--json', 'Exit codes'])
      expect(run.stdout).toContain(option);
  });
});

describe('rtc-doctor accepted algorithms', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecJwks = path.join(dir, 'ec-jwks.json');
  writeFileSync(ecJwks, JSON.stringify({ keys: [{ ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec' }] }));
  const signingInput = `${b64(JSON.stringify({ alg: 'ES256', kid: 'ec' }))}.${b64(JSON.stringify({ sub: 'u', iat: NOW, exp: NOW + 8 * 3600 }))}`;
  const es256 = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`;

  it('refuses an ES256 token by default, accepts it with --algorithms naming ES256, and with RTC_DOCTOR_ALGORITHMS', () => {
    const strict = cli(['diagnose', es256, '--jwks', ecJwks, '--now', String(NOW), '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).errors.map((error: { code: string }) => error.code)).toEqual([
      'TOKEN_UNSUPPORTED_ALG',
    ]);
    expect(
      cli(['diagnose', es256, '--jwks', ecJwks, '--now', String(NOW), '--algorithms', 'RS256,PS256,ES256']).code,
    ).toBe(0);
    expect(
      cli(['diagnose', es256, '--jwks', ecJwks, '--now', String(NOW)], undefined, {
        RTC_DOCTOR_ALGORITHMS: 'RS256,ES256',
      }).code,
    ).toBe(0);
  });

  it('the flag is the whole set for this run: RS256 is refused when only ES256 is named', () => {
    const run = cli(['diagnose', valid, '--jwks', jwksFile, '--now', String(NOW), '--algorithms', 'ES256', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).errors.map((error: { code: string }) => error.code)).toEqual([
      'TOKEN_UNSUPPORTED_ALG',
    ]);
  });

  it('checks an EC key as unsupported by default and as usable with --algorithms ES256', () => {
    const strict = cli(['key', 'check', ecJwks, '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).keys[0].errors.map((error: { code: string }) => error.code)).toEqual([
      'KEY_UNSUPPORTED_TYPE',
    ]);
    const widened = cli(['key', 'check', ecJwks, '--algorithms', 'ES256', '--json']);
    expect(widened.code).toBe(0);
    expect(JSON.parse(widened.stdout).keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });

  it.each([
    [['diagnose', 'a.b.c', '--algorithms', 'HS256'], /--algorithms: "HS256" is a shared-secret/],
    [['diagnose', 'a.b.c', '--algorithms', 'none'], /unsigned/],
    [['key', 'check', 'x', '--algorithms', 'RS256,Bogus'], /"Bogus" is not an algorithm/],
    [['diagnose', 'a.b.c', '--algorithms', ''], /empty/],
  ])('exits 2 with the reason on stderr for %j, never widening', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 naming RTC_DOCTOR_ALGORITHMS when the deployment setting is wrong', () => {
    const run = cli(['diagnose', valid, '--jwks', jwksFile], undefined, { RTC_DOCTOR_ALGORITHMS: 'RS256,HS256' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/RTC_DOCTOR_ALGORITHMS: "HS256"/);
  });
});

describe('rtc-doctor key check', () => {
  it('exits 0 and prints kid, type, size and thumbprint for usable keys', () => {
    const run = cli(['key', 'check', jwksFile, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      ok: true,
      errors: [],
      keys: [{ kid: 'k1', kty: 'RSA', alg: 'RS256', bits: 2048, errors: [], warnings: [] }],
    });
    expect(result.keys[0].thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('exits 1 for a private key and never prints its secret', () => {
    const privateFile = path.join(dir, 'private.json');
    const jwk = privateKey.export({ format: 'jwk' });
    writeFileSync(privateFile, JSON.stringify(jwk));
    const run = cli(['key', 'check', privateFile, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).keys[0].errors[0].code).toBe('KEY_IS_PRIVATE');
    expect(run.stdout).not.toContain(jwk.d);
    expect(run.stderr).not.toContain(jwk.d!);
  });

  it('prints a readable report for a PEM file', () => {
    const run = cli(['key', 'check', pemFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ key 1: kid \S+ {2}RSA RS256 2048 bits/);
  });

  it('exits 2 for a file it cannot read', () => {
    const run = cli(['key', 'check', '/no/such/key.pem']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot read the key file/);
  });
});

describe('rtc-doctor origin', () => {
  it('exits 0 for a secure origin and prints the contract shape with --json', () => {
    const run = cli(['origin', 'http://0x7f.1:3000/app', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      url: 'http://0x7f.1:3000/app',
      origin: 'http://127.0.0.1:3000',
      secure: true,
      reason: expect.stringContaining('loopback'),
    });
    expect(run.stderr).toBe('');
  });

  it('exits 1 for a LAN address and prints the reason, the fix and a recipe link without colour', () => {
    const run = cli(['origin', 'http://192.168.1.20:3000/'], undefined, { RTC_DOCTOR_URL: 'https://doctor.example' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ not secure: http://192.168.1.20:3000');
    expect(run.stdout).toContain('open http://localhost:3000 instead');
    expect(run.stdout).toContain('https://doctor.example/tools/secure-context?setup=lan-device#recipes');
    expect(run.stdout).toContain('https://doctor.example/docs/secure-context');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 1 with --json for an opaque origin and reports "null"', () => {
    const run = cli(['origin', 'data:text/html,hi', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ origin: 'null', secure: false });
  });

  it.each([
    [['origin'], /Give the URL to check/],
    [['origin', 'example.com'], /did you mean http:\/\/example\.com/],
    [['origin', 'http://999.1.1.1/', '--json'], /not a URL/],
    [['origin', 'https://a.example', '--bogus'], /unknown option/],
  ])('exits 2 with a message on stderr for %j', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('documents the exit codes in --help', () => {
    const run = cli(['origin', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 secure, 1 not secure, 2 usage error');
  });
});

describe('rtc-doctor under fuzzed input', () => {
  it('diagnose reads 300 random and hostile lines from stdin: one result per line, never an unexpected failure', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constant(`${b64('{"alg":"RS256"}')}.${b64(`{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`)}.x`),
      fc
        .tuple(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }))
        .map(
          ([header, payload]) =>
            `${b64(JSON.stringify(header) ?? 'null')}.${b64(JSON.stringify(payload) ?? 'null')}.${b64('sig')}`,
        ),
    );
    const lines = fc
      .sample(hostile, { numRuns: 300, seed: 20261201 })
      .map((line) => line.replace(/[\r\n]/g, ' '))
      .filter((line) => line.trim() !== '');
    const run = cli(['diagnose', '-', '--jwks', jwksFile, '--json'], `${lines.join('\n')}\n`);
    expect(run.stderr).not.toMatch(/unexpected failure/);
    expect([0, 1]).toContain(run.code);
    const results = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(lines.length);
    for (const result of results) expect(result.ok).toBe(result.errors.length === 0);
  });

  it('key check never fails unexpectedly on random files, and never prints a private member it was given', () => {
    const secret = 'zQxPrivateMemberValue0123456789';
    const inputs = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
        fc.constant(`{"kty":"RSA","n":"${secret}","e":"AQAB","d":"${secret}"`),
        fc.constant(`-----BEGIN PRIVATE KEY-----\n${secret}\n-----END PRIVATE KEY-----\n`),
        fc.constant(`{"keys":${'['.repeat(3000)}${']'.repeat(3000)}}`),
      ),
      { numRuns: 12, seed: 20261201 },
    );
    inputs.forEach((text, index) => {
      const file = path.join(dir, `fuzz-key-${index}`);
      writeFileSync(file, text);
      const run = cli(['key', 'check', file, '--json']);
      expect(run.stderr).not.toMatch(/unexpected failure/);
      expect([0, 1]).toContain(run.code);
      expect(run.stdout).not.toContain(secret);
      expect(typeof JSON.parse(run.stdout).ok).toBe('boolean');
    });
  });
});
