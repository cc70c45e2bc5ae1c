import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadKeySet } from '@/lib/jwt';
import { analyseEvidence, describeTokenGroup, findTokens, groupTokenFindings, readHar, type TokenFinding } from '.';
import type { Har } from './har';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'rsa-2024' }] });
const now = 1_800_000_000;

function sign(claims: Record<string, unknown>, iat: number, exp: number) {
  return new SignJWT({ sub: 'user-1', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'rsa-2024' })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(pair.privateKey);
}

type EntryInput = {
  at: number;
  method?: string;
  url: string;
  requestHeaders?: [string, string][];
  cookies?: [string, string][];
  body?: string;
  status?: number;
  responseHeaders?: [string, string][];
  response?: string;
  time?: number;
};

function entry(input: EntryInput): Har['log']['entries'][number] {
  const pairs = (list: [string, string][] = []) => list.map(([name, value]) => ({ name, value }));
  const url = new URL(input.url);
  return {
    startedDateTime: new Date(input.at * 1000).toISOString(),
    time: input.time ?? 20,
    request: {
      method: input.method ?? 'GET',
      url: input.url,
      headers: pairs(input.requestHeaders),
      cookies: pairs(input.cookies),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(input.body ? { postData: { mimeType: 'application/json', text: input.body } } : {}),
    },
    response: {
      status: input.status ?? 200,
      headers: pairs(input.responseHeaders),
      cookies: [],
      content: { mimeType: 'application/json', ...(input.response ? { text: input.response } : {}) },
    },
  };
}

async function capture() {
  const expired = await sign({}, now - 7200, now - 3600);
  const valid = await sign({}, now - 60, now + 3600);
  // Issued 90 s after the server's Date: the token server's clock runs ahead.
  const ahead = await sign({ sub: 'user-2' }, now + 90, now + 7200);
  const page = 'http://192.168.1.20:3000/editor?doc=1';
  const har = {
    log: {
      version: '1.2',
      pages: [{ id: 'page_1', title: page, startedDateTime: new Date(now * 1000).toISOString() }],
      entries: [
        entry({
          at: now,
          method: 'POST',
          url: 'http://192.168.1.20:3000/rtc-token',
          response: JSON.stringify({ token: expired }),
        }),
        entry({
          at: now + 1,
          url: 'https://rtc.example/api/x',
          requestHeaders: [
            ['Authorization', `Bearer ${valid}`],
            ['Origin', 'http://192.168.1.20:3000'],
          ],
          cookies: [['rtc', valid]],
          responseHeaders: [['Date', new Date(now * 1000).toUTCString()]],
        }),
        entry({
          at: now + 2,
          url: `https://rtc.example/api/y?token=${ahead}`,
          responseHeaders: [['Date', new Date(now * 1000).toUTCString()]],
        }),
        entry({
          at: now + 3,
          method: 'POST',
          url: 'http://192.168.1.20:3000/api/sessions/doc-1',
          body: JSON.stringify({ keyHint: 'hint-a' }),
          status: 201,
          response: JSON.stringify({ outcome: 'created', keyHint: 'hint-a' }),
          time: 41,
        }),
        entry({
          at: now + 3.02,
          method: 'POST',
          url: 'http://192.168.1.20:3000/api/sessions/doc-1',
          body: JSON.stringify({ keyHint: 'hint-b' }),
          status: 409,
          response: JSON.stringify({ outcome: 'rejected', keyHint: 'hint-a' }),
          time: 38,
        }),
        entry({
          at: now + 3.1,
          url: 'http://192.168.1.20:3000/api/sessions/doc-1/events',
          response: 'event: session-available\ndata: {"keyHint":"hint-a"}\n\n',
          time: 500,
        }),
        entry({ at: now + 3.2, url: 'http://192.168.1.20:3000/app/keys?hint=hint-a' }),
      ],
    },
  };
  return { har: readHar(JSON.stringify(har)), expired, valid, ahead };
}

describe('reading evidence', () => {
  it('finds JWTs in free text and leaves look-alikes out', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
    expect(findTokens(`Authorization: Bearer ${token}; again=${token}`)).toEqual([token, token]);
    // "eyJ" that is not a JSON object's start, and a lone header part, are not tokens.
    expect(findTokens('key=eyJunkjunkjunk.abc.def and eyJhbGciOiJSUzI1NiJ9 alone')).toEqual([]);
  });

  it('names where a file stops being a HAR, and leaves other text to be read as a log', () => {
    expect(readHar('{"log": {"entries": [{"startedDateTime": "x", "request": {"method": "GET"}}]}}')).toEqual({
      error: expect.stringMatching(/^Not a HAR 1\.2 file: log\.entries\[0\]\.request\.url: /),
    });
    expect(readHar('2026-12-04T10:42:07Z token=eyJ…')).toBeUndefined();
    expect(readHar('{"not": "a har"}')).toBeUndefined();
  });

  it('diagnoses every distinct token once, says where it was first seen and how often, and never quotes it there', async () => {
    const { har, expired, valid, ahead } = await capture();
    if (!har || 'error' in har) throw new Error('fixture is not a HAR');
    const { keys } = await loadKeySet(jwks);
    const findings = await analyseEvidence({ kind: 'har', har: har.har }, { keys, now });
    const tokens = findings.filter((finding): finding is TokenFinding => finding.kind === 'token');
    expect(
      tokens.map((finding) => [finding.where, finding.seen, finding.result.errors.map((error) => error.code)]),
    ).toEqual([
      ['POST http://192.168.1.20:3000/rtc-token · response body', 1, ['TOKEN_EXPIRED']],
      ['GET https://rtc.example/api/x · request header Authorization', 2, []],
      ['GET https://rtc.example/api/y · query token', 1, ['TOKEN_ISSUED_IN_FUTURE']],
    ]);
    for (const finding of findings)
      for (const token of [expired, valid, ahead]) expect(JSON.stringify(finding)).not.toContain(token.split('.')[2]);
    expect(describeTokenGroup(groupTokenFindings(tokens).find((group) => group.code === 'TOKEN_EXPIRED')!)).toBe(
      `1 token: Token has expired, first at ${new Date(now * 1000).toISOString().slice(11, 19)}Z, kid "rsa-2024"`,
    );
  });

  it('judges the page origin, lays out the session race, and compares the server clock with the tokens', async () => {
    const { har } = await capture();
    if (!har || 'error' in har) throw new Error('fixture is not a HAR');
    const findings = await analyseEvidence({ kind: 'har', har: har.har }, { now });
    expect(findings.filter((finding) => finding.kind === 'origin')).toEqual([
      expect.objectContaining({ origin: 'http://192.168.1.20:3000', secure: false, where: 'page page_1' }),
    ]);
    expect(findings.filter((finding) => finding.kind === 'session')).toEqual([
      expect.objectContaining({
        call: 'create',
        status: 201,
        outcome: 'created',
        sentKeyHint: 'hint-a',
        durationMs: 41,
      }),
      expect.objectContaining({
        call: 'create',
        status: 409,
        outcome: 'rejected',
        keyHint: 'hint-a',
        sentKeyHint: 'hint-b',
      }),
      expect.objectContaining({ call: 'events', keyHint: 'hint-a', durationMs: 500 }),
    ]);
    expect(findings.filter((finding) => finding.kind === 'race')).toEqual([
      {
        kind: 'race',
        documentId: 'doc-1',
        creators: 2,
        winner: { keyHint: 'hint-a', at: new Date((now + 3) * 1000).toISOString() },
        rejected: 1,
        loserAskedForWinnersKey: true,
      },
    ]);
    expect(findings.filter((finding) => finding.kind === 'clock')).toEqual([
      expect.objectContaining({ where: 'rtc.example', aheadSeconds: 90, withinTolerance: false }),
    ]);
  });

  it('reads a log line by line, with the time each line starts with', async () => {
    const token = await sign({}, now - 100, now + 100);
    const text = `2026-12-04 10:42:07,120 INFO issued ${token}\n\nnoise\n[2026-12-04T10:42:09Z] again ${token}`;
    const findings = await analyseEvidence({ kind: 'log', text }, { now });
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'token', where: 'line 1', seen: 2, firstAt: '2026-12-04T10:42:07.120' }),
    ]);
  });
});
