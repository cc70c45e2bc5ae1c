// `output: 'standalone'` copies the server's files into .next/standalone without next.config.mjs; its own server.js
// hands Next.js the configuration the build recorded. server.mjs, copied there (scripts/build-standalone.mjs), does
// the same before it loads Next.js, so one server serves both `npm start` and `npm run start:prod` (and Next.js
// does not warn that `next start` ignores standalone output: this is not `next start`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Hands Next.js the configuration the build recorded, in the standalone folder (which has no next.config.mjs) and
 * beside the checkout alike, so that the server runs with what the build was made with. False without a build.
 */
export function adoptRecordedConfig(root) {
  const recorded = path.join(root, '.next', 'required-server-files.json');
  if (!existsSync(recorded)) return false;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(recorded, 'utf8')).config);
  return true;
}
