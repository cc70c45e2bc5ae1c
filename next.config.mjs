import createMDX from '@next/mdx';

// Headers every response carries. A page's Content-Security-Policy is set per request in
// proxy.ts because it holds a fresh nonce; static assets and API routes skip the proxy and get a deny-all policy here.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

// For responses that are not pages (scripts, JSON): nothing in them may load or run anything.
const denyAllPolicy = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

// A Web Worker runs under the policy of its own script's response, not the page's: Turbopack's worker bootstrap
// must be allowed to load this site's chunks (importScripts), and nothing else.
const workerPolicy = { key: 'Content-Security-Policy', value: "default-src 'none'; script-src 'self'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  // PGlite loads its WebAssembly from its own package folder, so it must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/_next/static/:path*', headers: [denyAllPolicy] },
      { source: '/_next/static/chunks/:file(turbopack-worker-.+\\.js)', headers: [workerPolicy] },
      { source: '/api/:path*', headers: [denyAllPolicy] },
    ];
  },
};

// Plugins are named by string so that Turbopack can pass them to its loader.
const withMDX = createMDX({
  extension: /\.mdx$/,
  options: {
    remarkPlugins: ['remark-frontmatter', 'remark-gfm'],
    rehypePlugins: [
      'rehype-slug',
      ['rehype-autolink-headings', { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
      ['@shikijs/rehype', { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false, addLanguageClass: true, fallbackLanguage: 'text' }],
    ],
  },
});

export default withMDX(nextConfig);
