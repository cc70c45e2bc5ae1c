'use client';

import Link from 'next/link';
import type { KeySource } from '@/lib/accounts';
import type { KeyAttempt } from '@/lib/jwt';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';
import { KeyAttemptList } from './key-attempt-list';

export interface OwnAccount {
  name: string;
  apiKey: string;
}

/** "Check a token as the service sees it": the keys registered on the account behind an API key. */
export function AccountKeysPanel({
  id,
  apiKey,
  onChange,
  ownAccount,
  keySource,
  attempts,
  problem,
}: {
  id: string;
  apiKey: string;
  onChange: (value: string) => void;
  ownAccount?: OwnAccount;
  keySource?: KeySource;
  attempts: KeyAttempt[];
  problem?: string;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Input
          id={id}
          value={apiKey}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
          placeholder="The API key your editor is loaded with"
          className="min-w-48 flex-1 font-mono text-sm"
        />
        {ownAccount && ownAccount.apiKey !== apiKey && (
          <Button size="lg" onClick={() => onChange(ownAccount.apiKey)} className="max-w-full text-sm">
            Use my account ({ownAccount.name})
          </Button>
        )}
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-300">
        The token is checked by this portal’s server against the public keys registered on that account, exactly as the
        collaboration service would check it. It is sent over the connection you are using now and is never stored or
        logged. Owners see which key was used on their{' '}
        <Link href="/account" className="underline">
          account page
        </Link>
        .
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      {keySource?.kind === 'account' && (
        <p className="text-sm" data-testid="account-key-summary">
          <strong>{keySource.account.name}</strong> has{' '}
          {keySource.keyCount === 0
            ? 'no public keys'
            : `${keySource.keyCount} public key${keySource.keyCount === 1 ? '' : 's'}`}{' '}
          registered.
        </p>
      )}
      <KeyAttemptList attempts={attempts} />
    </div>
  );
}
