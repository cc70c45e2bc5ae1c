import type { Root } from 'hast';
import { toJsxRuntime, type Evaluater } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { highlightedTree } from '@/lib/docs/highlight';
import { mdxComponents } from '@/mdx-components';

// A page names a component as a variable (<AlgorithmTable />); as in MDX without imports, the variables in scope are
// the registered components, and nothing else is evaluated (lib/docs refuses expressions, imports and exports).
const componentsInScope: Evaluater = {
  evaluateExpression(expression) {
    if (expression.type === 'Identifier' && Object.hasOwn(mdxComponents, expression.name))
      return mdxComponents[expression.name as keyof typeof mdxComponents];
    throw new Error(`MDX docs can only use the components mdx-components.tsx registers`);
  },
  evaluateProgram() {
    throw new Error('MDX docs cannot import or export');
  },
};

/** A docs page's prose from the tree lib/docs parsed it into, code highlighted and MDX components in place. */
export async function MdxBody({ tree }: { tree: Root }) {
  return toJsxRuntime(await highlightedTree(tree), {
    Fragment,
    jsx,
    jsxs,
    components: mdxComponents,
    createEvaluater: () => componentsInScope,
  });
}
