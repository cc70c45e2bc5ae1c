import { describe, expect, it } from 'vitest';
import {
  cleanTokenInput,
  describeCleaning,
  joinWrappedLines,
  tokenFromCookieHeader,
  tokenFromJsonBody,
  tokenFromUrl,
} from './input';
import { diagnoseToken } from './diagnose';
import { loadKeySet } from './key-set';
import { jwkSet, makeKeys, makeToken, NOW } from './test-tokens';

const key = makeKeys('RS256');
const token = makeToken('RS256', { key });

/** `width` characters a line, the way a terminal or an e-mail wraps a long line. */
function wrap(text: string, width: number, eol = '\n'): string {
  return text.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);
}

describe('cleanTokenInput: nothing to clean', () => {
  it('leaves a bare token alone, with no notes and no warning', () => {
    expect(cleanTokenInput(token)).toEqual({ token, notes: [], warnings: [] });
  });

  it('leaves text that is not a token as it is, for the rules to judge', () => {
    expect(cleanTokenInput('not a token').token).toBe('not a token');
    expect(cleanTokenInput('{"error":"unauthorised"}').token).toBe('{"error":"unauthorised"}');
    expect(cleanTokenInput('https://example.com/page?user=42').token).toBe('https://example.com/page?user=42');
    expect(cleanTokenInput('Cookie: session=abc; theme=dark').token).toBe('Cookie: session=abc; theme=dark');
  });
});

describe('cleanTokenInput: a JSON body', () => {
  it('takes the token from the "token" field the token endpoint answers with', () => {
    const cleaned = cleanTokenInput(JSON.stringify({ token }));
    expect(cleaned.token).toBe(token);
    expect(cleaned.notes).toEqual(['took the token from the JSON body\'s "token" field']);
    expect(describeCleaning(cleaned.notes)).toBe('Took the token from the JSON body\'s "token" field.');
  });

  it('finds it in a pretty-printed body, under another name, and one wrapper deep', () => {
    expect(
      cleanTokenInput(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 28800 }, null, 2)),
    ).toMatchObject({
      token,
      notes: ['took the token from the JSON body\'s "access_token" field'],
    });
    expect(cleanTokenInput(JSON.stringify({ data: { user: 'u', jwt: token } })).notes).toEqual([
      'took the token from the JSON body\'s "data.jwt" field',
    ]);
  });

  it('takes a field shaped like a token when none is named like one', () => {
    expect(cleanTokenInput(JSON.stringify({ ok: true, value: token })).token).toBe(token);
  });

  it('prefers a token-named field that holds a token over one that does not', () => {
    expect(tokenFromJsonBody(JSON.stringify({ token: { expires: 1 }, tokens: ['x'], result: { token } }))?.text).toBe(
      token,
    );
  });

  it('takes a named field even when its value is broken, so the rules can say what is wrong with it', () => {
    expect(cleanTokenInput('{"token":"eyJhbGciOi"}').token).toBe('eyJhbGciOi');
  });

  it('peels a "Bearer " value from a JSON headers object', () => {
    const cleaned = cleanTokenInput(JSON.stringify({ Authorization: `Bearer ${token}` }));
    expect(cleaned.token).toBe(token);
    expect(cleaned.notes).toEqual([
      'took the token from the JSON body\'s "Authorization" field',
      'removed a "Bearer " prefix',
    ]);
  });

  it('ignores text that only starts like JSON', () => {
    expect(tokenFromJsonBody(`{${token}`)).toBeUndefined();
  });
});

describe('cleanTokenInput: header lines', () => {
  it.each([
    [
      'Authorization: Bearer',
      `Authorization: Bearer ${token}`,
      ['removed an "Authorization:" header name', 'removed a "Bearer " prefix'],
    ],
    [
      'lower-case HTTP/2 authorization',
      `authorization: bearer ${token}`,
      ['removed an "Authorization:" header name', 'removed a "Bearer " prefix'],
    ],
    [
      'Cookie with other cookies',
      `Cookie: a=b; token=${token}; theme=dark`,
      ['took the token from the "token" cookie of a "Cookie:" header'],
    ],
    [
      'Cookie under another name',
      `cookie: sid=1; rtc_jwt=${token}`,
      ['took the token from the "rtc_jwt" cookie of a "Cookie:" header'],
    ],
    [
      'Set-Cookie with attributes',
      `Set-Cookie: access_token=${token}; Path=/; HttpOnly; Secure`,
      ['took the token from the "access_token" cookie of a "Set-Cookie:" header'],
    ],
  ])('%s yields the token', (_name, input, notes) => {
    expect(cleanTokenInput(input)).toMatchObject({ token, notes });
  });

  it('a quoted cookie value loses its quotes too', () => {
    expect(cleanTokenInput(`Cookie: token="${token}"`)).toMatchObject({
      token,
      notes: ['took the token from the "token" cookie of a "Cookie:" header', 'removed quotes'],
    });
  });

  it('a Cookie header without a token cookie is left alone', () => {
    expect(tokenFromCookieHeader('Cookie: a=b; c=d')).toBeUndefined();
  });
});

describe('cleanTokenInput: URLs', () => {
  it.each([
    [
      'a query',
      `https://app.example.com/editor?doc=7&token=${token}`,
      'took the token from the "token" parameter in the URL\'s query',
    ],
    [
      'a fragment',
      `https://app.example.com/callback#access_token=${token}&token_type=bearer`,
      'took the token from the "access_token" parameter in the URL\'s fragment',
    ],
    [
      'a single-page app fragment with its own query',
      `https://app.example.com/#/callback?id_token=${token}`,
      'took the token from the "id_token" parameter in the URL\'s fragment',
    ],
    ['a relative URL', `/editor?token=${token}`, 'took the token from the "token" parameter in the URL\'s query'],
    [
      'a form body',
      `access_token=${token}&expires_in=28800`,
      'took the token from the "access_token" parameter in the form body',
    ],
  ])('%s yields the token', (_name, input, note) => {
    expect(cleanTokenInput(input)).toMatchObject({ token, notes: [note] });
  });

  it('decodes a percent-encoded value', () => {
    expect(tokenFromUrl(`https://x.example/?token=${token.replaceAll('.', '%2E')}`)?.text).toBe(token);
  });

  it('takes only parameters named like a token', () => {
    expect(tokenFromUrl(`https://x.example/?next=${token}`)).toBeUndefined();
  });

  it('never mistakes padding for a parameter', () => {
    const [header, payload, signature] = token.split('.');
    expect(cleanTokenInput(`${header}=.${payload}.${signature}`).notes).toEqual([]);
  });
});

describe('cleanTokenInput: a token wrapped over several lines', () => {
  it.each([
    ['at 64 characters', wrap(token, 64)],
    ['at 76 characters with CRLF', wrap(token, 76, '\r\n')],
    [
      'indented, as in an e-mail',
      wrap(token, 40)
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    ],
    ['at its dots', token.split('.').join('.\n')],
    ['at its dots, dots leading', token.split('.').join('\n.')],
  ])('%s is joined', (_name, input) => {
    const cleaned = cleanTokenInput(input);
    expect(cleaned.token).toBe(token);
    expect(cleaned.notes.at(-1)).toMatch(/^joined the \d+ lines the token was wrapped over$/);
  });

  it('joins a wrapped token inside an Authorization header line', () => {
    expect(cleanTokenInput(`Authorization: Bearer ${wrap(token, 50)}`).token).toBe(token);
  });

  it('a single stray line break inside a part is not wrapping: rule 2 still reports it', () => {
    const [header, payload, signature] = token.split('.');
    const stray = `${header}.${payload!.slice(0, 12)}\n${payload!.slice(12)}.${signature}`;
    expect(joinWrappedLines(stray)).toBeUndefined();
    expect(cleanTokenInput(stray).token).toBe(stray);
  });

  it('lines of different widths are not wrapping', () => {
    const lines = [token.slice(0, 30), token.slice(30, 90), token.slice(90)];
    expect(joinWrappedLines(lines.join('\n'))).toBeUndefined();
  });

  it('lines with other characters are not a wrapped token', () => {
    expect(joinWrappedLines(`${wrap(token, 64)}\nsomething else`)).toBeUndefined();
  });
});

describe('cleanTokenInput: nested wrappings', () => {
  it('a quoted JSON body with surrounding whitespace', () => {
    const cleaned = cleanTokenInput(`  '${JSON.stringify({ token })}'\n`);
    expect(cleaned.token).toBe(token);
    expect(cleaned.notes).toEqual([
      'removed surrounding whitespace',
      'removed quotes',
      'took the token from the JSON body\'s "token" field',
    ]);
    expect(cleaned.warnings).toEqual([
      expect.objectContaining({
        code: 'TOKEN_INPUT_CLEANED',
        message:
          'Text around the token was removed: removed surrounding whitespace; removed quotes; took the token from the JSON body\'s "token" field.',
      }),
    ]);
  });
});

describe('every surface judges the cleaned token', () => {
  it.each([
    ['a JSON body', JSON.stringify({ token })],
    ['a Cookie header', `Cookie: a=b; token=${token}`],
    ['a URL fragment', `https://x.example/#token=${token}`],
    ['a wrapped token', wrap(token, 64)],
  ])('%s verifies, with TOKEN_INPUT_CLEANED', async (_name, input) => {
    const keys = await loadKeySet(jwkSet(key));
    const result = await diagnoseToken(input, { keys: keys.keys, now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toContain('TOKEN_INPUT_CLEANED');
  });
});

describe('cleanTokenInput: hostile input', () => {
  it('peels a bounded number of layers, so thousands of quotes or parameters cost one pass each, not one each', () => {
    const quotes = cleanTokenInput(`${'"'.repeat(20_000)}${token}${'"'.repeat(20_000)}`);
    expect(quotes.token.length).toBeGreaterThan(token.length);
    expect(quotes.token.endsWith('"'.repeat(100))).toBe(true);
    expect(cleanTokenInput('?token='.repeat(5_000)).notes.length).toBeGreaterThan(0);
  });

  it('still peels the few layers real pastes have: a quoted JSON body holding a quoted "Bearer " value', () => {
    const cleaned = cleanTokenInput(` '${JSON.stringify({ data: { Authorization: `Bearer "${token}"` } })}'\n`);
    expect(cleaned.token).toBe(token);
    expect(cleaned.notes).toEqual([
      'removed surrounding whitespace',
      'removed quotes',
      'took the token from the JSON body\'s "data.Authorization" field',
      'removed a "Bearer " prefix',
    ]);
  });
});
