import type { Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/**
 * The H2 and H3 headings of a body, read from its syntax tree after rehype-slug: each id is the one the rendered
 * heading carries, so the table of contents and every #anchor link agree with the page.
 */
export function headingsOf(tree: Root): Heading[] {
  const headings: Heading[] = [];
  const visit = (nodes: readonly (Root | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
        headings.push({
          depth: node.tagName === 'h2' ? 2 : 3,
          text: toString(node).trim(),
          id: String(node.properties.id),
        });
      } else if ('children' in node) visit(node.children);
    }
  };
  visit([tree]);
  return headings;
}
