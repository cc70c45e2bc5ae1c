'use client';

import { useQuery } from '@tanstack/react-query';
import type { HighlighterCore } from 'shiki/core';

type Highlighter = HighlighterCore;

let highlighter: Promise<Highlighter> | undefined;

/** Shiki with only the JSON grammar and two themes, loaded the first time a token is decoded. */
function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [
        import('shiki/themes/github-light-high-contrast.mjs'),
        import('shiki/themes/github-dark-high-contrast.mjs'),
      ],
      langs: [import('shiki/langs/json.mjs')],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter!;
}

/** Highlighted HTML for a JSON value, or undefined while the highlighter loads. */
export function useHighlightedJson(value: unknown): string | undefined {
  const code = JSON.stringify(value, null, 2);
  const query = useQuery({
    queryKey: ['highlight-json', code],
    queryFn: async () =>
      (await loadHighlighter()).codeToHtml(code, {
        lang: 'json',
        themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
        defaultColor: false,
      }),
    staleTime: Infinity,
  });
  return query.data;
}
