import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-evidence-'));

function cli(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bin/rtc-doctor.ts', 'evidence', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, RTC_DOCTOR_ALGORITHMS: '', RTC_DOCTOR_DATA_DIR: path.join(dir, 'data') },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwksFile = path.join(dir, 'jwks.json');
writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
const now = 1_800_000_000;
const sign = (exp: number) =>
  new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuedAt(now - 7200)
    .setExpirationTime(exp)
    .sign(pair.privateKey);

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function harFile(): Promise<string> {
  const expired = await sign(now - 3600);
  const at = new Date(now * 1000).toISOString();
  const entry = (url: string, headers: { name: string; value: string }[], body?: string) => ({
    startedDateTime: at,
    time: 12,
    request: { method: 'POST', url, headers, cookies: [], queryString: [] },
    response: { status: 200, headers: [], cookies: [], content: { mimeType: 'application/json', text: body } },
  });
  return write(
    'capture.har',
    JSON.stringify({
      log: {
        version: '1.2',
        pages: [{ id: 'page_1', title: 'http://192.168.1.20:3000/editor', startedDateTime: at }],
        entries: [
          entry('http://192.168.1.20:3000/rtc-token', [], JSON.stringify({ token: expired })),
          entry('https://rtc.example/connect', [{ name: 'Authorization', value: `Bearer ${expired}` }]),
        ],
      },
    }),
  );
}

describe('rtc-doctor evidence', () => {
  it('prints one NDJSON finding per distinct token and per origin, and exits 1 when a token is invalid', async () => {
    const run = cli([await harFile(), '--jwks', jwksFile, '--now', String(now), '--json']);
    expect(run.code).toBe(1);
    const findings = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'token',
        where: 'POST http://192.168.1.20:3000/rtc-token · response body',
        seen: 2,
        result: expect.objectContaining({ ok: false, errors: [expect.objectContaining({ code: 'TOKEN_EXPIRED' })] }),
      }),
      expect.objectContaining({ kind: 'origin', origin: 'http://192.168.1.20:3000', secure: false }),
    ]);
  });

  it('summarises tokens by problem for a reader, and exits 0 for a log whose tokens are all valid', async () => {
    const human = cli([await harFile(), '--jwks', jwksFile, '--now', String(now)]);
    expect(human.stdout).toContain('1 distinct token');
    expect(human.stdout).toContain('1 token: Token has expired, first at 08:00:00Z, kid "k1"');
    expect(human.stdout).toContain('✗ origin http://192.168.1.20:3000');
    const log = write('server.log', `2027-01-15T08:00:00Z issued ${await sign(now + 3600)}\n`);
    const valid = cli([log, '--jwks', jwksFile, '--now', String(now), '--json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ kind: 'token', where: 'line 1', result: { ok: true } });
  });

  it('refuses a broken HAR, both key sources at once, an unknown API key and a missing file, with exit 2', () => {
    const broken = write('broken.har', '{"log": {"entries": [{"startedDateTime": "x"}]}}');
    expect(cli([broken])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Not a HAR 1.2 file: log.entries[0].request'),
    });
    expect(cli([broken, '--jwks', jwksFile, '--api-key', 'rtc_x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('either --jwks or --api-key'),
    });
    const log = write('empty.log', 'nothing here\n');
    expect(cli([log, '--api-key', 'rtc_unknown'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No account has the API key'),
    });
    expect(cli([path.join(dir, 'missing.har')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Cannot read'),
    });
  });
});
