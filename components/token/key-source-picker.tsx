'use client';

import type { DebuggerKeys } from './use-token-diagnosis';

const CHOICES: { kind: DebuggerKeys['kind']; label: string }[] = [
  { kind: 'paste', label: 'Paste public keys' },
  { kind: 'account', label: 'An account’s registered keys' },
];

/** Where the signature check finds its keys. A radio group, so arrow keys move between the choices. */
export function KeySourcePicker({
  value,
  onChange,
}: {
  value: DebuggerKeys['kind'];
  onChange: (kind: DebuggerKeys['kind']) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 font-semibold">Public keys</legend>
      {/* Side by side where both fit; stacked, each a full-width row, on a phone. */}
      <div className="grid rounded-lg border border-slate-300 p-0.5 sm:inline-flex dark:border-slate-600">
        {CHOICES.map((choice) => (
          <label
            key={choice.kind}
            className="cursor-pointer rounded-md px-3 py-1.5 text-sm has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-brand-500"
          >
            <input
              type="radio"
              name="key-source"
              value={choice.kind}
              checked={value === choice.kind}
              onChange={() => onChange(choice.kind)}
              className="sr-only"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
