'use client';

import { SegmentedChoice } from '@/components/ui/segmented-choice';
import type { DebuggerKeys } from './use-token-diagnosis';

const CHOICES: { value: DebuggerKeys['kind']; label: string }[] = [
  { value: 'paste', label: 'Paste public keys' },
  { value: 'account', label: 'An account’s registered keys' },
];

/**
 * Where the signature check finds its keys: pasted, or an account's (the debugger and the evidence reader). A radio
 * group, so arrow keys move between the choices.
 */
export function KeySourcePicker({
  value,
  onChange,
  legend = 'Public keys',
  name = 'key-source',
}: {
  value: DebuggerKeys['kind'];
  onChange: (kind: DebuggerKeys['kind']) => void;
  legend?: string;
  name?: string;
}) {
  return (
    <SegmentedChoice
      name={name}
      legend={legend}
      options={CHOICES}
      value={value}
      onChange={onChange}
      // Side by side where both fit; stacked, each a full-width row, on a phone.
      layout="grid sm:inline-flex"
    />
  );
}
