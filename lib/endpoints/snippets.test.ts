import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { diagnoseToken, loadKeySet, RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt';
import { csharpLiteral, goLiteral, javaLiteral, phpLiteral, pythonLiteral } from './literals';
import { pythonWithPyJwt } from '@/scripts/python.cjs';
import { ENDPOINT_LANGUAGES, endpointCode, type EndpointInput, type EndpointLanguage } from './snippets';

const claims = { sub: 'user-42', name: "Ada O'Neil", 'https://claims.tiny.cloud/rtc/role': 'editor', iat: 1, exp: 2 };
const input: EndpointInput = { alg: 'RS256', kid: 'kid-2026', claims, lifetimeSeconds: RECOMMENDED_LIFETIME_SECONDS };

describe('token endpoint code', () => {
  it('uses, in every language and for every algorithm its library signs, each checked API name, the algorithm, the kid and the lifetime', () => {
    for (const entry of ENDPOINT_LANGUAGES) {
      for (const alg of SERVICE_ALGORITHMS) {
        const result = endpointCode(entry.language, { ...input, alg });
        if (!entry.algorithms[alg]) {
          expect(result).toHaveProperty('unsupported', expect.stringContaining(`cannot sign ${alg}`));
          continue;
        }
        if (!('code' in result)) throw new Error(`${entry.language} ${alg}: ${result.unsupported}`);
        for (const name of entry.apiNames) expect(result.code, `${entry.language}: ${name}`).toContain(name);
        expect(result.code).toContain(entry.algorithms[alg]);
        expect(result.code).toContain('kid-2026');
        expect(result.code).toContain(String(RECOMMENDED_LIFETIME_SECONDS));
        expect(result.code).toMatch(/rtc-token/);
        // The times are the endpoint's to set when it signs, never copied from the pasted token.
        expect(result.code).not.toMatch(/["']?iat["']?\s*[:=]+>?\s*1\b/);
      }
    }
  });

  it('names PHP as the one library without RSASSA-PSS', () => {
    expect(endpointCode('php', { ...input, alg: 'PS256' })).toMatchObject({
      unsupported: expect.stringContaining('firebase/php-jwt cannot sign PS256; it signs RS256, RS384, RS512'),
    });
    const signsEverything = ENDPOINT_LANGUAGES.filter((entry) =>
      SERVICE_ALGORITHMS.every((alg) => entry.algorithms[alg]),
    ).map((entry) => entry.language);
    expect(signsEverything).toEqual(['node', 'python', 'java', 'csharp', 'go'] satisfies EndpointLanguage[]);
  });

  it('writes claim values as literals each language compiles', () => {
    const value = { s: 'O\'Neil \\ "q"', n: 4102444800, ok: true, none: null, list: [1, null] };
    expect(pythonLiteral(value, '')).toBe(
      '{\n    "s": "O\'Neil \\\\ \\"q\\"",\n    "n": 4102444800,\n    "ok": True,\n    "none": None,\n    "list": [\n        1,\n        None,\n    ],\n}',
    );
    expect(phpLiteral({ s: "O'Neil \\" }, '')).toBe("[\n    's' => 'O\\'Neil \\\\',\n]");
    expect(goLiteral({ none: null, list: [] }, '')).toBe('map[string]any{\n\t"none": nil,\n\t"list": []any{},\n}');
    // Java's Map.entry refuses null and its calls take no trailing comma; 64-bit integers need L in Java and C#.
    expect(javaLiteral({ n: 4102444800, none: null, m: 1 }, '')).toBe(
      'Map.ofEntries(\n  Map.entry("n", 4102444800L),\n  Map.entry("m", 1)\n)',
    );
    expect(csharpLiteral({ n: 4102444800, small: 7 }, '')).toBe(
      'new Dictionary<string, object> {\n    ["n"] = 4102444800L,\n    ["small"] = 7,\n}',
    );
  });
});

// The Node and Python endpoints are run as written, and what they issue goes through the same diagnosis as a
// pasted token, against the key's JWK set.
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const workDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-endpoint-'));
writeFileSync(path.join(workDir, 'private.pem'), pair.privateKey.export({ format: 'pem', type: 'pkcs8' }));
// The Node endpoint imports jose as a user's project would: from a node_modules beside it.
symlinkSync(path.resolve('node_modules'), path.join(workDir, 'node_modules'), 'dir');
const jwks = JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'kid-2026' }] });
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the endpoint, asks it for a token (retrying while it starts, at most 100 times), and stops it. */
async function tokenFrom(command: string, file: string): Promise<string> {
  const port = await freePort();
  const child = spawn(command, [file], { cwd: workDir, env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}: ${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/rtc-token`, { method: 'POST' });
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(response.headers.get('cache-control')).toBe('no-store');
        return ((await response.json()) as { token: string }).token;
      } catch (error) {
        if (error instanceof Error && error.name === 'AssertionError') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`${file} did not answer on port ${port}: ${output}`);
  } finally {
    child.kill();
  }
}

async function expectAccepted(token: string, alg: string) {
  const { keys } = await loadKeySet(jwks);
  const diagnosis = await diagnoseToken(token, { keys });
  expect(diagnosis.errors).toEqual([]);
  expect(diagnosis).toMatchObject({ ok: true, signatureChecked: true, key: { kid: 'kid-2026' } });
  expect(decodeProtectedHeader(token)).toMatchObject({ alg, kid: 'kid-2026' });
  const payload = decodeJwt(token);
  expect(payload).toMatchObject({ sub: 'user-42', name: "Ada O'Neil", 'https://claims.tiny.cloud/rtc/role': 'editor' });
  expect(payload.exp! - payload.iat!).toBe(RECOMMENDED_LIFETIME_SECONDS);
}

function writeEndpoint(language: EndpointLanguage, alg: EndpointInput['alg']): string {
  const result = endpointCode(language, { ...input, alg });
  if (!('code' in result)) throw new Error(result.unsupported);
  writeFileSync(path.join(workDir, result.entry.file), result.code);
  return result.entry.file;
}

it('runs exactly the endpoints the data file says are run', () => {
  expect(ENDPOINT_LANGUAGES.filter((entry) => entry.ranByTests).map((entry) => entry.language)).toEqual([
    'node',
    'python',
  ]);
});

describe('the Node endpoint, run', () => {
  for (const alg of ['RS256', 'PS256'] as const)
    it(`issues ${alg} tokens the service accepts`, async () => {
      await expectAccepted(await tokenFrom(process.execPath, writeEndpoint('node', alg)), alg);
    });
});

const python = pythonWithPyJwt();
if (!python)
  console.log(
    'The Python endpoint test is skipped: no python3 here imports PyJWT and cryptography (npm test installs python3-jwt with apt where it can).',
  );

describe('the Python endpoint, run', () => {
  for (const alg of ['RS256', 'PS256'] as const)
    it.skipIf(!python)(`issues ${alg} tokens the service accepts`, async () => {
      await expectAccepted(await tokenFrom(python!, writeEndpoint('python', alg)), alg);
    });
});
