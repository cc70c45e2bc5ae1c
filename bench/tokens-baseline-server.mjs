#!/usr/bin/env node
// Baseline for bench/tokens.mjs: the least a diagnose endpoint must do. A bare node:http server that reads
// the JSON body {token, jwks} and runs jose.jwtVerify against a local JWK set built once at start-up.
// Usage: node bench/tokens-baseline-server.mjs JWKS_FILE   (prints {"port": N} on stdout once listening)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import * as jose from 'jose';

const jwks = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const localSet = jose.createLocalJWKSet(jwks);

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    let status = 200;
    let body;
    try {
      const { token } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { payload, protectedHeader } = await jose.jwtVerify(token, localSet);
      body = { ok: true, header: protectedHeader, payload };
    } catch (error) {
      if (error instanceof SyntaxError) status = 400;
      body = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
