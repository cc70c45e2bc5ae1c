/**
 * Where a browser says a request comes from: Sec-Fetch-Site when it sends it, else Origin against Host.
 * `user` is a navigation the user started (address bar, bookmark); `unknown` is a client that sent neither
 * header (servers, scripts, editors' back ends).
 */
type RequestSite = 'same-origin' | 'cross-site' | 'user' | 'unknown';

function requestSite(request: Request): RequestSite {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin' ? 'same-origin' : fetchSite === 'none' ? 'user' : 'cross-site';
  const origin = request.headers.get('origin');
  if (!origin) return 'unknown';
  const host = request.headers.get('host') ?? new URL(request.url).host;
  try {
    return origin !== 'null' && new URL(origin).host === host ? 'same-origin' : 'cross-site';
  } catch {
    return 'cross-site';
  }
}

/**
 * Cross-site request forgery guard for cookie-authenticated changes: the browser must say the request
 * comes from this site (Origin matching Host, or Sec-Fetch-Site: same-origin). Requests without either are refused.
 */
export function isSameOriginRequest(request: Request): boolean {
  return requestSite(request) === 'same-origin';
}

/**
 * For endpoints without cookies that non-browser clients call too: refuses only what a browser marks as
 * coming from another site. Requests that carry neither header pass.
 */
export function isCrossSiteBrowserRequest(request: Request): boolean {
  return requestSite(request) === 'cross-site';
}
