#!/usr/bin/env node
// The bare batch verifier for bench/batch.mjs: node:http reading the same NDJSON body as the batch route, and
// running jose.jwtVerify on each line against a JWK set built once at start-up. No diagnosis, no limits, no framework.
// Usage: node bench/batch-baseline-server.mjs JWKS_FILE   (prints {"port": N} on stdout once listening)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import * as jose from 'jose';

const localSet = jose.createLocalJWKSet(JSON.parse(readFileSync(process.argv[2], 'utf8')));

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    const answers = await Promise.all(
      lines.map(async (line) => {
        try {
          const { payload, protectedHeader } = await jose.jwtVerify(JSON.parse(line).token, localSet);
          return JSON.stringify({ ok: true, header: protectedHeader, payload });
        } catch (error) {
          return JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
    const text = `${answers.join('\n')}\n`;
    response.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
