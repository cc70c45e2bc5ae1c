'use client';

import { useRef } from 'react';

export const PART_COLOURS = [
  'text-rose-700 dark:text-rose-400',
  'text-violet-700 dark:text-violet-400',
  'text-sky-700 dark:text-sky-400',
] as const;

/** The token's parts, coloured, drawn behind a transparent textarea so the colours follow the text as it is edited. */
function ColouredToken({ value }: { value: string }) {
  const parts = value.split('.');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <span className="text-slate-500">.</span>}
          <span className={index < 3 ? PART_COLOURS[index] : 'text-amber-700 dark:text-amber-400'}>{part}</span>
        </span>
      ))}
      {/* A trailing newline needs something after it to take up space, as the textarea does. */}
      {value.endsWith('\n') && ' '}
    </>
  );
}

export function TokenInput({
  id,
  value,
  onChange,
  onPaste,
  onFocus,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onPaste?: () => void;
  onFocus?: () => void;
}) {
  const overlayRef = useRef<HTMLDivElement>(null);
  const shared = 'whitespace-pre-wrap break-all p-3 font-mono text-sm leading-6';
  return (
    <div className="relative rounded-lg border border-slate-300 bg-white focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500 dark:border-slate-600 dark:bg-slate-900">
      <div
        ref={overlayRef}
        aria-hidden="true"
        className={`pointer-events-none absolute inset-0 overflow-hidden ${shared}`}
      >
        <ColouredToken value={value} />
      </div>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onPaste={onPaste}
        onFocus={onFocus}
        onScroll={(event) => {
          if (overlayRef.current) overlayRef.current.scrollTop = event.currentTarget.scrollTop;
        }}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjoxNzk…"
        className={`relative block w-full resize-y bg-transparent text-transparent caret-slate-900 outline-none placeholder:text-slate-500 dark:caret-white dark:placeholder:text-slate-400 ${shared}`}
      />
    </div>
  );
}
