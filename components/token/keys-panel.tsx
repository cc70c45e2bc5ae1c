'use client';

import { Textarea } from '@/components/ui/fields';
import type { KeyAttempt } from '@/lib/jwt';
import { KeyAttemptList } from './key-attempt-list';

export function KeysPanel({
  id,
  value,
  onChange,
  attempts,
  problem,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  attempts: KeyAttempt[];
  problem?: string;
}) {
  return (
    <div className="space-y-3">
      <Textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={5}
        mono
        spellCheck={false}
        aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
        placeholder='{"keys": [{"kty": "RSA", "kid": "…", "n": "…", "e": "AQAB"}]}  or  -----BEGIN PUBLIC KEY-----'
        className="resize-y"
      />
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-300">
        A JWK set, a single JWK or a PEM public key: the keys registered on the account. Public keys only; they stay in
        this browser.
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <KeyAttemptList attempts={attempts} />
    </div>
  );
}
