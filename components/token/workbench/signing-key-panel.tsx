'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/fields';
import { RECOMMENDED_ALGORITHM } from '@/lib/algorithms';
import { generateSigningKeyPair } from '@/lib/jwt/generate-key-pair';
import { readPrivateKey, type PrivateSigningKey } from '@/lib/jwt/private-key';

function describeKey(key: PrivateSigningKey): string {
  const kind = key.kty === 'RSA' ? `RSA ${key.bits}-bit` : `EC ${key.crv}`;
  return `${kind} private key${key.kid ? `, kid "${key.kid}"` : ''}`;
}

/**
 * The private key the workbench signs with: pasted, or made here. It stays in this component's memory: it is
 * not sent with any request, not written to the share link or to storage, and goes with "Clear key".
 */
export function SigningKeyPanel({
  signingKey,
  onSigningKey,
  signError,
}: {
  signingKey?: PrivateSigningKey;
  onSigningKey: (key: PrivateSigningKey | undefined) => void;
  /** Why the last edit could not be signed with the key (its alg is not accepted, say). */
  signError?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const read = useMutation({
    mutationFn: async (pasted: string) => readPrivateKey(pasted),
    onSuccess: (result) => {
      if ('error' in result) {
        setProblem(`This key cannot sign: ${result.error}.`);
        onSigningKey(undefined);
      } else {
        setProblem(undefined);
        onSigningKey(result.key);
      }
    },
  });
  const generate = useMutation({
    mutationFn: () => generateSigningKeyPair(RECOMMENDED_ALGORITHM),
    // As a JWK, so the key keeps its kid (its thumbprint) for the header and for registering it.
    onSuccess: (pair) => change(JSON.stringify(pair.privateJwk, null, 2)),
  });

  function change(next: string) {
    setText(next);
    if (next.trim()) read.mutate(next);
    else {
      setProblem(undefined);
      onSigningKey(undefined);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Signing key
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Held in this tab’s memory only: never sent to any server, never put in the share link, gone when you clear it or
        leave the page. Use a test key, not your production one.
      </p>
      <label htmlFor={id} className="sr-only">
        Private key (PEM or JWK)
      </label>
      <Textarea
        id={id}
        mono
        rows={4}
        value={text}
        spellCheck={false}
        autoComplete="off"
        placeholder="-----BEGIN PRIVATE KEY-----  or a private JWK"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(event) => change(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => generate.mutate()} disabled={generate.isPending}>
          {generate.isPending ? 'Making a key pair…' : `Generate an ${RECOMMENDED_ALGORITHM} key pair`}
        </Button>
        <Button size="sm" variant="danger" onClick={() => change('')} disabled={!text}>
          Clear key
        </Button>
      </div>
      <p id={`${id}-status`} className="text-sm" aria-live="polite">
        {problem ? (
          <span className="text-red-700 dark:text-red-300">{problem}</span>
        ) : signingKey ? (
          <>
            {describeKey(signingKey)}: every edit is signed with it.
            {signError && <span className="block text-red-700 dark:text-red-300">Not re-signed: {signError}.</span>}
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">
            No key: edits keep the old signature, which then no longer matches (stale).
          </span>
        )}
      </p>
    </section>
  );
}
