import { describe, expect, it } from 'vitest';
import { checkFrameChain, checkSecureContext, SECURE_CONTEXT_DOCS, type SecureContextVerdict } from './judge';
import { RECIPE_IDS } from './recipes';
import { FRAME_CHAINS, UNPARSEABLE_URLS, URL_TABLE } from './url-table.fixture';

function verdictOf(url: string): SecureContextVerdict {
  const check = checkSecureContext(url);
  if (!check.ok) throw new Error(`${url} did not parse: ${check.message}`);
  return check.verdict;
}

describe('checkSecureContext over the URL table', () => {
  it('has at least 40 rows covering every rule', () => {
    expect(URL_TABLE.length).toBeGreaterThanOrEqual(40);
    const rules = new Set(URL_TABLE.map((row) => row.rule));
    for (const rule of [
      'https',
      'loopback-ipv4',
      'loopback-ipv6',
      'localhost-name',
      'file',
      'opaque',
      'lan-address',
      'unspecified-address',
      'ipv4-mapped-loopback',
      'public-address',
      'private-name',
      'public-name',
      'other-scheme',
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });

  it.each(URL_TABLE.map((row) => [row.url, row] as const))('%s', (url, row) => {
    const verdict = verdictOf(url);
    expect({ secure: verdict.secure, rule: verdict.rule, origin: verdict.origin }).toEqual({
      secure: row.secure,
      rule: row.rule,
      origin: row.origin,
    });
    expect(verdict.url).toBe(url);
    expect(verdict.reason.length).toBeGreaterThan(20);
    expect(verdict.docs).toEqual(SECURE_CONTEXT_DOCS);
    if (row.secure) expect(verdict.fix).toBeNull();
    else expect(verdict.fix?.summary).toBeTruthy();
  });
});

describe('verdict details', () => {
  it('judges the canonical form, not the spelling', () => {
    expect(verdictOf('http://0x7f000001:3000/a').canonical).toBe('http://127.0.0.1:3000/a');
    expect(verdictOf('http://3232235796:3000/').reason).toContain('192.168.1.20');
    expect(verdictOf('  http://localhost  ').secure).toBe(true);
  });

  it('tells a LAN user to use localhost, keeping the port and path', () => {
    const fix = verdictOf('http://192.168.1.20:3000/editor').fix!;
    expect(fix.summary).toContain('http://localhost:3000/editor');
    expect(fix.recipes).toEqual(['lan-device', 'tunnel']);
    // The steps add to the summary; the first does not say it again.
    expect(fix.steps[0]).not.toContain('http://localhost:3000/editor');
    expect(fix.steps[0]).not.toMatch(/^On the machine running the server/);
  });

  it('never repeats the summary as a step', () => {
    const opening = (text: string) => text.toLowerCase().split(/\s+/).slice(0, 4).join(' ');
    for (const row of URL_TABLE.filter((entry) => !entry.secure)) {
      const fix = verdictOf(row.url).fix!;
      for (const step of fix.steps) {
        expect(opening(step), `${row.url}: ${step}`).not.toBe(opening(fix.summary));
        expect(fix.summary, row.url).not.toContain(step.replace(/\.$/, ''));
      }
    }
  });

  it('offers a .localhost name for a custom hostname, and says any other name needs a certificate', () => {
    const fix = verdictOf('http://myapp.test:5173/').fix!;
    expect(fix.summary).toContain('http://myapp.localhost:5173');
    expect(fix.steps.join(' ')).toMatch(/certificate/);
    expect(fix.recipes).toContain('reverse-proxy');
  });

  it('tells a public site to use https, and ws: to use wss:', () => {
    expect(verdictOf('http://editor.example.com/app').fix!.summary).toContain('https://editor.example.com/app');
    expect(verdictOf('ws://rtc.example.com/').fix!.summary).toContain('wss://');
  });

  it('explains 0.0.0.0 and IPv4-mapped loopback', () => {
    expect(verdictOf('http://0.0.0.0:3000/').fix!.summary).toContain('http://localhost:3000');
    expect(verdictOf('http://[::ffff:127.0.0.1]/').reason).toMatch(/IPv4-mapped/);
  });

  it('names the inner origin of a blob: URL and fixes that origin', () => {
    const verdict = verdictOf('blob:http://192.168.1.20:3000/abc');
    expect(verdict.reason).toMatch(/^A blob: URL takes the origin inside it \(http:\/\/192\.168\.1\.20:3000\)/);
    expect(verdict.fix!.summary).toContain('http://localhost:3000');
  });

  it('explains opaque origins and hints at a missing scheme', () => {
    expect(verdictOf('about:blank').reason).toMatch(/opaque/);
    expect(verdictOf('data:text/html,hi').reason).toMatch(/data: URL/);
    expect(verdictOf('localhost:3000').reason).toContain('write http://localhost:3000');
  });

  it('explains the frame half of the rule in every verdict', () => {
    expect(verdictOf('https://editor.example.com/').frames).toMatch(/every frame above it/);
  });

  it('only links recipes that exist', () => {
    for (const row of URL_TABLE)
      for (const recipe of verdictOf(row.url).fix?.recipes ?? []) expect(RECIPE_IDS).toContain(recipe);
  });
});

describe('unparseable input', () => {
  it.each(UNPARSEABLE_URLS)('%j is refused with a message', (input) => {
    const check = checkSecureContext(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message.length).toBeGreaterThan(10);
  });

  it('suggests the scheme when it is missing', () => {
    const check = checkSecureContext('192.168.1.20:3000');
    expect(!check.ok && check.message).toContain('did you mean http://192.168.1.20:3000?');
    const empty = checkSecureContext('');
    expect(!empty.ok && empty.message).toMatch(/Give a URL/);
  });
});

describe('checkFrameChain', () => {
  it.each(FRAME_CHAINS.map((row) => [row.chain.join(' > '), row] as const))('%s', (_, row) => {
    const check = checkFrameChain(row.chain);
    expect(check.ok && check.verdict.secure).toBe(row.secure);
  });

  it('names the insecure parent and carries its fix', () => {
    const check = checkFrameChain(['http://192.168.1.20:3000/', 'https://editor.example.com/']);
    if (!check.ok) throw new Error(check.message);
    expect(check.verdict.reason).toContain('inside a frame of http://192.168.1.20:3000');
    expect(check.verdict.fix!.recipes).toContain('lan-device');
  });

  it('refuses a chain with an unparseable URL', () => {
    expect(checkFrameChain(['nope', 'https://a.example/']).ok).toBe(false);
  });
});
