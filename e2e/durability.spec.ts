import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';
import { expect, test } from './fixtures';
import { startServer } from './server-process';

// Nothing answered is lost: a key upload that got its 201 survives the server being SIGKILLed right after.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 90;

interface Backend {
  name: string;
  skipReason?: string;
  prepare(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'the embedded database',
    async prepare() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-durability-'));
      return {
        env: { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' },
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
];

const postgresUrl = process.env.TEST_DATABASE_URL;
backends.push({
  name: 'PostgreSQL @postgres',
  skipReason: postgresUrl ? undefined : POSTGRES_SKIP_REASON,
  async prepare() {
    const database = await createThrowawayDatabase(postgresUrl!, 'rtc_doctor_durability');
    return {
      env: { DATABASE_URL: database.url, BETTER_AUTH_SECRET: 'durability-test-secret-0123456789abcdef' },
      dispose: database.drop,
    };
  },
});

// Each test starts a production server twice; on a busy machine that takes longer than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

for (const backend of backends) {
  test(`a key upload answered 201 survives SIGKILL of the server on ${backend.name}`, async () => {
    test.skip(Boolean(backend.skipReason), backend.skipReason);
    const { env, dispose } = await backend.prepare();
    let server = await startServer(PORT, env);
    try {
      const origin = { origin: server.url };
      const client = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: origin });
      const signUp = await client.post('/api/auth/sign-up/email', {
        data: {
          name: 'Durable',
          email: `durable-${crypto.randomUUID().slice(0, 8)}@example.test`,
          password: 'a long enough password',
        },
      });
      expect(signUp.status()).toBe(200);
      const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(await (await client.get('/account')).text())?.[0];
      expect(apiKey).toBeDefined();

      const jwk = {
        ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
        kid: 'survivor',
      };
      const upload = await client.post(`/api/accounts/${apiKey}/keys`, { data: { key: JSON.stringify(jwk) } });
      expect(upload.status()).toBe(201);
      await server.kill();

      server = await startServer(PORT, env);
      const keys = await client.get(`${server.url}/api/accounts/${apiKey}/keys`);
      expect(keys.status()).toBe(200);
      expect((await keys.json()).keys.map((key: { kid: string }) => key.kid)).toEqual(['survivor']);
      const jwks = await (await client.get(`${server.url}/api/accounts/${apiKey}/jwks.json`)).json();
      expect(jwks.keys).toEqual([expect.objectContaining({ kid: 'survivor', n: jwk.n })]);
      await client.dispose();
    } finally {
      await server.kill();
      await dispose();
    }
  });
}
