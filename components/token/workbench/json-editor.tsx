'use client';

import { useId } from 'react';
import { Textarea } from '@/components/ui/fields';
import { claimNote, type ClaimNote } from '@/lib/jwt/claim-notes';
import type { JsonEdit } from '@/lib/jwt/edit';

/** One part of the token as editable JSON, with the parse error where it is and what each known claim means. */
export function JsonEditor({
  part,
  label,
  text,
  parsed,
  onChange,
}: {
  part: ClaimNote['part'];
  label: string;
  text: string;
  parsed: JsonEdit;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const notes = 'value' in parsed ? Object.keys(parsed.value).flatMap((name) => claimNote(part, name) ?? []) : [];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <Textarea
        id={id}
        mono
        rows={Math.min(12, Math.max(4, text.split('\n').length + 1))}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={'error' in parsed || undefined}
        aria-describedby={`${id}-status`}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1"
      />
      <div id={`${id}-status`} className="mt-1 text-xs">
        {'error' in parsed ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            Not JSON at line {parsed.line}, column {parsed.column}: {parsed.error}. The token keeps its last valid{' '}
            {part}.
          </p>
        ) : (
          notes.length > 0 && (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-600 dark:text-slate-300">
              {notes.map((note) => (
                <div key={note.name} className="contents">
                  <dt>
                    <code className="break-all">{note.name}</code>
                  </dt>
                  <dd>
                    {note.meaning}
                    {note.required ? ' (required)' : ''}
                  </dd>
                </div>
              ))}
            </dl>
          )
        )}
      </div>
    </div>
  );
}
