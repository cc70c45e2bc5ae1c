// The app's side of the bridge to the server shell (server/bridge.mjs): what it observes of each request, and what
// it does when the server stops. instrumentation.ts installs it once per server process.
import { opsBridge } from '@/server/bridge.mjs';
import { metrics } from './metrics';
import { beginShutdown, finishShutdown } from './shutdown';

export function installOpsBridge(): void {
  opsBridge().app = {
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      metrics.requests.inc(labels);
      metrics.requestSeconds.observe(labels, seconds);
    },
    beginShutdown,
    finishShutdown,
  };
}
