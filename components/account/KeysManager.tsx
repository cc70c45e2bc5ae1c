'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type DragEvent } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import { isServiceSet, listAlgorithms, SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { errorDocsPath } from '@/lib/errors/paths';
import { KeyPairGenerator } from './KeyPairGenerator';
import { requestJson } from '@/components/request-json';

interface StoredKey {
  id: string;
  kid: string;
  kty: string;
  alg: string | null;
  thumbprint: string;
  createdAt: string;
  lastUsedAt: string | null;
  jwk: Record<string, unknown>;
  /** The deployment's accepted algorithms this key can check; empty when tokens signed with it would be refused. */
  acceptedAlgorithms?: string[];
}

interface AuditEvent {
  id: number;
  action: string;
  actorId: string;
  actorRole: string;
  keyKid: string | null;
  at: string;
}

interface Finding {
  code: string;
  message: string;
}

interface UploadProblem {
  message: string;
  keys: { kid: string | null; errors: Finding[] }[];
  errors: Finding[];
}

const MAX_FILE_BYTES = 64 * 1024;

function describeSize(jwk: Record<string, unknown>): string {
  if (typeof jwk.crv === 'string') return jwk.crv;
  if (typeof jwk.n === 'string') return `${Math.round((jwk.n.length * 6) / 1024) * 1024} bits`;
  return '';
}

/** "the service accepts only RS256, …", or this deployment's own set when it has one. */
function acceptedSetInWords(algorithms: readonly AlgorithmName[]): string {
  return `${isServiceSet(algorithms) ? 'the service' : 'this deployment'} accepts only ${listAlgorithms(algorithms)}`;
}

/**
 * `algorithms` is the deployment's accepted set, read on the server. Keys stored before it excluded them (an
 * EC key, say) stay stored and listed, flagged: deleting them is the owner's decision.
 */
export function KeysManager({ apiKey, canEdit, algorithms = SERVICE_ALGORITHMS }: { apiKey: string; canEdit: boolean; algorithms?: readonly AlgorithmName[] }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string>();
  const base = `/api/accounts/${encodeURIComponent(apiKey)}`;
  const keys = useQuery({ queryKey: ['account-keys', apiKey], queryFn: () => requestJson<{ keys: StoredKey[] }>(`${base}/keys`) });
  const audit = useQuery({ queryKey: ['account-audit', apiKey], queryFn: () => requestJson<{ events: AuditEvent[] }>(`${base}/audit`) });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['account-keys', apiKey] }), queryClient.invalidateQueries({ queryKey: ['account-audit', apiKey] })]);

  const upload = useMutation({
    mutationFn: (key: string) => requestJson(`${base}/keys`, { method: 'POST', body: JSON.stringify({ key }) }),
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => requestJson(`${base}/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }), onSuccess: refresh });
  const problem = (upload.error as (Error & { body?: { check?: UploadProblem } }) | null)?.body?.check;

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileNote(`${file.name} is larger than 64 KiB; a key file is much smaller.`);
      return;
    }
    setFileNote(`Read ${file.name}.`);
    setText(await file.text());
  }

  return (
    <div className="space-y-10">
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-xl font-semibold">
          Public keys
        </h2>
        {keys.isPending && <p className="mt-3 text-slate-600 dark:text-slate-300">Loading keys…</p>}
        {keys.isError && <p role="alert" className="mt-3 text-red-700 dark:text-red-300">{keys.error.message}</p>}
        {keys.data && keys.data.keys.length === 0 && (
          <p className="mt-3 rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-300">
            No keys yet. Until a public key is registered, every token for this account fails with “Unable to retrieve JWK set”.
          </p>
        )}
        {keys.data && keys.data.keys.length > 0 && (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  {['kid', 'Type', 'Algorithm', 'Size', 'Thumbprint', 'Added', 'Last used', ''].map((title) => (
                    <th key={title} scope="col" className="py-2 pr-4 font-semibold">
                      {title || <span className="sr-only">Actions</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {keys.data.keys.map((key) => (
                  <KeyRows key={key.id} storedKey={key} canEdit={canEdit} algorithms={algorithms} onDelete={() => remove.mutate(key.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          To rotate a key: add the new key, switch your token signing to it, and delete the old key only after the last token it signed has expired.
        </p>
      </section>

      {canEdit && (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="text-xl font-semibold">
            Add keys
          </h2>
          <div className="mt-3">
            <KeyPairGenerator onPublicKey={setText} algorithms={algorithms} />
          </div>
          <form
            className="mt-3 space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (text.trim()) upload.mutate(text);
            }}
          >
            <label htmlFor={inputId} className="block text-sm font-medium">
              Paste a JWK set, a JWK or a PEM public key, or drop a file here
            </label>
            <textarea
              id={inputId}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event: DragEvent<HTMLTextAreaElement>) => {
                event.preventDefault();
                void readFile(event.dataTransfer.files[0]);
              }}
              rows={6}
              spellCheck={false}
              className="block w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-xs text-slate-900 focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            />
            <div className="flex flex-wrap items-center gap-3">
              <label className="cursor-pointer rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
                Choose a file…
                <input type="file" accept=".json,.jwk,.jwks,.pem,.pub,.txt,application/json" className="sr-only" onChange={(event) => void readFile(event.target.files?.[0])} />
              </label>
              <button type="submit" disabled={upload.isPending || !text.trim()} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
                {upload.isPending ? 'Checking…' : 'Check and add'}
              </button>
              {fileNote && <span className="text-sm text-slate-600 dark:text-slate-300">{fileNote}</span>}
            </div>
            {upload.isSuccess && <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Added. The keys are in the account’s JWK set now.</p>}
            {upload.isError && (
              <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
                <p className="font-semibold">{upload.error.message}</p>
                {problem && (
                  <ul className="mt-2 list-disc space-y-1 pl-5">
                    {[...problem.errors, ...problem.keys.flatMap((key) => key.errors)].map((finding, index) => (
                      <li key={index}>
                        <code>{finding.code}</code>: {finding.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </form>
        </section>
      )}

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-xl font-semibold">
          Audit log
        </h2>
        {audit.data && audit.data.events.length === 0 && <p className="mt-3 text-slate-600 dark:text-slate-300">No changes yet.</p>}
        {audit.data && audit.data.events.length > 0 && (
          <ol className="mt-3 space-y-1 text-sm">
            {audit.data.events.map((event) => (
              <li key={event.id}>
                <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time>: {event.action === 'key.added' ? 'added' : 'deleted'} key{' '}
                <code>{event.keyKid}</code> ({event.actorRole})
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** One stored key's row; a key the accepted set does not cover gets a second row saying so. */
function KeyRows({ storedKey: key, canEdit, algorithms, onDelete }: { storedKey: StoredKey; canEdit: boolean; algorithms: readonly AlgorithmName[]; onDelete: () => void }) {
  const refused = key.acceptedAlgorithms?.length === 0;
  const noteId = `key-${key.id}-refused`;
  const divider = 'border-b border-slate-100 dark:border-slate-800';
  return (
    <>
      <tr className={`align-top ${refused ? '' : divider}`} aria-describedby={refused ? noteId : undefined} data-refused={refused || undefined}>
        <td className="py-2 pr-4 font-mono text-xs">{key.kid}</td>
        <td className="py-2 pr-4">{key.kty}</td>
        <td className="py-2 pr-4">
          {key.alg ?? (refused ? '—' : <span title={key.acceptedAlgorithms?.join(', ')}>Any that fits</span>)}
          {refused && <span className="ml-2 rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold text-white">Refused</span>}
        </td>
        <td className="py-2 pr-4">{describeSize(key.jwk)}</td>
        <td className="py-2 pr-4 font-mono text-xs">
          <span title={key.thumbprint}>{key.thumbprint.slice(0, 16)}…</span> <CopyButton getText={() => key.thumbprint} label="Copy" />
        </td>
        <td className="py-2 pr-4 whitespace-nowrap">{new Date(key.createdAt).toLocaleString()}</td>
        <td className="py-2 pr-4 whitespace-nowrap">{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : 'Never'}</td>
        <td className="py-2">
          {canEdit && (
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Delete the key "${key.kid}"? Tokens signed with it will stop working at once.`)) onDelete();
              }}
              className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
            >
              Delete
            </button>
          )}
        </td>
      </tr>
      {refused && (
        <tr className={divider}>
          <td colSpan={8} className="pb-2">
            <p id={noteId} data-testid="key-refused" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              Tokens signed with this key will be refused: {acceptedSetInWords(algorithms)}. It stays stored until {canEdit ? 'you delete' : 'the owner deletes'} it.{' '}
              <Link href={errorDocsPath('KEY_UNSUPPORTED_TYPE')} className="font-medium underline">
                Which keys work
              </Link>
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
