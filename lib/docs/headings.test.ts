import { describe, expect, it } from 'vitest';
import { extractHeadings } from './headings';
import { markdownToPlainText } from './plain-text';

describe('extractHeadings', () => {
  it('lists H2 and H3 with the ids rehype-slug gives them', () => {
    const body = ['# Title', '## Why it fails', 'text', '### The `exp` claim', '## Why it fails', '#### too deep'].join(
      '\n',
    );
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: 'Why it fails', id: 'why-it-fails' },
      { depth: 3, text: 'The exp claim', id: 'the-exp-claim' },
      { depth: 2, text: 'Why it fails', id: 'why-it-fails-1' },
    ]);
  });

  it('ignores lines inside code fences', () => {
    const body = ['## Real', '```bash', '## not a heading', '```', '## Also real'].join('\n');
    expect(extractHeadings(body).map((heading) => heading.text)).toEqual(['Real', 'Also real']);
  });

  it('reads link text, not link targets', () => {
    expect(extractHeadings('## See [the guide](/docs/x)')[0]).toMatchObject({
      text: 'See the guide',
      id: 'see-the-guide',
    });
  });
});

describe('markdownToPlainText', () => {
  it('keeps words and drops Markdown syntax', () => {
    const text = markdownToPlainText(
      [
        '## Heading',
        '- **Bold** item with [a link](/x)',
        '| a | b |',
        '|---|---|',
        '```js',
        'const key = 1;',
        '```',
      ].join('\n'),
    );
    expect(text).toContain('Heading');
    expect(text).toContain('Bold item with a link');
    expect(text).toContain('const key = 1;');
    expect(text).not.toMatch(/[*#[\]]|```|---/);
  });
});
