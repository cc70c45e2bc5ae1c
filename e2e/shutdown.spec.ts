import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../lib/db/connect';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';
import { expect, test } from './fixtures';
import { startServer } from './server-process';

// SIGTERM while 100 event streams are open and 50 session creates are in flight: every create is answered and
// stored, every stream is told to reconnect before it ends, and the process exits 0.
const STREAMS = 100;
const CREATES = 50;
const PORT = Number(process.env.E2E_PORT ?? 3100) + 40;
const databaseUrl = process.env.TEST_DATABASE_URL;

/** An event stream read to its end: everything the server sent. */
function readStream(url: string): { opened: Promise<void>; text: Promise<string> } {
  let opened!: () => void;
  const openedPromise = new Promise<void>((resolve) => (opened = resolve));
  const text = (async () => {
    const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
    if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let received = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return received;
      received += decoder.decode(value, { stream: true });
      if (received.includes(': subscribed\n\n')) opened();
    }
  })();
  text.catch(() => opened());
  return { opened: openedPromise, text };
}

/** GET on a connection of its own (fetch could reuse one of its pool's). */
function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * A create whose request line, headers and first half of its body are on the server before SIGTERM: `finish()` sends
 * the rest. Resolves with the status and body, or the network error.
 */
function createInFlight(baseUrl: string, documentId: string) {
  const body = JSON.stringify({ keyHint: `hint-${documentId}`, content: 'x'.repeat(200) });
  const request: ClientRequest = httpRequest(`${baseUrl}/api/sessions/${documentId}`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  // Resolves once the request line, the headers and the first half of the body are on the server's side of the socket.
  const sent = new Promise<void>((resolve, reject) =>
    request.write(body.slice(0, 100), (error) => (error ? reject(error) : resolve())),
  );
  const answer = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    request.on('response', (response: IncomingMessage) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', (error) => resolve({ error: error.message }));
  });
  return { sent, answer, finish: () => request.end(body.slice(100)), documentId };
}

for (const backend of ['embedded', 'postgres'] as const) {
  test.describe(`a graceful stop on ${backend}${backend === 'postgres' ? ' @postgres' : ''}`, () => {
    test.skip(backend === 'postgres' && !databaseUrl, POSTGRES_SKIP_REASON);
    test.describe.configure({ timeout: 180_000 });

    test('SIGTERM with 100 open streams and 50 creates in flight: every create answered and stored, every stream told to reconnect, exit 0', async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-shutdown-'));
      const database = backend === 'postgres' ? await createThrowawayDatabase(databaseUrl!) : undefined;
      const env = {
        RTC_DOCTOR_DATA_DIR: dataDir,
        DATABASE_URL: database?.url ?? '',
        BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
        RTC_DOCTOR_LOG_FORMAT: 'json',
      };
      const server = await startServer(PORT + (backend === 'postgres' ? 1 : 0), env);
      try {
        const run = `stop-${Date.now().toString(36)}`;
        const streams = Array.from({ length: STREAMS }, (_, index) =>
          readStream(`${server.url}/api/sessions/${run}-watched-${index}/events`),
        );
        await Promise.all(streams.map((stream) => stream.opened));
        const creates = Array.from({ length: CREATES }, (_, index) => createInFlight(server.url, `${run}-${index}`));
        await Promise.all(creates.map((create) => create.sent));
        // A request on a connection of its own, opened after the creates' were and their bytes sent: the server
        // accepts connections in order, so once this one is answered it has accepted theirs and will read them.
        expect(await statusOnNewConnection(`${server.url}/api/health/live`)).toBe(200);

        const exited = once(server.process, 'exit') as Promise<[number | null, string | null]>;
        server.process.kill('SIGTERM');
        // The server has stopped taking connections: the rest of each body still arrives on its own connection.
        for (const create of creates) create.finish();
        const answers = await Promise.all(creates.map((create) => create.answer));
        const [code, signal] = await exited;
        expect({ code, signal }).toEqual({ code: 0, signal: null });

        expect(answers.map((answer) => ('status' in answer ? answer.status : answer.error))).toEqual(
          new Array(CREATES).fill(201),
        );
        const texts = await Promise.all(streams.map((stream) => stream.text));
        for (const text of texts) expect(text).toMatch(/retry: \d+\nevent: reconnect\ndata: \{"reason":/);

        // Every create the server answered is stored: read the database after the server has gone.
        const ids = creates.map((create) => create.documentId);
        let stored: Set<string>;
        if (database) {
          const client = new Client({ connectionString: database.url });
          await client.connect();
          const { rows } = await client.query<{ document_id: string }>(
            'select document_id from collaboration_sessions where document_id = any($1)',
            [ids],
          );
          stored = new Set(rows.map((row) => row.document_id));
          await client.end();
        } else {
          const opened = await openDatabase({ dataDir: path.join(dataDir, 'db') });
          const { rows } = await opened.embedded!.query<{ document_id: string }>(
            'select document_id from collaboration_sessions where document_id = any($1)',
            [ids],
          );
          stored = new Set(rows.map((row) => row.document_id));
          await opened.close();
        }
        expect([...stored].sort()).toEqual([...ids].sort());
      } finally {
        await server.kill();
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
