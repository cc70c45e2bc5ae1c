'use client';

// Only `config`, not all of zod: this module is on every page.
import { config } from 'zod';

// zod probes `new Function` when it builds an object schema; under this site's CSP (no 'unsafe-eval') the probe
// fails quietly but the browser still reports a CSP violation. Set here, at module evaluation, so that every client
// module may build zod schemas: the root layout renders this first, before any other client module is loaded.
config({ jitless: true });

/** Renders nothing: rendering it is what makes the browser load this module, first, on every page. */
export function ZodWithoutEval() {
  return null;
}
