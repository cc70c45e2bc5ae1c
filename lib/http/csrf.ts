/**
 * Cross-site request forgery guard for cookie-authenticated changes: the browser must say the request
 * comes from this site (Origin matching Host, or Sec-Fetch-Site: same-origin). Requests without either are refused.
 */
export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin';
  const origin = request.headers.get('origin');
  const host = request.headers.get('host') ?? new URL(request.url).host;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * For endpoints without cookies that non-browser clients call too: refuses only what a browser marks as
 * coming from another site (Sec-Fetch-Site, or an Origin that is not this host). Requests that carry
 * neither header (servers, scripts, editors' back ends) pass.
 */
export function isCrossSiteBrowserRequest(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  return !isSameOriginRequest(request);
}
