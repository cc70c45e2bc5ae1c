import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPKCS8, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/connect';
import { Store } from '@/lib/db/store';
import { diagnoseToken, loadKeySet } from '@/lib/jwt';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rtc-doctor-demo-'));

function seed() {
  const result = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/seed-demo.ts'], {
    encoding: 'utf8',
    env: { ...process.env, RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '', BETTER_AUTH_SECRET: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run demo data', () => {
  it('creates an owner with a key and a staff user once, and prints the same credentials every time', async () => {
    const first = seed();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/owner@demo\.rtc-doctor\.test {2}password \S{16}/);
    expect(first.stdout).toMatch(/support@demo\.rtc-doctor\.test {2}password \S{16}/);
    const second = seed();
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    for (const file of ['demo-credentials.json', 'demo-signing-key.pem', 'auth-secret'])
      expect(statSync(path.join(dataDir, file)).mode & 0o077).toBe(0);

    // The printed signing key makes tokens the demo account's JWK set accepts.
    const credentials = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
    const opened = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      const store = new Store(opened.db);
      // `npm run demo` keeps making one staff user, who belongs to no account.
      expect(await store.findUserByEmail(credentials.staff.email)).toMatchObject({
        role: 'staff',
        customerAccountId: null,
      });
      const account = (await store.findAccountByApiKey(credentials.apiKey))!;
      const { keys } = await loadKeySet({
        keys: (await store.listKeys(account.id)).map((key) => ({ ...key.jwk, kid: key.kid })),
      });
      const privateKey = await importPKCS8(readFileSync(credentials.signingKeyFile, 'utf8'), 'RS256');
      const token = await new SignJWT({ sub: 'demo-user' })
        .setProtectedHeader({ alg: 'RS256', kid: 'demo-rs256' })
        .setIssuedAt()
        .setExpirationTime('8h')
        .sign(privateKey);
      const diagnosis = await diagnoseToken(token, { keys });
      expect(diagnosis.ok).toBe(true);
      expect(diagnosis.warnings).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
