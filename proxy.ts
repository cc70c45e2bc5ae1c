import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, createNonce } from '@/lib/security/csp';

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  // Next.js reads the nonce from the request's policy header and stamps it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// API responses are JSON, not documents: they get a fixed deny-all policy from next.config.mjs instead of a nonce.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|api/).*)' }],
};
