'use client';

import { useEffect, useState } from 'react';
import type { InterleavingsSummary, ProviderBehaviour } from '@/lib/race';

export type InterleavingsState =
  { status: 'running' } | { status: 'done'; summary: InterleavingsSummary } | { status: 'error'; message: string };

type WorkerAnswer = { ready: true } | { ok: true; summary: InterleavingsSummary } | { ok: false; message: string };

/** Every interleaving for the provider, worked out in a Web Worker; a new question ends the previous worker. */
export function useInterleavings(clients: number, provider: ProviderBehaviour): InterleavingsState {
  const [state, setState] = useState<{ key: string; value: InterleavingsState }>({
    key: '',
    value: { status: 'running' },
  });
  const key = `${clients}:${provider}`;

  useEffect(() => {
    const worker = new Worker(new URL('./interleavings.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if ('ready' in answer) {
        worker.postMessage({ clients, provider });
        return;
      }
      setState({
        key,
        value: answer.ok ? { status: 'done', summary: answer.summary } : { status: 'error', message: answer.message },
      });
      worker.terminate();
    };
    worker.onerror = (event) => {
      setState({
        key,
        value: {
          status: 'error',
          message: event.message || 'The worker that enumerates the orderings failed to start.',
        },
      });
      worker.terminate();
    };
    return () => worker.terminate();
  }, [clients, provider, key]);

  return state.key === key ? state.value : { status: 'running' };
}
