/**
 * Where JSON.parse stopped, without the fragment of input its message quotes: that fragment may be part of a
 * token, a password or a private key, and must never be echoed back or logged.
 */
export function jsonFailure(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return `invalid JSON at character ${Number(position) + 1}`;
  return /end of (JSON|data) input/i.test(message) ? 'the JSON ends too early' : 'invalid JSON';
}
