import { z } from 'zod';

// zod probes `new Function` when it builds an object schema; under this site's CSP (no 'unsafe-eval') the probe
// fails quietly but the browser still reports a CSP violation. Import this module before anything builds an object schema in the browser (lib/race/live builds its schemas on first use).
z.config({ jitless: true });
