// Headers every response carries. A page's Content-Security-Policy is set per request in
// proxy.ts because it holds a fresh nonce; static assets and API routes skip the proxy and get a deny-all policy here.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

// HSTS: once a browser has seen this over https it uses only https for the site (and its subdomains) for two years.
// The portal itself speaks plain http; TLS ends at the reverse proxy in front of it, which says so in X-Forwarded-Proto
// (its first entry). So it is sent only when that says https: never over plain http, where `npm run dev` and
// http://localhost must stay usable (and where browsers ignore it anyway, RFC 6797 §8.1). Pages and API routes alike.
const strictTransportSecurity = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
const overHttps = [{ type: 'header', key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }];

// For responses that are not pages (scripts, JSON): nothing in them may load or run anything.
const denyAllPolicy = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

// A Web Worker runs under the policy of its own script's response, not the page's: Turbopack's worker bootstrap
// must be allowed to load this site's chunks (importScripts), and the evidence reader's worker to call this site's
// batch API (connect-src); nothing else, and nowhere else.
const workerPolicy = {
  key: 'Content-Security-Policy',
  value: "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // MDX docs are not routes: lib/docs parses content/ and components/docs/mdx-body renders it.
  pageExtensions: ['ts', 'tsx'],
  poweredByHeader: false,
  // PGlite loads its WebAssembly from its own package folder, so it must not be bundled. prom-client keeps its
  // registry in its module: server.mjs (the cluster primary's aggregation) and the app must load the same copy.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'prom-client'],
  // A self-contained server in .next/standalone (npm run build:standalone, npm run start:prod); the migrations and the
  // docs' MDX are read from disk at run time, so they go with it.
  output: 'standalone',
  outputFileTracingIncludes: { '/**': ['./lib/db/migrations/**/*', './content/**/*'] },
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/:path*', has: overHttps, headers: [strictTransportSecurity] },
      { source: '/_next/static/:path*', headers: [denyAllPolicy] },
      { source: '/_next/static/chunks/:file(turbopack-worker-.+\\.js)', headers: [workerPolicy] },
      { source: '/api/:path*', headers: [denyAllPolicy] },
    ];
  },
};

export default nextConfig;
