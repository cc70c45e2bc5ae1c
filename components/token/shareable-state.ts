'use client';

/**
 * The debugger's input lives in the URL fragment (#token=…&keys=… or #token=…&apiKey=…): browsers never send the fragment
 * to a server, so a shared link carries the token without it ever reaching one.
 */
export interface DebuggerInput {
  token: string;
  keys: string;
  /** Set when the token is checked against an account's registered keys rather than pasted ones. */
  apiKey: string;
  /** The accepted set chosen for this check, comma-separated ("RS256,ES256"); empty when it is the page's default. */
  algorithms: string;
}

export function readFragment(): DebuggerInput {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return {
    token: params.get('token') ?? '',
    keys: params.get('keys') ?? '',
    apiKey: params.get('apiKey') ?? '',
    algorithms: params.get('algorithms') ?? '',
  };
}

export function fragmentFor({ token, keys, apiKey, algorithms }: DebuggerInput): string {
  const params = new URLSearchParams();
  if (token) params.set('token', token);
  if (keys) params.set('keys', keys);
  if (apiKey) params.set('apiKey', apiKey);
  if (algorithms) params.set('algorithms', algorithms);
  const encoded = params.toString();
  return encoded ? `#${encoded}` : '';
}

export function writeFragment(input: DebuggerInput): void {
  const fragment = fragmentFor(input);
  if (fragment === window.location.hash || (!fragment && !window.location.hash)) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${fragment}`,
  );
}
