'use client';

import { SegmentedChoice } from '@/components/ui/segmented-choice';
import type { DebuggerKeys } from './use-token-diagnosis';

const CHOICES: { value: DebuggerKeys['kind']; label: string }[] = [
  { value: 'paste', label: 'Paste public keys' },
  { value: 'account', label: 'An account’s registered keys' },
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
    <SegmentedChoice
      name="key-source"
      legend="Public keys"
      options={CHOICES}
      value={value}
      onChange={onChange}
      // Side by side where both fit; stacked, each a full-width row, on a phone.
      layout="grid sm:inline-flex"
    />
  );
}
