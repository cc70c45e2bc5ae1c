/** The interactive tools beside the docs, in the order people usually need them. */
export const TOOLS = [
  {
    href: '/tools/token',
    title: 'Token debugger',
    summary:
      'Paste an identity token and see every problem at once: structure, algorithm, claims, clocks, keys and signature.',
  },
  {
    href: '/tools/secure-context',
    title: 'Secure-context checker',
    summary:
      'Find out whether a page URL can run real-time collaboration, as browsers decide it, and how to serve it securely in development.',
  },
  {
    href: '/tools/race',
    title: 'Session race visualizer',
    summary:
      'Watch two editors create the same session at once, step by step, and see which encryption providers lose data.',
  },
  {
    href: '/tools/evidence',
    title: 'Evidence reader',
    summary:
      'Drop a browser network capture (HAR) or a log excerpt: every token in it diagnosed, the page origin judged, the session race replayed.',
  },
  {
    href: '/account',
    title: 'Public keys',
    summary: 'Sign in to upload, check, generate and rotate the public keys the service checks your tokens with.',
  },
] as const;
