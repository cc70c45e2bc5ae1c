'use client';

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import type { JsonEdit } from '@/lib/jwt/edit';

// Classes, not colours, so light and dark mode come from the same Tailwind palette as the read-only JSON views.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, class: 'text-rose-700 dark:text-rose-300' },
  { tag: tags.string, class: 'text-emerald-800 dark:text-emerald-300' },
  { tag: tags.number, class: 'text-sky-800 dark:text-sky-300' },
  { tag: [tags.bool, tags.null], class: 'text-violet-700 dark:text-violet-300' },
  { tag: tags.invalid, class: 'text-red-700 underline dark:text-red-300' },
]);

const look = EditorView.theme({
  '&': { fontSize: '0.75rem', backgroundColor: 'transparent' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', padding: '0.5rem 0', lineHeight: '1.625' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-tooltip': { border: 'none', backgroundColor: 'transparent' },
});

/** The page's CSP nonce, which CodeMirror puts on the <style> element it adds; the browser hides it from attributes. */
function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
}

/**
 * The character an error marker sits on: the one at the error, or, for an error at the end or on blank space (a
 * cut-off object), the last character before it, so that there is something to see.
 */
function markedCharacter(doc: Text, offset: number): { from: number; to: number } {
  let from = Math.min(offset, doc.length - 1);
  while (from > 0 && /\s/.test(doc.sliceString(from, from + 1))) from -= 1;
  from = Math.max(0, from);
  return { from, to: Math.min(from + 1, doc.length) };
}

/** Marks the document replacements that come from `text`, so they are not reported back as the user's edits. */
const fromProps = Annotation.define<boolean>();

/** The claim explanation for the property name under the pointer, if this panel knows that name. */
function claimHover(explain: (name: string) => string | undefined) {
  return hoverTooltip((view, pos) => {
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName') return null;
    const name = JSON.parse(view.state.sliceDoc(node.from, node.to)) as string;
    const text = explain(name);
    if (!text) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className =
          'max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 shadow dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
        dom.textContent = `${name}: ${text}`;
        return { dom };
      },
    };
  });
}

/**
 * A JSON editor (CodeMirror) for one part of the token: highlighted, the first JSON error marked where it is, and
 * the claim explanations on hover. Controlled: `text` replaces the document whenever it differs from what is there.
 */
export function JsonCodeEditor({
  id,
  labelId,
  describedBy,
  text,
  parsed,
  explain,
  onChange,
}: {
  id: string;
  labelId: string;
  describedBy: string;
  text: string;
  parsed: JsonEdit;
  explain: (name: string) => string | undefined;
  onChange: (text: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const validity = useRef(new Compartment());
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          syntaxHighlighting(highlight),
          look,
          EditorView.cspNonce.of(pageNonce()),
          claimHover(explain),
          validity.current.of([]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            id,
            'aria-labelledby': labelId,
            'aria-describedby': describedBy,
            'aria-multiline': 'true',
            spellcheck: 'false',
            autocapitalize: 'off',
            autocorrect: 'off',
          }),
          EditorView.updateListener.of((update) => {
            const typed = update.transactions.some((transaction) => !transaction.annotation(fromProps));
            if (update.docChanged && typed) latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is made once; text and errors reach it through the effects below.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const editor = view.current!;
    const current = editor.state.doc.toString();
    if (current !== text)
      editor.dispatch({ changes: { from: 0, to: current.length, insert: text }, annotations: fromProps.of(true) });
  }, [text]);

  const error = 'error' in parsed ? parsed : undefined;
  useEffect(() => {
    const editor = view.current!;
    const diagnostics = error
      ? [{ ...markedCharacter(editor.state.doc, error.offset), severity: 'error' as const, message: error.error }]
      : [];
    editor.dispatch(setDiagnostics(editor.state, diagnostics), {
      effects: validity.current.reconfigure(error ? EditorView.contentAttributes.of({ 'aria-invalid': 'true' }) : []),
    });
    // Keyed on the error's place and message: `parsed` is a new object on every render.
  }, [error?.offset, error?.error]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div
      ref={host}
      data-invalid={error ? 'true' : undefined}
      className="mt-1 max-h-72 overflow-auto rounded-md border border-slate-300 bg-white text-slate-900 focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500 data-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    />
  );
}
