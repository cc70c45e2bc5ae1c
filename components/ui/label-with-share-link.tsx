'use client';

import { CopyButton } from './copy-button';

/** A tool's main field label, with a button copying a link to this page in its current state (when there is state to share). */
export function LabelWithShareLink({
  htmlFor,
  label,
  shareState,
}: {
  htmlFor: string;
  label: string;
  shareState?: () => string;
}) {
  return (
    <div className="mb-2 flex items-end justify-between gap-4">
      <label htmlFor={htmlFor} className="font-semibold">
        {label}
      </label>
      {shareState && (
        <CopyButton
          getText={() => `${window.location.origin}${window.location.pathname}${shareState()}`}
          label="Copy share link"
        />
      )}
    </div>
  );
}
