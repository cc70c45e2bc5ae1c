// How the HTTP shell (server.mjs, plain Node) and the app's own modules (bundled by Next.js, in the same process)
// reach each other: one object on globalThis, under a registered symbol, so that both sides find the same one
// however the bundler splits or copies modules. The app fills in `app` when it starts (instrumentation.ts →
// lib/ops/bridge.ts); the shell fills in `shell`.
const KEY = Symbol.for('rtc-doctor.ops-bridge');

/** The process's bridge, made on first use by either side. */
export function opsBridge() {
  return (globalThis[KEY] ??= { app: undefined, shell: undefined });
}
