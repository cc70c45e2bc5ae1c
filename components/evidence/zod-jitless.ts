// The worker has no root layout to run the page's inline zod setting (components/zod-without-eval.ts), so it sets
// the same shared config itself, imported before anything that loads zod.
const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(shared.__zod_globalConfig ??= {}).jitless = true;

export {};
