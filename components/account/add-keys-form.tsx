'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type DragEvent } from 'react';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/fields';
import { buttonClass } from '@/components/ui/styles';
import type { AlgorithmName } from '@/lib/algorithms';
import { findPrivateKeyMaterial, type PrivateMaterial } from '@/lib/jwk/private';
import { KeyPairGenerator } from './key-pair-generator';
import type { AccountMessages } from './messages';
import { PrivateKeyRefusal } from './private-key-refusal';
import type { UploadProblem } from './types';
import { UploadProblems } from './upload-problems';

const MAX_FILE_BYTES = 64 * 1024;

/**
 * Adds public keys by paste, file or the generator. Text holding a private key is refused here, before it is
 * sent: the server would refuse it too, but by then it has left the browser.
 */
export function AddKeysForm({
  keysUrl,
  algorithms,
  registeredKids,
  messages,
  onAdded,
}: {
  keysUrl: string;
  algorithms: readonly AlgorithmName[];
  registeredKids: ReadonlySet<string>;
  messages: AccountMessages;
  onAdded: () => Promise<unknown>;
}) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string>();
  const [privateKey, setPrivateKey] = useState<PrivateMaterial>();

  const upload = useMutation({
    mutationFn: (key: string) => requestJson(keysUrl, { method: 'POST', body: JSON.stringify({ key }) }),
    onSuccess: async () => {
      setText('');
      setFileNote(undefined);
      await onAdded();
    },
  });
  const problem = (upload.error as (Error & { body?: { check?: UploadProblem } }) | null)?.body?.check;

  /** Every way text reaches the field comes through here, so a private key never stays in it. False when refused. */
  function accept(next: string): boolean {
    const found = findPrivateKeyMaterial(next);
    if (upload.isSuccess || upload.isError) upload.reset();
    if (found) {
      setText('');
      setFileNote(undefined);
      if (fileInput.current) fileInput.current.value = '';
      setPrivateKey(found);
      return false;
    }
    setText(next);
    return true;
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileNote(`${file.name} is larger than 64 KiB; a key file is much smaller.`);
      return;
    }
    if (accept(await file.text())) setFileNote(`Read ${file.name}.`);
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="text-xl font-semibold">
        Add keys
      </h2>
      <div className="mt-3">
        <KeyPairGenerator
          onPublicKey={(jwk) => void accept(jwk)}
          algorithms={algorithms}
          registeredKids={registeredKids}
        />
      </div>
      <form
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          // The field never holds a private key (accept() clears it), but the check costs nothing.
          if (!text.trim() || findPrivateKeyMaterial(text)) return;
          // A new attempt: what was said about the text refused before no longer stands next to its answer.
          setPrivateKey(undefined);
          upload.mutate(text);
        }}
      >
        <label htmlFor={inputId} className="block text-sm font-medium">
          Paste a JWK set, a JWK or a PEM public key, or drop a file here
        </label>
        <Textarea
          id={inputId}
          mono
          value={text}
          onChange={(event) => accept(event.target.value)}
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event: DragEvent<HTMLTextAreaElement>) => {
            event.preventDefault();
            void readFile(event.dataTransfer.files[0]);
          }}
          rows={6}
          spellCheck={false}
          aria-describedby={`${inputId}-help`}
        />
        <p id={`${inputId}-help`} className="text-xs text-slate-600 dark:text-slate-300">
          Public keys only. A private key is refused in this browser and never sent.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label
            className={`${buttonClass('secondary', 'md')} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500`}
          >
            Choose a file…
            <input
              ref={fileInput}
              type="file"
              accept=".json,.jwk,.jwks,.pem,.pub,.txt,application/json"
              className="sr-only"
              onChange={(event) => void readFile(event.target.files?.[0])}
            />
          </label>
          <Button type="submit" variant="primary" disabled={upload.isPending || !text.trim()}>
            {upload.isPending ? 'Checking…' : 'Check and add'}
          </Button>
          {fileNote && <span className="text-sm break-all text-slate-600 dark:text-slate-300">{fileNote}</span>}
        </div>
        {privateKey && (
          <PrivateKeyRefusal
            found={privateKey}
            entry={messages.privateKey}
            onDismiss={() => setPrivateKey(undefined)}
          />
        )}
        {upload.isSuccess && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            Added. The keys are in the account’s JWK set now.
          </p>
        )}
        {upload.isError && <UploadProblems message={upload.error.message} problem={problem} />}
      </form>
    </section>
  );
}
