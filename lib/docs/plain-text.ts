import { inlineMarkdownToText } from './headings';

/** Markdown body → the words a reader sees, for the search index. Code blocks are kept: people search for option names. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map((line) =>
      inlineMarkdownToText(
        line
          .replace(/^\s{0,3}#{1,6}\s+/, '')
          .replace(/^\s*([-*+]|\d+\.)\s+/, '')
          .replace(/^\s*>\s?/, '')
          .replace(/\|/g, ' ')
          .replace(/^\s*:?-{3,}:?(\s+:?-{3,}:?)*\s*$/, ''),
      ),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
