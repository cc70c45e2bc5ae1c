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
