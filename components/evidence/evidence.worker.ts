// Reads a capture or a log off the page's thread: a 50 MB HAR is read in chunks (with progress), parsed and
// analysed here, and only the findings go back. Nothing leaves the browser unless the reader chose an account's keys,
// and then only the tokens, to the batch API.
import './zod-jitless';
import { analyseEvidence, readHar, type Evidence } from '@/lib/evidence';
import { loadKeySet } from '@/lib/jwt';
import type { Diagnosis } from '@/lib/jwt/types';
import type { EvidenceMessage, EvidenceRequest } from './protocol';

const post = (message: EvidenceMessage) => postMessage(message);
const PROGRESS_STEP = 1 << 20;

async function readFile(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  let reported = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    done += chunk.value.byteLength;
    if (done - reported >= PROGRESS_STEP) {
      reported = done;
      post({ type: 'progress', progress: { phase: 'reading', done, total: file.size } });
    }
  }
  parts.push(decoder.decode());
  post({ type: 'progress', progress: { phase: 'reading', done: file.size, total: file.size } });
  return parts.join('');
}

/** The account's keys live on the server: the tokens go to the batch API, one line each, answered in order. */
function accountDiagnosis(origin: string, apiKey: string, algorithms: string[]) {
  return async (tokens: string[]): Promise<Diagnosis[]> => {
    if (tokens.length === 0) return [];
    const response = await fetch(new URL('/api/tokens/diagnose-batch', origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: tokens.map((token) => JSON.stringify({ token, apiKey, algorithms })).join('\n'),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(JSON.parse(text)?.error?.message ?? `the server answered ${response.status}`);
    return text
      .trim()
      .split('\n')
      .map((line) => {
        const answer = JSON.parse(line) as Diagnosis | { error: { message: string } };
        if ('error' in answer) throw new Error(answer.error.message.replace(/^line \d+: /, ''));
        return answer;
      });
  };
}

onmessage = async (event: MessageEvent<EvidenceRequest>) => {
  const request = event.data;
  try {
    const started = performance.now();
    const text = request.file ? await readFile(request.file) : (request.text ?? '');
    post({ type: 'progress', progress: { phase: 'parsing' } });
    const har = readHar(text);
    if (har && 'error' in har) throw new Error(har.error);
    const evidence: Evidence = har ? { kind: 'har', har: har.har } : { kind: 'log', text };
    const parseMs = Math.round(performance.now() - started);
    post({ type: 'progress', progress: { phase: 'analysing' } });
    const algorithms = request.algorithms as Parameters<typeof loadKeySet>[1];
    let options: Parameters<typeof analyseEvidence>[1] = { algorithms };
    if (request.keys.kind === 'paste' && request.keys.text.trim()) {
      const keySet = await loadKeySet(request.keys.text, algorithms);
      if (keySet.unreadable) throw new Error(`These keys cannot be read: ${keySet.unreadable}.`);
      options = { ...options, keys: keySet.keys, keyWarnings: keySet.warnings };
    }
    if (request.keys.kind === 'account' && request.keys.apiKey.trim())
      options = {
        ...options,
        diagnose: accountDiagnosis(request.origin, request.keys.apiKey.trim(), request.algorithms),
      };
    const findings = await analyseEvidence(evidence, options);
    const entries = evidence.kind === 'har' ? evidence.har.log.entries.length : text.split('\n').length;
    post({ type: 'done', findings, source: { kind: evidence.kind, name: request.name, entries }, parseMs });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
