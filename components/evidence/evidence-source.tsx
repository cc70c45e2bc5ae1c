'use client';

import { useId, useState, type DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/fields';

/** A capture or log to read: dropped or picked as a file, or pasted. */
export function EvidenceSource({
  onFile,
  onText,
  busy,
}: {
  onFile: (file: File) => void;
  onText: (text: string) => void;
  busy: boolean;
}) {
  const fileId = useId();
  const textId = useId();
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');
  const drop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div className="space-y-4">
      <label
        htmlFor={fileId}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-dragging={dragging || undefined}
        className="flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed border-slate-300 p-8 text-center has-focus-visible:outline-2 has-focus-visible:outline-brand-500 data-dragging:border-brand-500 data-dragging:bg-brand-50 dark:border-slate-600 dark:data-dragging:bg-slate-800"
      >
        <span className="font-semibold">Drop a .har file or a log here, or choose one</span>
        <span className="text-sm text-slate-600 dark:text-slate-300">
          Read in this browser, in a background worker; nothing is uploaded.
        </span>
        <input
          id={fileId}
          type="file"
          accept=".har,.json,.log,.txt,text/plain,application/json"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
      </label>
      <div>
        <label htmlFor={textId} className="block text-sm font-semibold">
          Or paste a log excerpt
        </label>
        <Textarea
          id={textId}
          mono
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="2026-12-04T10:42:07Z POST /rtc-token 200 token=eyJhbGciOi…"
          className="mt-1"
        />
        <Button
          size="sm"
          variant="secondary"
          className="mt-2"
          disabled={busy || !text.trim()}
          onClick={() => onText(text)}
        >
          Read the excerpt
        </Button>
      </div>
    </div>
  );
}
