/**
 * zod probes `new Function` when it builds an object schema; under this site's CSP (no 'unsafe-eval') the probe
 * fails quietly but the browser still reports a CSP violation. This inline script, first in the root layout's
 * <head>, turns the probe off before any module loads, so that every client module may build zod schemas. It fills
 * in the config object zod shares on globalThis (zod documents pre-populating it this way); importing zod's `config`
 * here instead would add about 5 KB of zod to every page's JavaScript.
 */
export const zodWithoutEvalScript = '(globalThis.__zod_globalConfig||(globalThis.__zod_globalConfig={})).jitless=true;';
