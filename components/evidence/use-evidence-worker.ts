'use client';

import { useEffect, useRef, useState } from 'react';
import type { EvidenceMessage, EvidenceProgress, EvidenceRequest } from './protocol';

export type EvidenceState =
  | { status: 'idle' }
  | { status: 'working'; progress?: EvidenceProgress }
  | { status: 'error'; message: string }
  | (Extract<EvidenceMessage, { type: 'done' }> & { status: 'done' });

/**
 * One worker per reading: a new file stops the one before it. Results arrive as worker messages, not server data, so
 * plain state rather than a query cache holds them.
 */
export function useEvidenceWorker(): [EvidenceState, (request: EvidenceRequest) => void] {
  const [state, setState] = useState<EvidenceState>({ status: 'idle' });
  const worker = useRef<Worker>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const run = (request: EvidenceRequest) => {
    worker.current?.terminate();
    const next = new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module' });
    worker.current = next;
    setState({ status: 'working' });
    next.onmessage = (event: MessageEvent<EvidenceMessage>) => {
      const message = event.data;
      if (message.type === 'progress') setState({ status: 'working', progress: message.progress });
      else {
        setState(
          message.type === 'done' ? { ...message, status: 'done' } : { status: 'error', message: message.message },
        );
        next.terminate();
      }
    };
    next.onerror = (event) => setState({ status: 'error', message: event.message || 'The reader stopped.' });
    next.postMessage(request);
  };
  return [state, run];
}
