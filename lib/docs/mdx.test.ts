import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { algorithmTableText, lifetimeTableText } from './facts';
import { highlightedTree } from './highlight';
import { compileMdx } from './mdx';

const anyFrontMatter = z.object({});
const compile = (body: string) => compileMdx('test.mdx', anyFrontMatter, body);
const headingsOf = (body: string) => compile(body).headings;

describe('headings', () => {
  it('lists H2 and H3 with the ids rehype-slug gives them', () => {
    const body = ['# Title', '## Why it fails', 'text', '### The `exp` claim', '## Why it fails', '#### too deep'].join(
      '\n',
    );
    expect(headingsOf(body)).toEqual([
      { depth: 2, text: 'Why it fails', id: 'why-it-fails' },
      { depth: 3, text: 'The exp claim', id: 'the-exp-claim' },
      { depth: 2, text: 'Why it fails', id: 'why-it-fails-1' },
    ]);
  });

  it('ignores lines inside code fences', () => {
    const body = ['## Real', '```bash', '## not a heading', '```', '## Also real'].join('\n');
    expect(headingsOf(body).map((heading) => heading.text)).toEqual(['Real', 'Also real']);
  });

  it('reads link text, not link targets', () => {
    expect(headingsOf('## See [the guide](/docs/x)')[0]).toMatchObject({
      text: 'See the guide',
      id: 'see-the-guide',
    });
  });

  it('gives each id to the rendered heading too', () => {
    const { tree, headings } = compile('## Why it fails\n\n### The `exp` claim');
    const ids = tree.children.flatMap((node) => (node.type === 'element' ? [node.properties.id] : []));
    expect(ids).toEqual(headings.map((heading) => heading.id));
  });
});

describe('search text', () => {
  it('keeps words and drops Markdown syntax', () => {
    const text = compile(
      [
        '## Heading',
        '- **Bold** item with [a link](/x)',
        '',
        '| a | b |',
        '|---|---|',
        '',
        '```js',
        'const key = 1;',
        '```',
      ].join('\n'),
    ).searchText;
    expect(text).toContain('Heading');
    expect(text).toContain('Bold item with a link');
    expect(text).toContain('const key = 1;');
    expect(text).not.toMatch(/[*#[\]]|```|---/);
  });

  it('holds the words a component shows instead of its tag', () => {
    const text = compile('Before.\n\n<AlgorithmTable />\n\n<LifetimeTable />\n\nAfter.').searchText;
    expect(text).toBe(['Before.', algorithmTableText(), lifetimeTableText(), 'After.'].join('\n\n'));
    expect(text).toContain('RS256');
    expect(text).not.toContain('<');
  });

  it('refuses a component that declares no search text, naming the file', () => {
    expect(() => compile('<Unknown />')).toThrow(/test\.mdx: <Unknown>/);
  });
});

describe('front matter', () => {
  const schema = z.object({ title: z.string().min(1), order: z.number().int() });

  it('is read from the same parse and checked against the schema', () => {
    const compiled = compileMdx('a.mdx', schema, '---\ntitle: A page\norder: 2\n---\n\n## First\n');
    expect(compiled.frontMatter).toEqual({ title: 'A page', order: 2 });
    expect(compiled.headings.map((heading) => heading.text)).toEqual(['First']);
    expect(compiled.source).toEqual({ body: '\n## First\n', firstLine: 5 });
  });

  it('names the file and the field when it is wrong', () => {
    expect(() => compileMdx('content/docs/a.mdx', schema, '---\ntitle: A page\norder: first\n---\n')).toThrow(
      /content\/docs\/a\.mdx: front matter is invalid[\s\S]*order/,
    );
  });
});

describe('highlighting', () => {
  it('labels each code block with its language and leaves the parsed tree as it was', async () => {
    const { tree } = compile('```bash\nls\n```\n\n```\nplain\n```');
    const before = structuredClone(tree);
    const pres: Element[] = [];
    const collect = (node: Root | RootContent) => {
      if (node.type === 'element' && node.tagName === 'pre') pres.push(node);
      else if ('children' in node) node.children.forEach(collect);
    };
    collect(await highlightedTree(tree));
    // A block without a language is left as it is (Shiki highlights only named languages), so it gets no label.
    expect(pres.map((pre) => pre.properties.dataLanguage)).toEqual(['bash', undefined]);
    expect(tree).toEqual(before);
  });
});
