import { randomBytes } from 'node:crypto';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';
import { createSession, openEventStream, type CreateAnswer } from './session-clients';
import { startServer, type ServerProcess } from './server-process';
import { expect, test } from './fixtures';

const CREATORS = 200;
const databaseUrl = process.env.TEST_DATABASE_URL;
// Next to the Playwright web server's port: E2E_PORT + 1 and + 2.
const firstPort = Number(process.env.E2E_PORT ?? 3100) + 1;

// Two `next start` processes of the production build sharing one throw-away PostgreSQL database.
test.describe('two server processes sharing PostgreSQL @postgres', () => {
  test.skip(!databaseUrl, POSTGRES_SKIP_REASON);
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let servers: ServerProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await createThrowawayDatabase(databaseUrl!);
    const env = {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: '1',
    };
    servers = await Promise.all([startServer(firstPort, env), startServer(firstPort + 1, env)]);
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await database?.drop();
  });

  const creators = (documentId: string) =>
    Array.from({ length: CREATORS }, (_, index) => createSession(servers[index % 2]!.url, documentId, `key-${index}`));

  test('200 creators split over both processes: one 201, 199 409s with the winner key hint, subscribers of both told once', async () => {
    const documentId = `pg-race-${Date.now()}`;
    const early = servers.flatMap((server) => Array.from({ length: 5 }, () => openEventStream(server.url, documentId)));
    await Promise.all(early.map((stream) => stream.subscribed));

    const answers = await Promise.all(creators(documentId));
    const winners = answers.filter((answer) => answer.status === 201);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(CREATORS - 1);
    const winner = winners[0]!.keyHint!;
    expect(new Set(answers.map((answer) => answer.keyHint))).toEqual(new Set([winner]));

    const late = servers.map((server) => openEventStream(server.url, documentId));
    for (const stream of [...early, ...late]) expect(await stream.settled).toEqual([winner]);
    for (const stream of [...early, ...late]) stream.close();
  });

  test('killing one process mid-race loses no created session', async () => {
    const documentId = `pg-kill-${Date.now()}`;
    const [survivor, victim] = servers as [ServerProcess, ServerProcess];
    const watching = openEventStream(survivor.url, documentId);
    await watching.subscribed;

    const answered: CreateAnswer[] = [];
    let failed = 0;
    let killedWithInFlight = -1;
    let settledCount = 0;
    const race = creators(documentId).map((creator) =>
      creator.then(
        (answer) => {
          answered.push(answer);
          settledCount++;
          // At the first answer, with the others still in flight.
          if (killedWithInFlight < 0) {
            killedWithInFlight = CREATORS - settledCount;
            void victim.kill();
          }
        },
        () => {
          failed++;
          settledCount++;
        },
      ),
    );
    await Promise.all(race);

    // The kill landed while creators were still waiting for answers, some of them never answered.
    expect(killedWithInFlight).toBeGreaterThan(0);
    expect(answered.length + failed).toBe(CREATORS);

    // Whoever won, the session is there: the survivor announces it and every later creator is turned away with its key hint.
    const [announced] = await watching.settled;
    watching.close();
    const later = await Promise.all(
      Array.from({ length: 20 }, (_, index) => createSession(survivor.url, documentId, `later-${index}`)),
    );
    expect(later).toEqual(later.map(() => ({ status: 409, keyHint: announced })));
    const created = answered.filter((answer) => answer.status === 201);
    expect(created.length).toBeLessThanOrEqual(1);
    for (const answer of answered) expect(answer.keyHint).toBe(announced);
    expect(answered.filter((answer) => answer.status === 409).length + created.length).toBe(answered.length);
  });
});
