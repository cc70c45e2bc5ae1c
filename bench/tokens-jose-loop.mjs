#!/usr/bin/env node
// Baseline for bench/tokens.mjs: verify every line of a token file with plain jose, one after another.
// Usage: node bench/tokens-jose-loop.mjs TOKENS_FILE JWKS_FILE   (prints {"verified": N, "failed": M})
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as jose from 'jose';

const localSet = jose.createLocalJWKSet(JSON.parse(readFileSync(process.argv[3], 'utf8')));
let verified = 0;
let failed = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  try {
    await jose.jwtVerify(line, localSet);
    verified++;
  } catch {
    failed++;
  }
}
process.stdout.write(`${JSON.stringify({ verified, failed })}\n`);
