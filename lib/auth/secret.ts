import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirectory, PRIVATE_FILE_MODE } from '@/lib/db/connect';

/**
 * The key that signs session cookies. BETTER_AUTH_SECRET when set (required when several processes share
 * PostgreSQL, so they all accept each other's sessions); otherwise one made on first start and kept, readable
 * by this user only, beside the embedded database.
 */
export function authSecret(options: { configured?: string; sharedDatabase: boolean; dataDir: string }): string {
  if (options.configured) {
    if (options.configured.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters long.');
    return options.configured;
  }
  if (options.sharedDatabase)
    throw new Error(
      'Set BETTER_AUTH_SECRET (32 characters or more) when DATABASE_URL is set, so every server process signs sessions alike.',
    );
  ensurePrivateDirectory(options.dataDir);
  const file = path.join(options.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  writeFileSync(file, secret, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
  return secret;
}
