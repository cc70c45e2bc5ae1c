/**
 * Builds the Content-Security-Policy for one page response.
 * Scripts run only with the request's nonce ('strict-dynamic' lets them load their chunks);
 * style attributes stay allowed because highlighted code carries its colours inline.
 */
export function buildContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const scriptSources = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`];
  // React's development build evaluates code to rebuild server stacks; production never does.
  if (options.development) scriptSources.push(`'unsafe-eval'`);
  const directives: Record<string, string[]> = {
    'default-src': [`'self'`],
    'script-src': scriptSources,
    'style-src': [`'self'`, `'nonce-${nonce}'`],
    'style-src-elem': [`'self'`, `'nonce-${nonce}'`],
    'style-src-attr': [`'unsafe-inline'`],
    'img-src': [`'self'`, 'data:', 'blob:'],
    'font-src': [`'self'`],
    'connect-src': [`'self'`],
    'object-src': [`'none'`],
    'base-uri': [`'self'`],
    'form-action': [`'self'`],
    'frame-ancestors': [`'none'`],
    'worker-src': [`'self'`, 'blob:'],
    'manifest-src': [`'self'`],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A nonce is 128 random bits, base64 encoded, fresh for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
