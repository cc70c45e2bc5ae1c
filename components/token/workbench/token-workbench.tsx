'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calculateJwkThumbprint } from 'jose';
import { useEffect, useRef, useState } from 'react';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import type { AlgorithmName } from '@/lib/algorithms';
import { formatJson, parseJsonObject, type JsonEdit } from '@/lib/jwt/edit';
import type { PrivateSigningKey } from '@/lib/jwt/private-key';
import type { JsonObject } from '@/lib/jwt/types';
import type { OwnAccount } from '../account-keys-panel';
import { JsonEditor } from './json-editor';
import { rebuildToken } from './rebuild';
import { SigningKeyPanel } from './signing-key-panel';
import { TimeSetter, type TimeClaim } from './time-setter';

export interface WorkbenchProps {
  token: string;
  header: JsonObject | null;
  payload: JsonObject | null;
  now: number;
  accepted: readonly AlgorithmName[];
  signingKey?: PrivateSigningKey;
  onSigningKey: (key: PrivateSigningKey | undefined) => void;
  /** An edit made a new token; `stale` when it carries a signature made over something else. */
  onEdit: (token: string, stale: boolean) => void;
  ownAccount?: OwnAccount;
  /** The key's public half is on the owner's account now, under `kid`: check the token as the service sees it. */
  onRegistered: (kid: string) => void;
}

const TIME_CLAIMS: TimeClaim[] = ['exp', 'iat', 'nbf'];

/** Edit the header and payload as JSON, sign with a key held in memory, and register its public half. */
export default function TokenWorkbench(props: WorkbenchProps) {
  const { token, header, payload, now, accepted, signingKey, onSigningKey, onEdit, ownAccount, onRegistered } = props;
  const [headerText, setHeaderText] = useState(() => (header ? formatJson(header) : '{}'));
  const [payloadText, setPayloadText] = useState(() => (payload ? formatJson(payload) : '{}'));
  const [signError, setSignError] = useState<string>();
  // The token this panel last made: when the token changes to anything else (a paste, a fix), the panels follow it.
  const emitted = useRef(token);
  const parsedHeader = parseJsonObject(headerText);
  const parsedPayload = parseJsonObject(payloadText);

  useEffect(() => {
    if (token === emitted.current) return;
    emitted.current = token;
    setHeaderText(header ? formatJson(header) : '{}');
    setPayloadText(payload ? formatJson(payload) : '{}');
  }, [token, header, payload]);

  async function emit(nextHeader: JsonEdit, nextPayload: JsonEdit, key = signingKey) {
    if (!('value' in nextHeader) || !('value' in nextPayload)) return;
    let rebuilt = await rebuildToken(token, nextHeader.value, nextPayload.value, key, accepted);
    if ('error' in rebuilt) {
      setSignError(rebuilt.error);
      rebuilt = await rebuildToken(token, nextHeader.value, nextPayload.value, undefined, accepted);
      if ('error' in rebuilt) return;
    } else setSignError(undefined);
    emitted.current = rebuilt.token;
    onEdit(rebuilt.token, rebuilt.stale);
  }

  const editHeader = (text: string) => {
    setHeaderText(text);
    void emit(parseJsonObject(text), parsedPayload);
  };
  const editPayload = (text: string) => {
    setPayloadText(text);
    void emit(parsedHeader, parseJsonObject(text));
  };
  const setTime = (claim: TimeClaim, seconds: number | undefined) => {
    if (!('value' in parsedPayload)) return;
    const next = { ...parsedPayload.value };
    if (seconds === undefined) delete next[claim];
    else next[claim] = seconds;
    editPayload(formatJson(next));
  };
  const chooseKey = (key: PrivateSigningKey | undefined) => {
    onSigningKey(key);
    // A new key signs what the panels hold at once.
    if (key) void emit(parsedHeader, parsedPayload, key);
  };

  return (
    <div className="space-y-5 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <SigningKeyPanel signingKey={signingKey} onSigningKey={chooseKey} signError={signError} />
      {signingKey && ownAccount && (
        <RegisterKey
          signingKey={signingKey}
          ownAccount={ownAccount}
          onRegistered={(kid) => {
            if ('value' in parsedHeader && parsedHeader.value.kid !== kid)
              editHeader(formatJson({ ...parsedHeader.value, kid }));
            onRegistered(kid);
          }}
        />
      )}
      <JsonEditor part="header" label="Header JSON" text={headerText} parsed={parsedHeader} onChange={editHeader} />
      <JsonEditor
        part="payload"
        label="Payload JSON"
        text={payloadText}
        parsed={parsedPayload}
        onChange={editPayload}
      />
      {'value' in parsedPayload && (
        <div className="grid gap-4">
          {TIME_CLAIMS.map((claim) => (
            <TimeSetter
              key={claim}
              claim={claim}
              value={parsedPayload.value[claim]}
              now={now}
              onSet={(seconds) => setTime(claim, seconds)}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** Puts the signing key's public half on the owner's account, through the same checks as an upload. */
function RegisterKey({
  signingKey,
  ownAccount,
  onRegistered,
}: {
  signingKey: PrivateSigningKey;
  ownAccount: OwnAccount;
  onRegistered: (kid: string) => void;
}) {
  const queryClient = useQueryClient();
  const register = useMutation({
    mutationFn: async () => {
      const kid = signingKey.kid ?? (await calculateJwkThumbprint(signingKey.publicJwk));
      await requestJson(`/api/accounts/${encodeURIComponent(ownAccount.apiKey)}/keys`, {
        method: 'POST',
        // The public half only: publicJwk never holds a private member.
        body: JSON.stringify({ key: JSON.stringify({ ...signingKey.publicJwk, kid, use: 'sig' }) }),
      });
      return kid;
    },
    onSuccess: async (kid) => {
      await queryClient.invalidateQueries({ queryKey: ['account-keys', ownAccount.apiKey] });
      onRegistered(kid);
    },
  });
  useEffect(() => register.reset(), [signingKey]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="space-y-1">
      <Button size="sm" variant="outline" onClick={() => register.mutate()} disabled={register.isPending}>
        {register.isPending ? 'Registering…' : `Register its public key on ${ownAccount.name}`}
      </Button>
      <p className="text-sm" aria-live="polite">
        {register.isSuccess && (
          <span className="text-emerald-800 dark:text-emerald-300">
            Registered as kid “{register.data}”: the token names it and is checked against your account’s keys.
          </span>
        )}
        {register.isError && <span className="text-red-700 dark:text-red-300">{register.error.message}</span>}
      </p>
    </div>
  );
}
