// Demo data for `npm run demo`: an owner with a registered key, and a support user. Idempotent: a second run
// prints the same credentials. They live, readable by this user only, in RTC_DOCTOR_DATA_DIR.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getAuth } from '@/lib/auth';
import { readEnvironment } from '@/lib/config/env';
import { closeDatabase, getDatabase, getStore, type Store } from '@/lib/db';
import { ensurePrivateDirectory, PRIVATE_FILE_MODE } from '@/lib/db/connect';
import { accounts, users } from '@/lib/db/schema';
import { MIN_RSA_BITS, RECOMMENDED_ALGORITHM } from '@/lib/algorithms';
import { checkKeys, storableKeys } from '@/lib/jwk/check';
import { SignJWT } from 'jose';
import { analyseEvidence, supportBundle } from '@/lib/evidence';
import { summariseBundle } from '@/lib/evidence/bundle';
import { loadKeySet, RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt';

interface DemoCredentials {
  owner: { email: string; password: string };
  staff: { email: string; password: string };
  apiKey: string;
  signingKeyFile: string;
}

function password(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');
}

/** The demo account's one key; tokens name it in their header. */
const DEMO_KID = 'demo-rs256';

const DAY_MS = 86_400_000;

/**
 * A month of what the demo account's users hit, for the console's account chart: a signature problem now and
 * then, and tokens that started expiring yesterday (the picture the chart exists to show).
 */
async function seedDiagnosisHistory(store: Store, accountId: string): Promise<void> {
  const now = Date.now();
  for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
    const at = new Date(now - daysAgo * DAY_MS);
    const checks: string[][] = [];
    if (daysAgo % 6 === 2) checks.push(['TOKEN_SIGNATURE_INVALID'], ['TOKEN_SIGNATURE_INVALID']);
    if (daysAgo % 9 === 4) checks.push(['TOKEN_MISSING_CLAIMS']);
    if (daysAgo <= 1) for (let check = 0; check < (daysAgo === 0 ? 14 : 9); check++) checks.push(['TOKEN_EXPIRED']);
    for (const codes of checks) await store.diagnoses.record(accountId, codes, at);
  }
}

/**
 * One evidence bundle from the demo owner, so the console's account view has one to open: a token server's log
 * where the tokens of this morning are fine and a cached one from yesterday has expired.
 */
async function seedEvidenceBundle(store: Store, accountId: string, ownerId: string, privateKey: KeyObject) {
  const now = Math.floor(Date.now() / 1000);
  const sign = (sub: string, iat: number) =>
    new SignJWT({ sub })
      .setProtectedHeader({ alg: RECOMMENDED_ALGORITHM, kid: DEMO_KID })
      .setIssuedAt(iat)
      .setExpirationTime(iat + RECOMMENDED_LIFETIME_SECONDS)
      .sign(privateKey);
  const stale = await sign('editor-7', now - 30 * 3600);
  const fresh = await sign('editor-9', now - 600);
  const at = (secondsAgo: number) => new Date((now - secondsAgo) * 1000).toISOString();
  const log = [
    `${at(900)} POST /rtc-token 200 token=${fresh}`,
    `${at(600)} GET /editor/doc-42 200 cached rtc_token=${stale}`,
    `${at(300)} GET /editor/doc-42 200 cached rtc_token=${stale}`,
  ].join('\n');
  const { keys } = await loadKeySet(JSON.stringify({ keys: (await store.listKeys(accountId)).map((key) => key.jwk) }));
  const findings = await analyseEvidence({ kind: 'log', text: log }, { keys });
  const bundle = supportBundle(findings, { kind: 'log', name: 'token-server.log', entries: 3 });
  await store.bundles.insert({
    accountId,
    senderId: ownerId,
    message: 'Since this morning some editors say the token has expired after a page reload.',
    bundle,
    summary: summariseBundle(bundle),
  });
}

async function seed(dataDir: string): Promise<DemoCredentials> {
  const file = path.join(dataDir, 'demo-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
  const auth = await getAuth();
  const store = await getStore();
  const { db } = await getDatabase();
  const credentials: DemoCredentials = {
    owner: { email: 'owner@demo.rtc-doctor.test', password: password() },
    staff: { email: 'support@demo.rtc-doctor.test', password: password() },
    apiKey: '',
    signingKeyFile: path.join(dataDir, 'demo-signing-key.pem'),
  };

  const owner = await auth.api.signUpEmail({
    body: { name: 'Demo Owner', email: credentials.owner.email, password: credentials.owner.password },
  });
  const [ownerRow] = await db.select().from(users).where(eq(users.id, owner.user.id));
  const account = (await store.findAccount(ownerRow!.customerAccountId!))!;
  credentials.apiKey = account.apiKey;
  const pair = generateKeyPairSync('rsa', { modulusLength: MIN_RSA_BITS });
  const checked = await checkKeys(
    JSON.stringify({ ...pair.publicKey.export({ format: 'jwk' }), kid: DEMO_KID, alg: RECOMMENDED_ALGORITHM }),
  );
  await store.addKeys(account.id, storableKeys(checked), { id: owner.user.id, role: 'owner' });
  await seedDiagnosisHistory(store, account.id);
  await seedEvidenceBundle(store, account.id, owner.user.id, pair.privateKey);
  writeFileSync(credentials.signingKeyFile, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: PRIVATE_FILE_MODE,
  });

  const staff = await auth.api.signUpEmail({
    body: { name: 'Demo Support', email: credentials.staff.email, password: credentials.staff.password },
  });
  const [staffRow] = await db.select().from(users).where(eq(users.id, staff.user.id));
  // The role change `rtc-doctor staff add` makes; the demo's support user then needs no account of their own.
  await store.makeStaff(credentials.staff.email);
  await db.delete(accounts).where(eq(accounts.id, staffRow!.customerAccountId!));

  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: PRIVATE_FILE_MODE });
  return credentials;
}

async function main() {
  const environment = readEnvironment();
  const dataDir = path.resolve(environment.RTC_DOCTOR_DATA_DIR);
  ensurePrivateDirectory(dataDir);
  const credentials = await seed(dataDir);
  await closeDatabase();
  const port = process.env.PORT ?? '3000';
  console.log(`
RTC Doctor demo data (kept in ${dataDir})
  Portal:          http://localhost:${port}
  Account owner:   ${credentials.owner.email}  password ${credentials.owner.password}
  Support staff:   ${credentials.staff.email}  password ${credentials.staff.password}
  Demo API key:    ${credentials.apiKey}  (JWK set: http://localhost:${port}/api/accounts/${credentials.apiKey}/jwks.json)
  Signing key:     ${credentials.signingKeyFile}  (${RECOMMENDED_ALGORITHM}, kid "${DEMO_KID}": sign test tokens with it)
`);
}

main().catch((error) => {
  console.error(`Could not create the demo data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
