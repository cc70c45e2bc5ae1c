import type { Root } from 'hast';
import { MDX_COMPONENT_TEXT } from './facts';

/** Elements that start a line of their own in the text (table cells are separated by a space instead). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
]);
const CELLS = new Set(['td', 'th']);

/** A node of the HTML tree as read here: hast's types do not know the MDX nodes it carries. */
interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  /** An MDX JSX element's name ("AlgorithmTable"). */
  name?: string | null;
  children?: TreeNode[];
}

/**
 * The words a reader sees in a body, for the search index: text as rendered (no Markdown or JSX syntax), code blocks
 * kept (people search for option names), and each component replaced by the words it shows (MDX_COMPONENT_TEXT).
 */
export function searchTextOf(tree: Root, file: string): string {
  const parts: string[] = [];
  const visit = (node: TreeNode) => {
    if (node.type === 'text') parts.push(node.value ?? '');
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name && /^[A-Z]/.test(node.name)) {
        const text = MDX_COMPONENT_TEXT[node.name];
        if (!text)
          throw new Error(
            `${file}: <${node.name}> shows no search text; add it to MDX_COMPONENT_TEXT in lib/docs/facts.ts`,
          );
        parts.push('\n', text(), '\n');
      }
      node.children?.forEach(visit);
    } else if (node.type.startsWith('mdx')) {
      throw new Error(`${file}: MDX expressions, imports and exports are not supported in docs content`);
    } else {
      const separator = !node.tagName ? '' : BLOCKS.has(node.tagName) ? '\n' : CELLS.has(node.tagName) ? ' ' : '';
      parts.push(separator);
      node.children?.forEach(visit);
      parts.push(separator);
    }
  };
  visit(tree as TreeNode);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
