import rehypeShiki from '@shikijs/rehype';
import type { Element, Root, RootContent } from 'hast';
import { unified } from 'unified';

// Kept apart from lib/docs/mdx.ts: Shiki is asynchronous and heavy, and only rendering needs it (at build time,
// since the docs pages are static), not the sidebar, search or the tests that list pages.
const highlighter = unified()
  .use(rehypeShiki, {
    themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    defaultColor: false,
    addLanguageClass: true,
    fallbackLanguage: 'text',
  })
  .use(() => languageOnPre);

/**
 * Puts each code block's language (from its code element's language-* class) on the pre as data-language, for
 * components/docs/code-block's label: that client component cannot read its children's props, which React may hand
 * it as a reference still to be resolved.
 */
function languageOnPre(tree: Root): void {
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element' && node.tagName === 'pre') {
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      // Shiki writes `class` (a string); remark-rehype writes `className` (a list).
      const classes = [code?.properties.class, code?.properties.className].flat().join(' ');
      const language = /(?:^|\s)language-(\S+)/.exec(classes)?.[1];
      if (language) node.properties.dataLanguage = language;
    } else if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
}

const highlighted = new WeakMap<Root, Promise<Root>>();

/** A body with its code blocks highlighted, computed once per parsed tree (which stays as it was). */
export function highlightedTree(tree: Root): Promise<Root> {
  let result = highlighted.get(tree);
  if (!result) {
    result = highlighter.run(structuredClone(tree)) as Promise<Root>;
    highlighted.set(tree, result);
  }
  return result;
}
