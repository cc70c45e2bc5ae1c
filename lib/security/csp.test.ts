import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('content security policy', () => {
  it('lets scripts run only with the nonce in production, never eval', () => {
    const policy = directives(buildContentSecurityPolicy('abc123', { development: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows eval only for the development server', () => {
    expect(directives(buildContentSecurityPolicy('n', { development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('forbids framing, plugins and foreign form targets', () => {
    const policy = directives(buildContentSecurityPolicy('n', { development: false }));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
  });

  it("lets the page start workers from its own scripts (script-src 'self' is ignored under 'strict-dynamic')", () => {
    const policy = directives(buildContentSecurityPolicy('n', { development: false }));
    expect(policy.get('worker-src')).toContain("'self'");
    expect(policy.get('worker-src')).not.toContain('*');
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
