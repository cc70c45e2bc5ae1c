/**
 * What the docs may say about algorithms and token lifetimes. The facts live in code (lib/algorithms,
 * lib/jwt/lifetime); these rules read every sentence of content/**, the error catalog and the warnings, and fail
 * when prose promises what the checks refuse:
 *
 * - ES256/ES384/ES512 (and "ES" as a family, EC keys, ECDSA, the P curves) are outside the service's list. Any sentence, list item,
 *   table row or code line that names them must also say they are refused or only accepted once a deployment
 *   widens the set (RTC_DOCTOR_ALGORITHMS, --algorithms, "algorithms").
 * - HS*, EdDSA, Ed25519, ES256K and the like can never be accepted: a sentence naming them with a word of approval
 *   (use, accept, recommend, switch to…) must carry a negation.
 * - A sentence naming three or more of the service's algorithms names all of them: a partial "accepted list" is wrong.
 * - Lifetimes: every duration in hours or days is the recommended lifetime or the long-lifetime bound; signing
 *   examples (setExpirationTime, expiresIn, N * 3600) use the recommended lifetime; minutes only appear beside a
 *   lifetime to say they disconnect users; and no sentence says the editor refreshes or re-asks for a token unless
 *   it says that it does not (or ties the new call to connecting).
 *
 * The "old advice" cases at the bottom are sentences the docs used to contain: each rule must still catch them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { algorithmRows, lifetimeRows, recommendedLifetimeText, serviceAlgorithmsText } from '@/lib/docs/facts';
import { ALGORITHM_NAMES, RECOMMENDED_ALGORITHM, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { ERROR_CODES, ERROR_CATALOG } from '@/lib/errors';
import { messageLabel } from '@/lib/errors/summary';
import { WARNING_CATALOG, WARNING_CODES } from '@/lib/errors/warnings';
import { LONG_LIFETIME_SECONDS, RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt/lifetime';
import { listDocPages } from './pages';

interface Unit {
  /** Where it comes from, for the failure message: "content/errors/x.mdx:12", "catalog TOKEN_EXPIRED.fix[1]". */
  where: string;
  kind: 'prose' | 'code' | 'row' | 'heading';
  text: string;
}

const CONTENT_DIR = path.join(process.cwd(), 'content');

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z`"“(*[])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** An MDX body as units: each code line, table row and heading on its own; prose split into sentences. */
function mdxUnits(body: string, where: string, firstLine = 1): Unit[] {
  const units: Unit[] = [];
  let inFence = false;
  body.split('\n').forEach((line, index) => {
    const at = `${where}:${index + firstLine}`;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (line.trim() === '') return;
    if (inFence) units.push({ where: at, kind: 'code', text: line });
    else if (/^\s*\|/.test(line)) {
      if (!/^\s*\|[\s|:-]+\|\s*$/.test(line)) units.push({ where: at, kind: 'row', text: line });
    } else if (/^#{1,6}\s/.test(line)) units.push({ where: at, kind: 'heading', text: line });
    else
      for (const sentence of sentences(line.replace(/^\s*([-*+]|\d+\.)\s+/, '')))
        units.push({ where: at, kind: 'prose', text: sentence });
  });
  return units;
}

/** Every MDX file under content/, as lib/docs parsed it: the Markdown after the front matter and where it starts. */
function mdxFiles(): { file: string; body: string; firstLine: number }[] {
  const files = listDocPages().flatMap(({ file, source }) =>
    file ? [{ file: path.relative(process.cwd(), file), body: source.body, firstLine: source.firstLine }] : [],
  );
  const onDisk = ['docs', 'errors'].flatMap((dir) =>
    fs
      .readdirSync(path.join(CONTENT_DIR, dir))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => `content/${dir}/${name}`),
  );
  expect(files.map(({ file }) => file).sort()).toEqual(onDisk.sort());
  return files;
}

function proseUnits(text: string, where: string): Unit[] {
  return sentences(text).map((sentence) => ({ where, kind: 'prose' as const, text: sentence }));
}

function catalogUnits(): Unit[] {
  const errors = ERROR_CODES.flatMap((code) => {
    const entry = ERROR_CATALOG[code];
    return [
      ...proseUnits(entry.title, `catalog ${code}.title`),
      ...proseUnits(entry.cause, `catalog ${code}.cause`),
      ...entry.fix.flatMap((step, index) => proseUnits(step, `catalog ${code}.fix[${index}]`)),
    ];
  });
  const warnings = WARNING_CODES.flatMap((code) => [
    ...proseUnits(WARNING_CATALOG[code].title, `warnings ${code}.title`),
    ...proseUnits(WARNING_CATALOG[code].explanation, `warnings ${code}.explanation`),
  ]);
  return [...errors, ...warnings];
}

/** What the generated tables render, row by row. */
function generatedUnits(): Unit[] {
  return [
    ...algorithmRows().map((row) => ({
      where: `AlgorithmTable ${row.name}`,
      kind: 'row' as const,
      text: `${row.name} ${row.description} ${row.key} ${row.verdict}`,
    })),
    ...lifetimeRows().map((row) => ({
      where: `LifetimeTable ${row.lifetime}`,
      kind: 'row' as const,
      text: `${row.lifetime} ${row.finding}`,
    })),
  ];
}

function allUnits(): Unit[] {
  return [
    ...mdxFiles().flatMap(({ file, body, firstLine }) => mdxUnits(body, file, firstLine)),
    ...catalogUnits(),
    ...generatedUnits(),
  ];
}

// ---------------------------------------------------------------- algorithm rules

/** Algorithms in the table but outside the service's list (ES256, ES384, ES512), and the EC keys they need. */
const WIDENABLE = new RegExp(
  `\\b(${ALGORITHM_NAMES.filter((name) => !SERVICE_ALGORITHMS.includes(name)).join('|')})\\b|\\bES\\b|\\bECDSA\\b|\\bEC\\b|\\bP-(256|384|521)\\b`,
);
/** Says the algorithm is refused, or accepted only after widening. */
const WIDENED_OR_REFUSED =
  /RTC_DOCTOR_ALGORITHMS|--algorithms|"algorithms"|\bwiden|not accept|n['’]t accept|not in the service|\brefuse|unsupported|not supported|\bneither\b/i;

/** Never acceptable, not even by widening. */
const NEVER = /\b(HS(256|384|512)|EdDSA|Ed25519|Ed448|ES256K|secp256k1)\b|`none`|"none"/;
const APPROVAL =
  /\b(recommend(s|ed)?|prefer(s|red)?|switch(es)? to|move to|use|choose|pick|generate|accept(s|ed)?|supported|works?)\b/i;
const NEGATION = /\b(not|never|no|nor|neither|refuse[sd]?|unsupported|instead of|stop)\b|n['’]t\b/i;

function algorithmProblems(units: readonly Unit[]): string[] {
  const problems: string[] = [];
  for (const unit of units) {
    const named = SERVICE_ALGORITHMS.filter((name) => new RegExp(`\\b${name}\\b`).test(unit.text));
    if (WIDENABLE.test(unit.text) && !WIDENED_OR_REFUSED.test(unit.text)) {
      problems.push(
        `${unit.where}: names an algorithm or key the service does not accept without saying it is refused or needs widening: ${unit.text}`,
      );
    }
    if (NEVER.test(unit.text) && APPROVAL.test(unit.text) && !NEGATION.test(unit.text)) {
      problems.push(`${unit.where}: names an algorithm that is never accepted as if it were usable: ${unit.text}`);
    }
    if (named.length >= 3 && named.length < SERVICE_ALGORITHMS.length) {
      problems.push(
        `${unit.where}: lists part of the accepted algorithms (${named.join(', ')}); name all of ${SERVICE_ALGORITHMS.join(', ')}: ${unit.text}`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------- lifetime rules

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION =
  /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|a few|a couple of|several)[\s-]*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b/gi;
/** jose's setExpirationTime('8h'), jsonwebtoken's expiresIn: '8h'. */
const CODE_DURATION = /(?:setExpirationTime|expiresIn)\s*[(:]\s*['"](\d+)\s*([smhdw])['"]/g;
/** "Math.floor(Date.now() / 1000) + 8 * 3600" */
const HOURS_PRODUCT = /\b(\d+)\s*\*\s*3600\b/g;
const LIFETIME_CONTEXT = /lifetime|expir|\bexp\b|\blasts?\b|\blive\b|valid for/i;
const DISCONNECTS = /disconnect|cut off|too short|shorter than|TOKEN_SHORT_LIFETIME/i;
const ALWAYS_WRONG = /few minutes|minutes are enough|short[- ]lived|keep (the|its|their|token) lifetimes? short/i;
const REFRESH =
  /refresh|\bask(s|ed|ing)? (again|for a new)|\bfetch(es|ed|ing)? a new|\brequest(s|ed|ing)? a new|\b(calls?|calling) (it|the provider|rtc_token_provider) again|\bnew token/i;
const NOT_MID_SESSION = /\b(not|never|no|nor|neither|without)\b|n['’]t\b|\b(re)?connect(s|ed|ing)?\b|reload/i;

function durationSeconds(amount: string, unit: string): number {
  const count = /^\d/.test(amount) ? Number(amount) : (WORD_NUMBERS[amount.toLowerCase()] ?? Number.NaN);
  const key = unit.toLowerCase().startsWith('mi') ? 'm' : unit[0]!.toLowerCase();
  return count * UNIT_SECONDS[key]!;
}

function lifetimeProblems(units: readonly Unit[]): string[] {
  const problems: string[] = [];
  const allowedLong = [RECOMMENDED_LIFETIME_SECONDS, LONG_LIFETIME_SECONDS];
  for (const unit of units) {
    const say = (problem: string) => problems.push(`${unit.where}: ${problem}: ${unit.text}`);
    if (ALWAYS_WRONG.test(unit.text)) say('advises a lifetime of minutes');
    for (const [, amount, unitName] of unit.text.matchAll(DURATION)) {
      const seconds = durationSeconds(amount!, unitName!);
      if (/^(h|d|w)/i.test(unitName!) && !allowedLong.includes(seconds)) {
        say(
          `states ${amount} ${unitName}, which is neither the recommended lifetime (${RECOMMENDED_LIFETIME_SECONDS} s) nor the long-lifetime bound (${LONG_LIFETIME_SECONDS} s)`,
        );
      }
      if (/^mi/i.test(unitName!) && LIFETIME_CONTEXT.test(unit.text) && !DISCONNECTS.test(unit.text)) {
        say(`gives a lifetime in minutes without saying it disconnects users`);
      }
    }
    for (const [, amount, unitName] of unit.text.matchAll(CODE_DURATION)) {
      if (durationSeconds(amount!, unitName!) !== RECOMMENDED_LIFETIME_SECONDS)
        say(`signs with a lifetime of ${amount}${unitName}, not the recommended one`);
    }
    for (const [, hours] of unit.text.matchAll(HOURS_PRODUCT)) {
      if (Number(hours) * 3600 !== RECOMMENDED_LIFETIME_SECONDS)
        say(`computes a lifetime of ${hours} hours, not the recommended one`);
    }
    if (REFRESH.test(unit.text) && !NOT_MID_SESSION.test(unit.text))
      say('says the editor refreshes or asks for a new token during a session');
  }
  return problems;
}

// ---------------------------------------------------------------- tests

describe('docs and catalog prose about algorithms', () => {
  const units = allUnits();

  it('reads every page, catalog entry and warning', () => {
    expect(mdxFiles().length).toBeGreaterThanOrEqual(20);
    expect(units.length).toBeGreaterThan(500);
  });

  it('never offers an algorithm or key outside the accepted set as acceptable', () => {
    expect(algorithmProblems(units)).toEqual([]);
  });

  it('renders the algorithm table from lib/algorithms, with the service list and RS256 recommended', () => {
    const rows = algorithmRows();
    expect(rows.map((row) => row.name)).toEqual(ALGORITHM_NAMES);
    expect(rows.filter((row) => row.service).map((row) => row.name)).toEqual(SERVICE_ALGORITHMS);
    expect(rows.filter((row) => row.recommended).map((row) => row.name)).toEqual([RECOMMENDED_ALGORITHM]);
    for (const row of rows.filter((row) => !row.service)) expect(row.verdict).toMatch(WIDENED_OR_REFUSED);
    expect(serviceAlgorithmsText()).toBe('RS256, RS384, RS512, PS256, PS384 and PS512');
  });

  it('uses the generated tables on the JWT page instead of typing them', () => {
    const body = mdxFiles().find(({ file }) => file === 'content/docs/jwt-identity-tokens.mdx')!.body;
    expect(body).toMatch(/^<AlgorithmTable \/>$/m);
    expect(body).toMatch(/^<LifetimeTable \/>$/m);
    const registry = fs.readFileSync(path.join(process.cwd(), 'mdx-components.tsx'), 'utf8');
    for (const { file, body: page } of mdxFiles()) {
      for (const [, name] of page.replace(/```[\s\S]*?```/g, '').matchAll(/^<([A-Z]\w*)/gm)) {
        expect(registry, `${file} uses <${name} />, which mdx-components.tsx must register`).toMatch(
          new RegExp(`\\b${name}\\b[,\\s}]`),
        );
      }
    }
  });
});

describe('docs and catalog prose about token lifetimes', () => {
  const units = allUnits();

  it('gives the recommended lifetime everywhere and never advises minutes or a mid-session refresh', () => {
    expect(lifetimeProblems(units)).toEqual([]);
  });

  it('states the recommended lifetime on the JWT page, under "Choosing a lifetime"', () => {
    const page = listDocPages().find((candidate) => candidate.href === '/docs/jwt-identity-tokens')!;
    expect(page.headings.map((heading) => heading.id)).toContain('choosing-a-lifetime');
    const section = page.source.body.split(/^## /m).find((part) => part.startsWith('Choosing a lifetime'))!;
    expect(section).toContain(`RTC Doctor recommends ${recommendedLifetimeText()}`);
    expect(section).toMatch(/does not ask for a new one/);
    expect(section).toMatch(/10 minutes/);
    expect(recommendedLifetimeText()).toBe(`${RECOMMENDED_LIFETIME_SECONDS / 3600} hours`);
  });

  it('judges lifetimes with the same bounds as the checks', () => {
    const [short, fine, long] = lifetimeRows();
    expect(short!.warning).toBe('TOKEN_SHORT_LIFETIME');
    expect(fine!.warning).toBeUndefined();
    expect(long!.warning).toBe('TOKEN_LONG_LIFETIME');
    expect(fine!.lifetime).toBe(
      `${RECOMMENDED_LIFETIME_SECONDS / 3600} hours to ${LONG_LIFETIME_SECONDS / 3600} hours`,
    );
  });
});

describe('links into the docs', () => {
  it('point at headings that exist', () => {
    const anchors = new Map<string, Set<string>>();
    for (const page of listDocPages()) {
      const ids = new Set(page.headings.map((heading) => heading.id));
      if (page.kind === 'error')
        for (const id of ['what-you-see', 'why-it-happens', 'how-to-fix-it', 'related-errors']) ids.add(id);
      anchors.set(page.href, ids);
    }
    const links = [
      ...mdxFiles().flatMap(({ file, body }) =>
        [...body.matchAll(/\]\((\/docs[^)#\s]*)#([^)\s]+)\)/g)].map(([, href, id]) => ({
          from: file,
          href: href!,
          id: id!,
        })),
      ),
      ...WARNING_CODES.map((code) => {
        const [href, id = ''] = WARNING_CATALOG[code].docs.split('#');
        return { from: `warnings ${code}`, href: href!, id };
      }).filter((link) => link.id),
    ];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links)
      expect(anchors.get(link.href)?.has(link.id), `${link.from} → ${link.href}#${link.id}`).toBe(true);
  });
});

describe('error pages say whose words the message is', () => {
  it('labels service messages as what the editor shows, and RTC Doctor findings as not the service wording', () => {
    expect(messageLabel('service').heading).toBe('What the editor shows');
    expect(messageLabel('rtc-doctor').heading).toMatch(/RTC Doctor/);
    expect(messageLabel('rtc-doctor').note).toMatch(/not published/);
  });
});

describe('the rules catch the advice the docs used to give', () => {
  const old = (text: string): Unit[] =>
    sentences(text).map((sentence) => ({ where: 'old', kind: 'prose', text: sentence }));

  it.each([
    'Use one of the accepted algorithms: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512.',
    'Generate a key pair the service can use: RSA of 2048 bits or more, or EC on P-256, P-384 or P-521.',
    'Switch your token signer to the matching algorithm, for example ES256 for a P-256 key.',
    'name an asymmetric signing algorithm (RS, PS or ES family) in its header;',
    '| ECDSA | ES256, ES384, ES512 | EC on P-256, P-384, P-521 respectively |',
    'An EC key on P-256 with ES256 gives comparable strength to 3072-bit RSA with much shorter keys and signatures.',
    "const ACCEPTED = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];",
    'Sign tokens with the new private key using an HS256 secret, which is supported.',
    'The RS algorithms, RS256, RS384 and RS512, are accepted.',
  ])('algorithms: %s', (text) => {
    expect(algorithmProblems(old(text))).not.toEqual([]);
  });

  it.each([
    'Keep the lifetime short, a few minutes.',
    'Your own server vouches for each user by issuing a short-lived JSON Web Token.',
    'Set "exp" to a time a few minutes ahead, in seconds since the Unix epoch, for example with setExpirationTime("10m") in jose.',
    'Make rtc_token_provider fetch a newly signed token every time it is called instead of returning a cached one; the editor calls it again to refresh the token.',
    'Give tokens a lifetime of several minutes, for example 10 to 15, and mint a new one on every call to the token provider; the editor asks again before the old one runs out.',
    "    .setExpirationTime('10m')",
    'Write time claims as numbers of seconds, for example Math.floor(Date.now() / 1000) + 2 * 3600.',
    'Tokens that live for 2 hours are plenty.',
  ])('lifetimes: %s', (text) => {
    expect(lifetimeProblems(old(text))).not.toEqual([]);
  });

  it('lets the corrected wording through', () => {
    const fixed = old(
      "The editor keeps the token it got when it connected and does not ask for a new one when it expires. RTC Doctor recommends 8 hours and warns above 24 hours. The service's examples use 10 minutes, which disconnects users after 10 minutes of editing. ES256 is refused unless a deployment widens the set with RTC_DOCTOR_ALGORITHMS.",
    );
    expect([...algorithmProblems(fixed), ...lifetimeProblems(fixed)]).toEqual([]);
  });
});
