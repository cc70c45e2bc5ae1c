import GithubSlugger from 'github-slugger';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;

/** Strips inline Markdown so a heading reads as the page shows it. */
export function inlineMarkdownToText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .trim();
}

/**
 * The H2 and H3 headings of a Markdown body with the ids rehype-slug gives them
 * (both use github-slugger, so anchors match).
 */
export function extractHeadings(markdown: string): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const match = HEADING.exec(line);
    if (!match) continue;
    const text = inlineMarkdownToText(match[2]!);
    headings.push({ depth: match[1]!.length as 2 | 3, text, id: slugger.slug(text) });
  }
  return headings;
}
