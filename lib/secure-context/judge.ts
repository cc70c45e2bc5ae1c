import { errorDocsPath } from '@/lib/errors/paths';
import { classifyAddress, isLocalhostName, isPrivateName } from './addresses';
import type { RecipeId } from './recipe-ids';

/**
 * The W3C Secure Contexts "is origin potentially trustworthy?" algorithm as Chromium applies it to a
 * top-level page URL (services/network/public/cpp/is_potentially_trustworthy.cc), on the URL as the
 * WHATWG URL parser canonicalises it. Runs unchanged in Node and in the browser (both parse with `URL`).
 */
export type SecureContextRule =
  | 'https'
  | 'loopback-ipv4'
  | 'loopback-ipv6'
  | 'localhost-name'
  | 'file'
  | 'opaque'
  | 'lan-address'
  | 'unspecified-address'
  | 'ipv4-mapped-loopback'
  | 'public-address'
  | 'private-name'
  | 'public-name'
  | 'other-scheme';

export interface SecureContextFix {
  summary: string;
  steps: string[];
  /** Dev-server recipes (lib/secure-context/recipes.ts) that fit this case. */
  recipes: RecipeId[];
}

export interface SecureContextVerdict {
  /** The URL as given. */
  url: string;
  /** The URL as the parser canonicalised it: what the verdict was judged on. */
  canonical: string;
  /** The serialized origin; "null" for an opaque origin. */
  origin: string;
  secure: boolean;
  rule: SecureContextRule;
  reason: string;
  fix: SecureContextFix | null;
  /** The other half of the rule: frames around the page. */
  frames: string;
  docs: { guide: string; error: string };
}

export type SecureContextCheck = { ok: true; verdict: SecureContextVerdict } | { ok: false; message: string };

export const SECURE_CONTEXT_DOCS = {
  guide: '/docs/secure-context',
  error: errorDocsPath('SECURE_CONTEXT_REQUIRED'),
} as const;

export const FRAMES_NOTE =
  'This judges the page’s own URL. A page inside a frame is a secure context only when every frame above it is one too: an https page embedded in an http page on a LAN address or a custom name is not secure.';

const CERTIFICATE_STEPS = [
  'Make a certificate for the name (mkcert for development, Let’s Encrypt for a public name) and serve the page over https.',
];

function fixFor(rule: SecureContextRule, url: URL): SecureContextFix | null {
  const https = `https://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const localhost = `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}${url.pathname === '/' ? '' : url.pathname}`;
  switch (rule) {
    case 'lan-address':
      return {
        summary: `On the machine running the server, open ${localhost} instead. From a phone or another device, serve it over https.`,
        steps: [
          'localhost is always a secure context, over plain http and without a certificate.',
          'From another device, either forward the port so it can use localhost too, or serve https with a certificate that includes this address.',
          'A tunnel gives the dev server a public https address that works from anywhere.',
        ],
        recipes: ['lan-device', 'tunnel'],
      };
    case 'unspecified-address':
      return {
        summary: `${url.hostname} is what a server listens on, not an address to open. Open ${localhost} instead.`,
        steps: [`Open ${localhost}; the dev server listening on ${url.hostname} answers there too.`],
        recipes: [],
      };
    case 'ipv4-mapped-loopback':
      return {
        summary: `Open ${localhost} or http://127.0.0.1 instead; browsers count only those spellings of the loopback address.`,
        steps: ['Both reach the same server as the ::ffff: address, so nothing else needs to change.'],
        recipes: [],
      };
    case 'private-name': {
      const label = url.hostname.replace(/\.$/, '').split('.')[0] || 'app';
      return {
        summary: `Use a name ending in .localhost (such as http://${label}.localhost${url.port ? `:${url.port}` : ''}), which needs no certificate, or serve ${url.hostname} over https.`,
        steps: [
          `A name like ${label}.localhost works without a certificate or a hosts-file entry: Chrome, Edge and Firefox resolve it to this machine and treat it as secure.`,
          `To keep the name ${url.hostname}, it needs a certificate: serve it over https (mkcert or a local proxy such as Caddy).`,
        ],
        recipes: ['reverse-proxy'],
      };
    }
    case 'public-name':
    case 'public-address':
      if (url.protocol === 'ws:')
        return {
          summary: `Connect with wss://${url.host} instead of ws://.`,
          steps: ['Serve the WebSocket over wss://, which needs a certificate for the name.'],
          recipes: [],
        };
      return {
        summary: `Serve the page over https: ${https}`,
        steps: [
          ...CERTIFICATE_STEPS,
          'Redirect http to https, and make sure no frame around the editor is served over http.',
        ],
        recipes: ['reverse-proxy', 'tunnel'],
      };
    case 'other-scheme':
      return { summary: 'Serve the page over https.', steps: CERTIFICATE_STEPS, recipes: [] };
    case 'opaque':
      return {
        summary: 'Load the editor from a page with a real address: https://, http://localhost, or a file.',
        steps: [
          'Serve the page that loads the editor from a web server (https, or http://localhost in development) instead of a data:, about: or script-generated URL.',
        ],
        recipes: [],
      };
    default:
      return null;
  }
}

/** The serialized origin, the same in every engine: Chromium's URL says "file://" for file: URLs (and blobs made from them) where WHATWG and Node say opaque. */
function originOf(url: URL): string {
  return url.origin === 'file://' ? 'null' : url.origin;
}

function judge(url: URL): { rule: SecureContextRule; reason: string } {
  const scheme = url.protocol.slice(0, -1);
  const origin = originOf(url);
  if (origin === 'null' && scheme !== 'file') {
    if (scheme === 'about')
      return {
        rule: 'opaque',
        reason: `${url.href} opened on its own has an opaque origin ("null"), which is never trustworthy. (Inside a frame, about:blank takes the origin of the page that made it.)`,
      };
    if (scheme === 'data')
      return {
        rule: 'opaque',
        reason: 'A data: URL has an opaque origin ("null"), which is never trustworthy, wherever it is opened.',
      };
    if (scheme === 'blob')
      return {
        rule: 'opaque',
        reason:
          'This blob: URL has no http, https or file origin inside it, so its origin is opaque ("null") and not trustworthy.',
      };
    const hint =
      /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(scheme) && /^\d+/.test(url.pathname)
        ? ` If you meant the host ${scheme}, write http://${url.href}.`
        : '';
    return {
      rule: 'opaque',
      reason: `The ${scheme}: scheme gives the page an opaque origin ("null"), which is never trustworthy.${hint}`,
    };
  }
  const inner = scheme === 'blob' ? new URL(origin) : url;
  const prefix = scheme === 'blob' ? `A blob: URL takes the origin inside it (${origin}). ` : '';
  const innerScheme = inner.protocol.slice(0, -1);
  if (innerScheme === 'https' || innerScheme === 'wss')
    return {
      rule: 'https',
      reason: `${prefix}${innerScheme}: is an authenticated scheme, so the origin is potentially trustworthy.`,
    };
  if (innerScheme === 'file')
    return {
      rule: 'file',
      reason: `${prefix}file: pages are treated as secure contexts: the content comes from this machine, not the network.`,
    };
  const host = inner.hostname;
  const address = classifyAddress(host);
  if (address === 'loopback') {
    return host.startsWith('[')
      ? {
          rule: 'loopback-ipv6',
          reason: `${prefix}${host} is the IPv6 loopback address (::1): traffic never leaves this machine, so it counts as secure even over ${innerScheme}.`,
        }
      : {
          rule: 'loopback-ipv4',
          reason: `${prefix}${host} is a loopback address (127.0.0.0/8): traffic never leaves this machine, so it counts as secure even over ${innerScheme}.`,
        };
  }
  if (address === undefined && isLocalhostName(host)) {
    return {
      rule: 'localhost-name',
      reason: `${prefix}${host} is localhost or a name under .localhost, which browsers always resolve to this machine, so it counts as secure even over ${innerScheme}.`,
    };
  }
  const plain = `${prefix}${innerScheme}: is not encrypted`;
  switch (address) {
    case 'private':
    case 'link-local':
      return {
        rule: 'lan-address',
        reason: `${plain} and ${host} is a ${address === 'private' ? 'private network (LAN)' : 'link-local'} address, not loopback, so anyone on the network path could change the page.`,
      };
    case 'unspecified':
      return {
        rule: 'unspecified-address',
        reason: `${plain} and ${host} is the “any address” a server listens on, not a loopback address, so browsers do not treat it as secure.`,
      };
    case 'ipv4-mapped-loopback':
      return {
        rule: 'ipv4-mapped-loopback',
        reason: `${plain} and ${host} is an IPv4-mapped IPv6 address; browsers count only ::1 and 127.0.0.0/8 as loopback, so it is not secure.`,
      };
    case 'public':
      return { rule: 'public-address', reason: `${plain} and ${host} is a network address, not loopback.` };
  }
  if (innerScheme !== 'http' && innerScheme !== 'ws')
    return { rule: 'other-scheme', reason: `${plain}, and ${host} is not a loopback address or a localhost name.` };
  if (isPrivateName(host)) {
    return {
      rule: 'private-name',
      reason: `${plain} and ${host} is a custom hostname. Even when it points at this machine, only localhost and names ending in .localhost count as secure without https.`,
    };
  }
  return { rule: 'public-name', reason: `${plain} and ${host} is not a loopback address or a localhost name.` };
}

/** Judges a page URL; a URL the WHATWG parser rejects comes back as a message saying what is wrong. */
export function checkSecureContext(input: string): SecureContextCheck {
  const trimmed = input.trim();
  if (trimmed === '')
    return {
      ok: false,
      message: 'Give a URL to check, such as https://editor.example.com or http://192.168.1.20:3000.',
    };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    const guess = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? '' : ` It has no scheme: did you mean http://${trimmed}?`;
    return { ok: false, message: `${JSON.stringify(input)} is not a URL the WHATWG URL parser accepts.${guess}` };
  }
  const { rule, reason } = judge(url);
  const secure =
    rule === 'https' ||
    rule === 'loopback-ipv4' ||
    rule === 'loopback-ipv6' ||
    rule === 'localhost-name' ||
    rule === 'file';
  return {
    ok: true,
    verdict: {
      url: input,
      canonical: url.href,
      origin: originOf(url),
      secure,
      rule,
      reason,
      fix: secure
        ? null
        : fixFor(rule, url.protocol === 'blob:' && originOf(url) !== 'null' ? new URL(url.origin) : url),
      frames: FRAMES_NOTE,
      docs: SECURE_CONTEXT_DOCS,
    },
  };
}

/**
 * A page in a frame is a secure context only when it and every frame above it are: `chain` runs from
 * the top-level page down to the page itself.
 */
export function checkFrameChain(chain: readonly string[]): SecureContextCheck {
  const checks = chain.map((url) => checkSecureContext(url));
  const failed = checks.find((check) => !check.ok);
  if (failed) return failed;
  const verdicts = checks.map((check) => (check as { ok: true; verdict: SecureContextVerdict }).verdict);
  const page = verdicts.at(-1)!;
  const insecureAncestor = verdicts.slice(0, -1).find((verdict) => !verdict.secure);
  if (!insecureAncestor || !page.secure) return { ok: true, verdict: page };
  return {
    ok: true,
    verdict: {
      ...page,
      secure: false,
      reason: `The page’s own URL is trustworthy, but it is inside a frame of ${insecureAncestor.origin}, which is not: ${insecureAncestor.reason}`,
      fix: insecureAncestor.fix,
    },
  };
}
