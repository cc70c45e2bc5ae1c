/**
 * Code to paste into the browser console of the user's own app: it prints the same check there, from
 * inside the frame the console is attached to, and links back to the checker with that page's URL.
 * Plain ES2017 with no dependencies, so it runs in any console.
 */
export function consoleSnippet(toolUrl: string): string {
  return `(() => {
  const framed = window !== window.top;
  console.table({
    page: location.href,
    origin: location.origin,
    isSecureContext: window.isSecureContext,
    'crypto.subtle': typeof crypto !== 'undefined' && typeof crypto.subtle === 'object' ? 'available' : 'missing',
    'inside a frame': framed,
  });
  if (window.isSecureContext) {
    console.log('%c✓ Secure context: RTC can run here.', 'color: green; font-weight: bold');
  } else {
    console.log('%c✗ Not a secure context: RTC will not start here.', 'color: red; font-weight: bold');
    if (framed) console.log('This page is inside a frame: it and every frame above it must be secure.');
    console.log(${JSON.stringify(`How to fix it: ${toolUrl}?url=`)} + encodeURIComponent(location.href));
  }
  return window.isSecureContext;
})();`;
}
