'use client';

import { useId, useState } from 'react';
import type { OwnAccount } from '@/components/token/account-keys-panel';
import { KeySourcePicker } from '@/components/token/key-source-picker';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/fields';
import { SERVICE_ALGORITHMS } from '@/lib/algorithms';
import type { EvidenceFinding } from '@/lib/evidence';
import { supportBundle, type EvidenceBundle } from '@/lib/evidence/bundle';
import { EvidenceFindings } from './evidence-findings';
import { EvidenceSource } from './evidence-source';
import { SendToSupport } from './send-to-support';
import type { EvidenceProgress, EvidenceRequest } from './protocol';
import { useEvidenceWorker } from './use-evidence-worker';

function describeProgress(name: string, progress?: EvidenceProgress): string {
  if (!progress) return `Starting to read ${name}…`;
  if (progress.phase === 'reading')
    return `Reading ${name}: ${Math.round(progress.done / 1048576)} of ${Math.round(progress.total / 1048576)} MB`;
  return progress.phase === 'parsing' ? `Parsing ${name}…` : `Diagnosing the tokens in ${name}…`;
}

/** Saves the redacted findings as a JSON file: made in the browser, from the findings alone. */
function download(name: string, contents: string) {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

const bundleOf = (read: { findings: EvidenceFinding[]; source: EvidenceBundle['source'] }) =>
  supportBundle(read.findings, read.source);

/** The evidence page: a capture or a log in, findings out, and a redacted bundle for support. */
export function EvidenceTool({
  ownAccount,
  defaultAlgorithms = SERVICE_ALGORITHMS,
}: {
  ownAccount?: OwnAccount;
  defaultAlgorithms?: readonly string[];
}) {
  const keysId = useId();
  const [keyKind, setKeyKind] = useState<'paste' | 'account'>('paste');
  const [keysText, setKeysText] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [name, setName] = useState('');
  const [state, run] = useEvidenceWorker();
  const [lastInput, setLastInput] = useState<{ file: File } | { text: string }>();
  // Each read starts a new send form: a bundle sent is the findings of one read.
  const [reads, setReads] = useState(0);
  const keys: EvidenceRequest['keys'] =
    keyKind === 'paste' ? { kind: 'paste', text: keysText } : { kind: 'account', apiKey };
  const read = (input: { file: File } | { text: string }) => {
    const label = 'file' in input ? input.file.name : 'the pasted excerpt';
    setName(label);
    setLastInput(input);
    setReads((count) => count + 1);
    run({ ...input, name: label, keys, algorithms: [...defaultAlgorithms], origin: window.location.origin });
  };
  const chooseKeys = (kind: 'paste' | 'account') => {
    setKeyKind(kind);
    if (kind === 'account' && !apiKey && ownAccount) setApiKey(ownAccount.apiKey);
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="min-w-0 space-y-6">
        <EvidenceSource
          busy={state.status === 'working'}
          onFile={(file) => read({ file })}
          onText={(text) => read({ text })}
        />
        <div className="space-y-3">
          <KeySourcePicker
            name="evidence-keys"
            legend="Public keys for the signatures"
            value={keyKind}
            onChange={chooseKeys}
          />
          <label htmlFor={keysId} className="sr-only">
            {keyKind === 'paste' ? 'Public keys (JWK set, JWK or PEM)' : 'Account API key'}
          </label>
          {keyKind === 'paste' ? (
            <Textarea
              id={keysId}
              mono
              rows={4}
              value={keysText}
              onChange={(event) => setKeysText(event.target.value)}
              placeholder='{"keys": [{"kty": "RSA", "kid": "…", "n": "…", "e": "AQAB"}]}'
            />
          ) : (
            <Input
              id={keysId}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              spellCheck={false}
              autoComplete="off"
              placeholder="rtc_…"
            />
          )}
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {keyKind === 'paste'
              ? 'Checked in this browser. Without keys, every other rule is still checked.'
              : 'The tokens found (only they) are sent to this portal’s batch API to be checked against the account’s keys; they are not stored.'}{' '}
          </p>
        </div>
      </div>
      <div className="min-w-0 space-y-6" aria-live="polite">
        {state.status === 'idle' && (
          <div className="rounded-lg border border-dashed border-slate-300 p-6 text-sm dark:border-slate-600">
            <h2 className="font-semibold">What this reads</h2>
            <p className="mt-2 text-slate-700 dark:text-slate-300">
              A HAR file (in the browser’s developer tools, Network tab: “Save all as HAR”) or a server log. Every JWT
              in headers, cookies, query strings, bodies and log lines is diagnosed; the page’s origin is judged; calls
              to the session API are laid out with their real timings; and server clocks are held against the tokens.
            </p>
          </div>
        )}
        {state.status === 'working' && (
          <div role="status" className="space-y-2">
            <p className="text-sm">{describeProgress(name, state.progress)}</p>
            <progress
              className="h-2 w-full"
              aria-label={`Reading ${name}`}
              {...(state.progress?.phase === 'reading'
                ? { value: state.progress.done, max: state.progress.total }
                : {})}
            />
          </div>
        )}
        {state.status === 'error' && (
          <p
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
          >
            {name} could not be read: {state.message}
          </p>
        )}
        {state.status === 'done' && (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {state.source.entries} {state.source.kind === 'har' ? 'request' : 'line'}
                {state.source.entries === 1 ? '' : 's'} in {state.source.name}, read in {state.parseMs} ms.
              </p>
              <div className="flex flex-wrap gap-2">
                {lastInput && (
                  <Button size="sm" variant="secondary" onClick={() => read(lastInput)}>
                    Read again with these keys
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => download('rtc-doctor-evidence.json', JSON.stringify(bundleOf(state), null, 2))}
                >
                  Download the redacted bundle
                </Button>
              </div>
            </div>
            <SendToSupport key={reads} bundle={() => bundleOf(state)} accountName={ownAccount?.name} />
            <EvidenceFindings findings={state.findings} />
          </>
        )}
      </div>
    </div>
  );
}
