import type { SecureContextRule } from './judge';

/**
 * The URL table both the unit tests and the browser oracle (e2e/secure-context-oracle.spec.ts) run.
 * `browser` says how the oracle opens the row in Chromium, or why a browser cannot open it as a page.
 */
export interface UrlRow {
  url: string;
  secure: boolean;
  rule: SecureContextRule;
  origin: string;
  browser: 'navigate' | 'blob' | { cannot: string };
}

const WEBSOCKET = { cannot: 'a WebSocket URL is not a page: a browser connects to it but never navigates to it' };

export const URL_TABLE: readonly UrlRow[] = [
  // Authenticated schemes
  {
    url: 'https://editor.example.com/',
    secure: true,
    rule: 'https',
    origin: 'https://editor.example.com',
    browser: 'navigate',
  },
  {
    url: 'https://192.168.1.20:8443/app',
    secure: true,
    rule: 'https',
    origin: 'https://192.168.1.20:8443',
    browser: 'navigate',
  },
  {
    url: 'HTTPS://Editor.Example.COM:443/x',
    secure: true,
    rule: 'https',
    origin: 'https://editor.example.com',
    browser: 'navigate',
  },
  {
    url: 'https://user:secret@editor.example.com/',
    secure: true,
    rule: 'https',
    origin: 'https://editor.example.com',
    browser: 'navigate',
  },
  {
    url: 'https://bücher.example/',
    secure: true,
    rule: 'https',
    origin: 'https://xn--bcher-kva.example',
    browser: 'navigate',
  },
  {
    url: 'wss://rtc.example.com/socket',
    secure: true,
    rule: 'https',
    origin: 'wss://rtc.example.com',
    browser: WEBSOCKET,
  },
  // Loopback IPv4: all of 127.0.0.0/8, in every spelling the parser accepts
  {
    url: 'http://127.0.0.1:3000/',
    secure: true,
    rule: 'loopback-ipv4',
    origin: 'http://127.0.0.1:3000',
    browser: 'navigate',
  },
  { url: 'http://127.5.6.7/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.5.6.7', browser: 'navigate' },
  {
    url: 'http://127.255.255.254/',
    secure: true,
    rule: 'loopback-ipv4',
    origin: 'http://127.255.255.254',
    browser: 'navigate',
  },
  { url: 'http://127.1/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.0.0.1', browser: 'navigate' },
  { url: 'http://0x7f.1/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.0.0.1', browser: 'navigate' },
  { url: 'http://0x7f000001/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.0.0.1', browser: 'navigate' },
  { url: 'http://2130706433/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.0.0.1', browser: 'navigate' },
  { url: 'http://0177.0.0.1/', secure: true, rule: 'loopback-ipv4', origin: 'http://127.0.0.1', browser: 'navigate' },
  {
    url: 'http://user:pass@127.0.0.1:8080/x?y#z',
    secure: true,
    rule: 'loopback-ipv4',
    origin: 'http://127.0.0.1:8080',
    browser: 'navigate',
  },
  // Loopback IPv6
  { url: 'http://[::1]:8080/', secure: true, rule: 'loopback-ipv6', origin: 'http://[::1]:8080', browser: 'navigate' },
  {
    url: 'http://[0:0:0:0:0:0:0:1]/',
    secure: true,
    rule: 'loopback-ipv6',
    origin: 'http://[::1]',
    browser: 'navigate',
  },
  {
    url: 'http://[::ffff:127.0.0.1]/',
    secure: false,
    rule: 'ipv4-mapped-loopback',
    origin: 'http://[::ffff:7f00:1]',
    browser: 'navigate',
  },
  // localhost names
  {
    url: 'http://localhost:3000/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://localhost:3000',
    browser: 'navigate',
  },
  { url: 'http://LOCALHOST/', secure: true, rule: 'localhost-name', origin: 'http://localhost', browser: 'navigate' },
  { url: 'http://localhost./', secure: true, rule: 'localhost-name', origin: 'http://localhost.', browser: 'navigate' },
  {
    url: 'http://app.localhost:5173/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://app.localhost:5173',
    browser: 'navigate',
  },
  {
    url: 'http://App.LocalHost./',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://app.localhost.',
    browser: 'navigate',
  },
  {
    url: 'http://a.b.localhost/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://a.b.localhost',
    browser: 'navigate',
  },
  {
    url: 'http://ｌｏｃａｌｈｏｓｔ/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://localhost',
    browser: 'navigate',
  },
  {
    url: 'http://bücher.localhost/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://xn--bcher-kva.localhost',
    browser: 'navigate',
  },
  {
    url: 'http://admin:pw@localhost:8080/',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://localhost:8080',
    browser: 'navigate',
  },
  {
    url: 'ws://localhost:1234/',
    secure: true,
    rule: 'localhost-name',
    origin: 'ws://localhost:1234',
    browser: WEBSOCKET,
  },
  // Names that look local but are not
  {
    url: 'http://localhost.example.com/',
    secure: false,
    rule: 'public-name',
    origin: 'http://localhost.example.com',
    browser: 'navigate',
  },
  {
    url: 'http://mylocalhost/',
    secure: false,
    rule: 'private-name',
    origin: 'http://mylocalhost',
    browser: 'navigate',
  },
  {
    url: 'http://localhost.localdomain/',
    secure: false,
    rule: 'private-name',
    origin: 'http://localhost.localdomain',
    browser: 'navigate',
  },
  {
    url: 'http://myapp.test:3000/',
    secure: false,
    rule: 'private-name',
    origin: 'http://myapp.test:3000',
    browser: 'navigate',
  },
  {
    url: 'http://devbox.local/',
    secure: false,
    rule: 'private-name',
    origin: 'http://devbox.local',
    browser: 'navigate',
  },
  { url: 'http://web:8080/', secure: false, rule: 'private-name', origin: 'http://web:8080', browser: 'navigate' },
  {
    url: 'http://editor.example.com/',
    secure: false,
    rule: 'public-name',
    origin: 'http://editor.example.com',
    browser: 'navigate',
  },
  {
    url: 'ws://rtc.example.com/socket',
    secure: false,
    rule: 'public-name',
    origin: 'ws://rtc.example.com',
    browser: WEBSOCKET,
  },
  {
    url: 'ftp://files.example.com/',
    secure: false,
    rule: 'other-scheme',
    origin: 'ftp://files.example.com',
    browser: { cannot: 'Chromium no longer loads ftp: URLs' },
  },
  // Network addresses
  {
    url: 'http://192.168.1.20:3000/',
    secure: false,
    rule: 'lan-address',
    origin: 'http://192.168.1.20:3000',
    browser: 'navigate',
  },
  {
    url: 'http://3232235796:3000/',
    secure: false,
    rule: 'lan-address',
    origin: 'http://192.168.1.20:3000',
    browser: 'navigate',
  },
  { url: 'http://10.0.0.5/', secure: false, rule: 'lan-address', origin: 'http://10.0.0.5', browser: 'navigate' },
  { url: 'http://172.20.1.1/', secure: false, rule: 'lan-address', origin: 'http://172.20.1.1', browser: 'navigate' },
  {
    url: 'http://169.254.10.1/',
    secure: false,
    rule: 'lan-address',
    origin: 'http://169.254.10.1',
    browser: 'navigate',
  },
  { url: 'http://[fe80::1]/', secure: false, rule: 'lan-address', origin: 'http://[fe80::1]', browser: 'navigate' },
  {
    url: 'http://[fd00::20]:3000/',
    secure: false,
    rule: 'lan-address',
    origin: 'http://[fd00::20]:3000',
    browser: 'navigate',
  },
  {
    url: 'http://0.0.0.0:3000/',
    secure: false,
    rule: 'unspecified-address',
    origin: 'http://0.0.0.0:3000',
    browser: 'navigate',
  },
  {
    url: 'http://[::]:3000/',
    secure: false,
    rule: 'unspecified-address',
    origin: 'http://[::]:3000',
    browser: 'navigate',
  },
  {
    url: 'http://203.0.113.7/',
    secure: false,
    rule: 'public-address',
    origin: 'http://203.0.113.7',
    browser: 'navigate',
  },
  { url: 'http://128.0.0.1/', secure: false, rule: 'public-address', origin: 'http://128.0.0.1', browser: 'navigate' },
  // file: and opaque origins
  { url: 'file:///home/me/editor.html', secure: true, rule: 'file', origin: 'null', browser: 'navigate' },
  { url: 'data:text/html,<h1>editor</h1>', secure: false, rule: 'opaque', origin: 'null', browser: 'navigate' },
  { url: 'about:blank', secure: false, rule: 'opaque', origin: 'null', browser: 'navigate' },
  {
    url: 'javascript:alert(1)',
    secure: false,
    rule: 'opaque',
    origin: 'null',
    browser: { cannot: 'a javascript: URL runs script in the current page instead of loading one' },
  },
  {
    url: 'localhost:3000',
    secure: false,
    rule: 'opaque',
    origin: 'null',
    browser: { cannot: 'the scheme "localhost:" is unknown to browsers, so there is nothing to load' },
  },
  // blob: takes its inner origin
  {
    url: 'blob:https://editor.example.com/0b9a3e1c-8f5e-4a0b-9d2c-6f1e2a3b4c5d',
    secure: true,
    rule: 'https',
    origin: 'https://editor.example.com',
    browser: 'blob',
  },
  {
    url: 'blob:http://localhost:3000/0b9a3e1c-8f5e-4a0b-9d2c-6f1e2a3b4c5d',
    secure: true,
    rule: 'localhost-name',
    origin: 'http://localhost:3000',
    browser: 'blob',
  },
  {
    url: 'blob:http://192.168.1.20:3000/0b9a3e1c-8f5e-4a0b-9d2c-6f1e2a3b4c5d',
    secure: false,
    rule: 'lan-address',
    origin: 'http://192.168.1.20:3000',
    browser: 'blob',
  },
  {
    url: 'blob:file:///0b9a3e1c-8f5e-4a0b-9d2c-6f1e2a3b4c5d',
    secure: false,
    rule: 'opaque',
    origin: 'null',
    browser: {
      cannot:
        'Chromium gives file: pages an opaque origin, so the blob: URLs they make are blob:null/…, never this form',
    },
  },
  {
    url: 'blob:null/0b9a3e1c-8f5e-4a0b-9d2c-6f1e2a3b4c5d',
    secure: false,
    rule: 'opaque',
    origin: 'null',
    browser: {
      cannot: 'blob:null URLs come from pages with opaque origins; the oracle has no page of that origin to create one',
    },
  },
];

/** Inputs the WHATWG URL parser rejects: 400 from the API, exit 2 from the CLI. */
export const UNPARSEABLE_URLS = [
  '',
  '   ',
  'example.com',
  '192.168.1.20:3000',
  'http://',
  'http://exa mple.com/',
  'https://[::1/',
  'http://999.1.1.1/',
];

/** Frames: the page's own URL judged together with every frame above it, top first. */
export const FRAME_CHAINS: readonly { chain: readonly string[]; secure: boolean; browser?: { cannot: string } }[] = [
  { chain: ['http://intranet.example/', 'https://editor.example.com/'], secure: false },
  { chain: ['http://192.168.1.20:3000/', 'http://localhost:3000/'], secure: false },
  { chain: ['https://portal.example/', 'http://localhost:3000/'], secure: true },
  { chain: ['http://localhost:8080/', 'https://editor.example.com/'], secure: true },
  { chain: ['http://intranet.example/', 'http://localhost:3000/', 'https://editor.example.com/'], secure: false },
  { chain: ['https://portal.example/', 'http://localhost:3000/', 'https://editor.example.com/'], secure: true },
  {
    chain: ['https://portal.example/', 'http://editor.example.com/'],
    secure: false,
    browser: {
      cannot:
        'an https page may not load an http frame (mixed content), so the browser blocks this frame before it runs',
    },
  },
];
