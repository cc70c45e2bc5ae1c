/// <reference lib="webworker" />
import { analyseInterleavings, PROVIDER_BEHAVIOURS, type ProviderBehaviour } from '@/lib/race';

/** Thin shell: runs every interleaving off the main thread so the page stays responsive. */
self.onmessage = (event: MessageEvent<{ clients: number; provider: ProviderBehaviour }>) => {
  const { clients, provider } = event.data;
  if (!PROVIDER_BEHAVIOURS.includes(provider)) {
    self.postMessage({ ok: false, message: `Unknown provider behaviour ${String(provider)}` });
    return;
  }
  try {
    self.postMessage({ ok: true, summary: analyseInterleavings(clients, provider) });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};

// The worker's code loads asynchronously, and a message sent before the handler above exists would be lost: say when it is ready.
self.postMessage({ ready: true });
