'use client';

import { useId } from 'react';
import { claimNote, type ClaimNote } from '@/lib/jwt/claim-notes';
import type { JsonEdit } from '@/lib/jwt/edit';
import { JsonCodeEditor } from './json-code-editor';

/** One part of the token as editable JSON, with the parse error where it is and what each known claim means (listed below, and on hover). */
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
      {/* Not a <label>: the editor is a contenteditable, which aria-labelledby names. */}
      <p id={`${id}-label`} className="text-sm font-semibold">
        {label}
      </p>
      <JsonCodeEditor
        id={id}
        labelId={`${id}-label`}
        describedBy={`${id}-status`}
        text={text}
        parsed={parsed}
        explain={(name) => claimNote(part, name)?.meaning}
        onChange={onChange}
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
