import fs from 'node:fs';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { headingsOf, type Heading } from './headings';
import { searchTextOf } from './search-text';

/** One MDX file after its one parse: everything the site, search and tests need from it. */
export interface CompiledMdx<FrontMatter> {
  frontMatter: FrontMatter;
  /** H2 and H3, with the ids the rendered headings carry. */
  headings: Heading[];
  /** The words a reader sees, components' included, for the search index. */
  searchText: string;
  /** The body as HTML syntax tree, headings slugged and linked; components/docs renders it (code is highlighted then). */
  tree: HastRoot;
  /** The Markdown after the front matter, and the line it starts on, for the prose rules in the tests. */
  source: { body: string; firstLine: number };
}

/** MDX nodes that stay in the HTML tree as they are: the renderer maps JSX elements to components. */
const MDX_NODE_TYPES: RemarkRehypeOptions['passThrough'] = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
];

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODE_TYPES })
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } });

function frontMatterOf(mdast: MdastRoot): { data: unknown; endLine: number } {
  const first = mdast.children[0];
  if (first?.type !== 'yaml') return { data: {}, endLine: 0 };
  return { data: parseYaml(first.value) ?? {}, endLine: first.position?.end.line ?? 0 };
}

/**
 * Parses an MDX file once and derives front matter (checked against `schema`), headings, search text and the
 * body from that one syntax tree. Errors name the file and, for front matter, the field.
 */
export function compileMdx<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  source: string = fs.readFileSync(file, 'utf8'),
): CompiledMdx<z.infer<Schema>> {
  let mdast: MdastRoot;
  try {
    mdast = processor.parse(source);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const { data, endLine } = frontMatterOf(mdast);
  const front = schema.safeParse(data);
  if (!front.success) throw new Error(`${file}: front matter is invalid: ${z.prettifyError(front.error)}`);
  const tree = processor.runSync(mdast) as HastRoot;
  const lines = source.split('\n');
  return {
    frontMatter: front.data,
    headings: headingsOf(tree),
    searchText: searchTextOf(tree, file),
    tree,
    source: { body: lines.slice(endLine).join('\n'), firstLine: endLine + 1 },
  };
}
